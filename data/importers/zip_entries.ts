import { unzipSync } from "fflate";
import { ImportProblem } from "./import_problem.ts";

/** Limits that keep a hostile archive from exhausting memory (zip bombs). */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio check (tiny files compress oddly). */
  ratioFloorBytes: number;
  maxEntries: number;
}

/**
 * Default limits: 1 GiB in total (a 100,000-plot Shapefile is ~30 MB), ratio 200 above 1 MiB (real
 * DBFs with blank padding reach ~50; deflate's ceiling is ~1032), 1,000 entries.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 1000,
};

/** True for an entry name that could escape the extraction folder or is absolute. */
export function isUnsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, "/");
  return n.startsWith("/") || /^[a-zA-Z]:/.test(n) || n.split("/").includes("..") || n.includes("\0");
}

/** True when bytes start a ZIP archive (local header or empty-archive end record). */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

/**
 * The files in a ZIP archive (nested folders allowed; directories and macOS `__MACOSX` metadata
 * skipped). Sizes are checked from the central directory before anything is inflated, and inflation
 * writes into a buffer of the declared size, so a lying header cannot make it grow.
 * @throws ImportProblem `import_unsafe_zip_entry`, `import_zip_too_large`, `import_zip_ratio`, `import_bad_file`
 */
export function zipEntries(
  data: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  let total = 0;
  let count = 0;
  const check = (f: { name: string; size: number; originalSize: number }) => {
    if (isUnsafeEntryName(f.name)) throw new ImportProblem("import_unsafe_zip_entry", { entry: f.name });
    if (f.name.endsWith("/") || f.name.startsWith("__MACOSX/")) return false;
    count++;
    total += f.originalSize;
    if (count > limits.maxEntries || total > limits.maxTotalBytes)
      throw new ImportProblem("import_zip_too_large", {
        limitMb: Math.round(limits.maxTotalBytes / 2 ** 20),
      });
    if (f.originalSize > limits.ratioFloorBytes && f.originalSize > limits.maxRatio * Math.max(f.size, 1))
      throw new ImportProblem("import_zip_ratio", {
        entry: f.name,
        ratio: Math.round(f.originalSize / f.size),
      });
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: check });
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw new ImportProblem("import_bad_file", { reason: e instanceof Error ? e.message : String(e) });
  }
  return new Map(Object.entries(files));
}
