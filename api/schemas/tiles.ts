import { z } from "zod";
import { ConstraintTypeSchema, PlotStatusSchema } from "./enums.ts";
import { FindingStatusSchema } from "./findings.ts";
import { GradeSchema, PlotFlagSchema } from "./plots.ts";

/**
 * The plots layer's review-workflow filter: plots with a finding in this status, or `open` (any finding not
 * yet closed). Reviewers, planners and admins only (the route checks the session).
 */
export const TileReviewFilterSchema = z.union([FindingStatusSchema, z.literal("open")]);
export type TileReviewFilter = z.infer<typeof TileReviewFilterSchema>;

/** Tile layers served by `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt` (MVT layer name = the layer). */
export const TileLayerSchema = z.enum(["plots", "parks", "constraints"]);
export type TileLayer = z.infer<typeof TileLayerSchema>;

/** Highest zoom served. */
export const TILE_MAX_ZOOM = 22;

/**
 * `z`, `x`, `y` of a tile (XYZ scheme, Web Mercator): z 0–22, x and y 0 … 2^z − 1 (checked against z
 * in the route, which names the offending parameter).
 */
export const TileCoordsSchema = z.object({
  z: z.coerce.number().int().min(0).max(TILE_MAX_ZOOM),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});
export type TileCoords = z.infer<typeof TileCoordsSchema>;

/** Indicators a plot tile can carry as `value` and filter on with `min` / `max`. */
export const TileIndicatorSchema = z.enum(["outputPerMuWan", "taxPerMuWan", "far", "coverage"]);
export type TileIndicator = z.infer<typeof TileIndicatorSchema>;

const id = z.coerce.number().int().positive();
const bound = z.coerce.number().refine(Number.isFinite, "expected a finite number");

/**
 * Filters of the `plots` layer. `year`: statistics year of the assessment (default the latest);
 * `indicator` (default `outputPerMuWan`) is carried as `value` at every zoom and bounded by `min` /
 * `max` (inclusive; plots without a value are left out when a bound is set).
 */
export const PlotTileQuerySchema = z
  .strictObject({
    zone: id.optional(),
    park: id.optional(),
    status: PlotStatusSchema.optional(),
    grade: GradeSchema.optional(),
    flag: PlotFlagSchema.optional(),
    review: TileReviewFilterSchema.optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    indicator: TileIndicatorSchema.optional(),
    min: bound.optional(),
    max: bound.optional(),
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
    path: ["min"],
    message: "min must not exceed max",
  });
export type PlotTileQuery = z.infer<typeof PlotTileQuerySchema>;

/** Filters of the `parks` layer. */
export const ParkTileQuerySchema = z.strictObject({ zone: id.optional(), park: id.optional() });
export type ParkTileQuery = z.infer<typeof ParkTileQuerySchema>;

/** Filters of the `constraints` layer. */
export const ConstraintTileQuerySchema = z.strictObject({
  zone: id.optional(),
  type: ConstraintTypeSchema.optional(),
});
export type ConstraintTileQuery = z.infer<typeof ConstraintTileQuerySchema>;

/** Each layer's filter schema. */
export const TILE_QUERY_SCHEMAS = {
  plots: PlotTileQuerySchema,
  parks: ParkTileQuerySchema,
  constraints: ConstraintTileQuerySchema,
} as const;

/** The plots layer's filters after defaults: what tiles are rendered and cached by. */
export interface PlotTileFilters {
  year: number;
  indicator: TileIndicator;
  zone: number | null;
  park: number | null;
  status: PlotTileQuery["status"] | null;
  grade: PlotTileQuery["grade"] | null;
  flag: PlotTileQuery["flag"] | null;
  review: TileReviewFilter | null;
  min: number | null;
  max: number | null;
}
