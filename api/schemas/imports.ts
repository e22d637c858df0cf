import { z } from "zod";
import { ConstraintTypeSchema, LandUseEditionSchema, PlotStatusSchema } from "./enums.ts";

/** Plot fields an import can fill from a source column. Areas: `declaredAreaM2` in m², `declaredAreaMu` in 亩. */
export const PLOT_IMPORT_FIELDS = [
  "code",
  "landUseCode",
  "landUseEdition",
  "status",
  "declaredAreaM2",
  "declaredAreaMu",
  "approvalDate",
  "supplyDate",
] as const;
export type PlotImportField = (typeof PLOT_IMPORT_FIELDS)[number];

/** A field mapping: plot field → source column name, e.g. `{ code: "宗地编码", declaredAreaM2: "用地面积" }`. */
export const PlotFieldMappingSchema = z.partialRecord(z.enum(PLOT_IMPORT_FIELDS), z.string().min(1).max(100));
export type PlotFieldMapping = z.infer<typeof PlotFieldMappingSchema>;

const boolText = z.enum(["true", "false", "1", "0"]).transform((s) => s === "true" || s === "1");

/** The multipart form of `POST /api/imports` with `target=plots`. */
export const PlotImportFormSchema = z.object({
  file: z.instanceof(File),
  target: z.literal("plots"),
  parkId: z.coerce.number().int().positive(),
  /** Text encoding override: utf-8, gbk, gb18030, cp936, windows-1252 … */
  encoding: z.string().max(40).optional(),
  /** Source EPSG override (4490, 4326, 3857, 4491–4554). */
  srid: z.coerce.number().int().positive().optional(),
  /** `gcj02`: the lon/lat are GCJ-02 (AMap, DataV) and are shifted back to WGS84. */
  sourceCoordinates: z.enum(["wgs84", "gcj02"]).default("wgs84"),
  dryRun: boolText.default(false),
  /** A field mapping as JSON text; it overrides the saved mapping and the suggestions field by field. */
  mapping: z
    .string()
    .max(10_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
        return z.NEVER;
      }
    })
    .pipe(PlotFieldMappingSchema)
    .optional(),
  /** The name of a saved mapping to start from. */
  mappingName: z.string().min(1).max(100).optional(),
  /** Save the mapping used under this name (on commit). */
  saveMappingAs: z.string().min(1).max(100).optional(),
  /** Run as a background job and answer 202 with a job id (also chosen for large files). */
  background: boolText.optional(),
});
export type PlotImportForm = z.infer<typeof PlotImportFormSchema>;

/** The multipart form of `POST /api/imports` with `target=constraints`: the file becomes one new layer of the zone. */
export const ConstraintImportFormSchema = z.object({
  file: z.instanceof(File),
  target: z.literal("constraints"),
  zoneId: z.coerce.number().int().positive(),
  layerType: ConstraintTypeSchema,
  /** The new layer's name; default: the file's base name. */
  layerName: z.string().trim().min(1).max(200).optional(),
  encoding: z.string().max(40).optional(),
  srid: z.coerce.number().int().positive().optional(),
  sourceCoordinates: z.enum(["wgs84", "gcj02"]).default("wgs84"),
  dryRun: boolText.default(false),
});
export type ConstraintImportForm = z.infer<typeof ConstraintImportFormSchema>;

/** The multipart form of `POST /api/imports` with `target=stats`: a CSV or XLSX of enterprise annual statistics. */
export const StatsImportFormSchema = z.object({
  file: z.instanceof(File),
  target: z.literal("stats"),
  encoding: z.string().max(40).optional(),
  dryRun: boolText.default(false),
});
export type StatsImportForm = z.infer<typeof StatsImportFormSchema>;

/** The multipart form of `POST /api/imports`, by `target`. */
export const ImportFormSchema = z.discriminatedUnion("target", [
  PlotImportFormSchema,
  ConstraintImportFormSchema,
  StatsImportFormSchema,
]);
export type ImportForm = z.infer<typeof ImportFormSchema>;

/** One finding of the validation report. `severity` error blocks the commit. */
export const ImportIssueSchema = z.object({
  severity: z.enum(["error", "warning", "repaired"]),
  kind: z.enum([
    "empty_geometry",
    "not_polygon",
    "invalid_geometry",
    "unclosed_ring",
    "duplicate_code",
    "duplicate_geometry",
    "missing_code",
    "code_in_other_park",
    "bad_value",
    "overlaps_existing",
    "overlaps_in_file",
    "outside_park",
    "declared_area_mismatch",
  ]),
  /** 0-based feature index in the source file. */
  index: z.number().int(),
  code: z.string().nullable(),
  detail: z.string(),
  /** Overlap or outside area, 亩, where it applies. */
  areaMu: z.number().optional(),
  /** (declared − computed) / computed, where it applies. */
  deviationRatio: z.number().optional(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** The change a commit makes (or a dry run would make). */
export const ImportChangeSummarySchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Updated plots whose geometry changed. */
  geometryChanged: z.number().int(),
  /** Updated plots that end up identical. */
  unchanged: z.number().int(),
  /** Up to 50 updated plots with what changed. */
  changes: z.array(z.object({ code: z.string(), fields: z.array(z.string()), areaDeltaM2: z.number() })),
});
export type ImportChangeSummary = z.infer<typeof ImportChangeSummarySchema>;

/** The report of `POST /api/imports` (dry run or commit). */
export const ImportReportSchema = z.object({
  importId: z.number().int().nullable(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(["shapefile", "geojson", "csv", "kml"]),
  layerName: z.string(),
  featureCount: z.number().int(),
  fields: z.array(z.string()),
  encoding: z.object({ name: z.string(), source: z.string(), reason: z.string() }).nullable(),
  crs: z.object({
    epsg: z.number().int().nullable(),
    name: z.string(),
    source: z.string(),
    reason: z.string(),
  }),
  sourceCoordinates: z.enum(["wgs84", "gcj02"]),
  mapping: PlotFieldMappingSchema,
  mappingSource: z.string(),
  defaults: z.object({
    status: PlotStatusSchema,
    landUseCode: z.string(),
    landUseEdition: LandUseEditionSchema,
  }),
  warnings: z.array(z.string()),
  issues: z.array(ImportIssueSchema),
  errorCount: z.number().int(),
  summary: ImportChangeSummarySchema,
  /** Total computed area of the imported plots, 亩. */
  totalAreaMu: z.number(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** `:id` of `/api/imports/:id/undo`. */
export const ImportIdParamSchema = z.object({ id: z.coerce.number().int().positive() });
/** `:id` of `/api/imports/jobs/:id`. */
export const JobIdParamSchema = z.object({ id: z.uuid() });
