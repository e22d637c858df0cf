import { z } from "zod";
import { ZoneTargetSchema } from "./demo_dataset.ts";
import { ParkRoleSchema, ZoneLevelSchema } from "./enums.ts";
import { MultiPolygonSchema } from "./geojson.ts";

/** `[minLng, minLat, maxLng, maxLat]` in EPSG:4326. */
export const BboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Bbox = z.infer<typeof BboxSchema>;

/** A park as listed under its zone by `GET /api/zones`. Areas in 亩 are unrounded. */
export const ParkSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  zoneId: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  role: ParkRoleSchema,
  county: z.string(),
  countyEn: z.string(),
  industries: z.array(z.string()),
  industriesEn: z.array(z.string()),
  /** Approved (planned) area, 亩; null when not recorded. */
  approvedAreaMu: z.number().nullable(),
  /** Area of the mapped boundary on the ellipsoid, 亩. */
  boundaryAreaMu: z.number(),
  plotCount: z.number().int(),
  bbox: BboxSchema,
  /** A point guaranteed inside the boundary (ST_PointOnSurface), for labels. */
  labelPoint: z.tuple([z.number(), z.number()]),
  /** For enclaves: the park they are co-built with (the core). */
  partnerParkId: z.number().int().nullable(),
  partnerName: z.string().nullable(),
  /** Share of the enclave's tax and output credited to the host county, fraction 0..1. */
  hostBenefitShareRatio: z.number().nullable(),
  gkEpsg: z.number().int().nullable(),
  isDemo: z.boolean(),
});
export type ParkSummary = z.infer<typeof ParkSummarySchema>;

/** A zone with its parks, as returned by `GET /api/zones`. */
export const ZoneSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  province: z.string(),
  level: ZoneLevelSchema,
  policyProfile: z.string(),
  targets: z.array(ZoneTargetSchema),
  /** Frames all parks of the zone; null while the zone has no park. */
  bbox: BboxSchema.nullable(),
  isDemo: z.boolean(),
  parks: z.array(ParkSummarySchema),
});
export type Zone = z.infer<typeof ZoneSchema>;

/** `GET /api/parks/:id`: the summary plus the boundary geometry. */
export const ParkDetailSchema = ParkSummarySchema.extend({
  zoneName: z.string(),
  zoneNameEn: z.string(),
  boundary: MultiPolygonSchema,
});
export type ParkDetail = z.infer<typeof ParkDetailSchema>;

/** Path parameter `:id` for zones, parks and plots. */
export const IdParamSchema = z.object({ id: z.coerce.number().int().positive() });
