import { z } from "zod";

/** A `[lng, lat]` position in EPSG:4326 (extra ordinates are rejected). */
export const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A linear ring: closed, at least 4 positions. */
export const LinearRingSchema = z
  .array(PositionSchema)
  .min(4)
  .refine((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, "ring must be closed (first position = last position)");

/** GeoJSON Polygon (RFC 7946). */
export const PolygonSchema = z.object({
  type: z.literal("Polygon"),
  coordinates: z.array(LinearRingSchema).min(1),
});
/** GeoJSON MultiPolygon (RFC 7946). */
export const MultiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(LinearRingSchema).min(1)).min(1),
});
/** GeoJSON LineString (RFC 7946). */
export const LineStringSchema = z.object({
  type: z.literal("LineString"),
  coordinates: z.array(PositionSchema).min(2),
});
/** GeoJSON MultiLineString (RFC 7946). */
export const MultiLineStringSchema = z.object({
  type: z.literal("MultiLineString"),
  coordinates: z.array(z.array(PositionSchema).min(2)).min(1),
});

/** Any areal geometry accepted as input; stored as MultiPolygon. */
export const ArealGeometrySchema = z.discriminatedUnion("type", [PolygonSchema, MultiPolygonSchema]);
export type ArealGeometry = z.infer<typeof ArealGeometrySchema>;
