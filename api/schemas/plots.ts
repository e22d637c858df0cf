import { z } from "zod";
import { PlotStatusSchema } from "./enums.ts";

/** Query of `GET /api/plots`. */
export const PlotListQuerySchema = z.object({
  park: z.coerce.number().int().positive().optional(),
  zone: z.coerce.number().int().positive().optional(),
  status: PlotStatusSchema.optional(),
});
export type PlotListQuery = z.infer<typeof PlotListQuerySchema>;

/** Properties of each feature of `GET /api/plots`. */
export const PlotFeaturePropertiesSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  parkId: z.number().int(),
  status: PlotStatusSchema,
  /** Land-use code, e.g. `0601`, with the classification edition in `landUseEdition`. */
  landUse: z.string(),
  landUseEdition: z.string(),
  /** Area on the ellipsoid, 亩, computed by PostGIS. */
  areaMu: z.number(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  isStandardLand: z.boolean(),
  isDemo: z.boolean(),
});
export type PlotFeatureProperties = z.infer<typeof PlotFeaturePropertiesSchema>;
