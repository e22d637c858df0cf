/**
 * An expected failure of a user's file (truncated, unreadable, unsupported): importers throw it and
 * the API maps `code` to a 4xx AppError with zh-CN and en messages. `params` fill the message.
 */
export class ImportProblem extends Error {
  override readonly name = "ImportProblem";
  readonly code: ImportProblemCode;
  readonly params: Record<string, string | number>;
  constructor(code: ImportProblemCode, params: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.code = code;
    this.params = params;
  }
}

/** Problem codes; each has an entry of the same name in api/errors.ts. */
export type ImportProblemCode =
  | "import_empty_file"
  | "import_unsupported_format"
  | "import_truncated_file"
  | "import_missing_sidecar"
  | "import_unsafe_zip_entry"
  | "import_zip_too_large"
  | "import_zip_ratio"
  | "import_unknown_projection"
  | "import_unknown_encoding"
  | "import_bad_geometry_type"
  | "import_no_features"
  | "import_coordinates_out_of_range"
  | "import_bad_file"
  | "stats_import_missing_column";
