import { z } from "zod";
import { ConstraintTypeSchema } from "./enums.ts";

/** Query of `GET /api/constraints`. */
export const ConstraintListQuerySchema = z.object({
  zone: z.coerce.number().int().positive(),
  type: ConstraintTypeSchema.optional(),
});

/** Properties of each feature of `GET /api/constraints`. */
export const ConstraintFeaturePropertiesSchema = z.object({
  id: z.number().int(),
  layerId: z.number().int(),
  type: ConstraintTypeSchema,
  name: z.string().nullable(),
  layerName: z.string(),
  layerNameEn: z.string(),
  areaMu: z.number(),
  isDemo: z.boolean(),
});

/** Properties of each feature of `GET /api/zones/:id/context` (roads, rivers, county outlines). */
export const ContextFeaturePropertiesSchema = z.object({
  id: z.number().int(),
  kind: z.enum(["road", "river", "county"]),
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  isDemo: z.boolean(),
});
