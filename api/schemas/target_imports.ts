import { z } from "zod";
import { ConstraintTypeSchema } from "./enums.ts";
import { ImportIssueSchema } from "./imports.ts";

const EncodingReportSchema = z.object({ name: z.string(), source: z.string(), reason: z.string() });

/** The report of `POST /api/imports` with `target=constraints` (dry run or commit). */
export const ConstraintImportReportSchema = z.object({
  target: z.literal("constraints"),
  importId: z.number().int().nullable(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(["shapefile", "geojson", "csv", "kml"]),
  zoneId: z.number().int(),
  layerType: ConstraintTypeSchema,
  /** The new layer's name (form field `layerName`, else the file's base name). */
  layerName: z.string(),
  /** The new layer's id once committed. */
  layerId: z.number().int().nullable(),
  /** Features in the file; `importedCount` of them are (or would be) written. */
  featureCount: z.number().int(),
  importedCount: z.number().int(),
  fields: z.array(z.string()),
  /** The source column used as each feature's name, if any. */
  nameColumn: z.string().nullable(),
  encoding: EncodingReportSchema.nullable(),
  crs: z.object({
    epsg: z.number().int().nullable(),
    name: z.string(),
    source: z.string(),
    reason: z.string(),
  }),
  sourceCoordinates: z.enum(["wgs84", "gcj02"]),
  warnings: z.array(z.string()),
  /** `code` is the feature's name where it has one. Kinds: not_polygon, empty_geometry, invalid_geometry, unclosed_ring. */
  issues: z.array(ImportIssueSchema),
  errorCount: z.number().int(),
  /** Total area of the layer's polygons on the ellipsoid (PostGIS), 亩. */
  totalAreaMu: z.number(),
});
export type ConstraintImportReport = z.infer<typeof ConstraintImportReportSchema>;

/** Enterprise annual statistics an import can fill (columns of `enterprise_stats`). */
export const STATS_IMPORT_FIELDS = [
  "outputWan",
  "valueAddedWan",
  "taxWan",
  "revenueWan",
  "fixedAssetInvestmentWan",
  "energyTce",
  "emissionsT",
  "electricityKwh",
  "employees",
  "rndWan",
] as const;
export type StatsImportField = (typeof STATS_IMPORT_FIELDS)[number];

/** One finding of a statistics import; every `error` blocks the whole import. */
export const StatsImportIssueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  kind: z.enum([
    "missing_key",
    "bad_year",
    "unknown_enterprise",
    "ambiguous_enterprise",
    "duplicate_key",
    "not_numeric",
    "negative_value",
  ]),
  /** Spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  /** The enterprise key as written (credit code or name), and the year. */
  key: z.string().nullable(),
  year: z.number().int().nullable(),
  /** The source column concerned, where one is. */
  column: z.string().nullable(),
  detail: z.string(),
});
export type StatsImportIssue = z.infer<typeof StatsImportIssueSchema>;

/** How a source column was read: the statistic it fills and the factor applied (0.0001 for 元 → 万元). */
export const StatsColumnSchema = z.object({
  column: z.string(),
  field: z.enum(STATS_IMPORT_FIELDS),
  factor: z.number(),
});

/** The report of `POST /api/imports` with `target=stats` (dry run or commit). */
export const StatsImportReportSchema = z.object({
  target: z.literal("stats"),
  importId: z.number().int().nullable(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  /** Data rows in the file. */
  rowCount: z.number().int(),
  fields: z.array(z.string()),
  encoding: EncodingReportSchema.nullable(),
  /** Which key identified enterprises: the credit-code column, else the name column. */
  key: z.object({ creditCodeColumn: z.string().nullable(), nameColumn: z.string().nullable() }),
  yearColumn: z.string(),
  columns: z.array(StatsColumnSchema),
  /** Header cells that map to no statistic (ignored). */
  ignoredColumns: z.array(z.string()),
  warnings: z.array(z.string()),
  issues: z.array(StatsImportIssueSchema),
  errorCount: z.number().int(),
  /** Rows inserted as new (enterprise, year) and rows that replace stored values. */
  summary: z.object({ inserted: z.number().int(), updated: z.number().int() }),
});
export type StatsImportReport = z.infer<typeof StatsImportReportSchema>;
