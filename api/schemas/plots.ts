import { z } from "zod";
import { GRADES } from "../../geo/mu_jun_profiles.ts";
import { PlotStatusSchema } from "./enums.ts";

/** An as-of date `YYYY-MM-DD` (a real calendar date) for the idle-land rules; default today. */
export const AsOfSchema = z.iso.date();

/** The list flags: idle (闲置), low-efficiency (低效) and approved-but-unsupplied (批而未供) plots. */
export const PlotFlagSchema = z.enum(["idle", "low_efficiency", "approved_unsupplied"]);
export type PlotFlag = z.infer<typeof PlotFlagSchema>;

/** 亩均 grade A–D. */
export const GradeSchema = z.enum(GRADES);

/**
 * Query of `GET /api/plots`. `year` is the statistics year of the computed properties (default the
 * latest with statistics); `industry` is a prefix of the enterprise's industry code (e.g. `27`, `C27`).
 */
export const PlotListQuerySchema = z
  .object({
    park: z.coerce.number().int().positive().optional(),
    zone: z.coerce.number().int().positive().optional(),
    status: PlotStatusSchema.optional(),
    grade: GradeSchema.optional(),
    flag: PlotFlagSchema.optional(),
    minMu: z.coerce.number().min(0).optional(),
    maxMu: z.coerce.number().min(0).optional(),
    industry: z
      .string()
      .regex(/^[A-Za-z]?\d{1,6}$|^[A-Za-z]$/, "expected an industry code prefix such as 27 or C27")
      .optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    asOf: AsOfSchema.optional(),
  })
  .refine((q) => q.minMu === undefined || q.maxMu === undefined || q.minMu <= q.maxMu, {
    path: ["minMu"],
    message: "minMu must not exceed maxMu",
  });
export type PlotListQuery = z.infer<typeof PlotListQuerySchema>;

/** Query of `GET /api/plots/:id`. */
export const PlotDetailQuerySchema = z.object({ asOf: AsOfSchema.optional() });

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

/**
 * The list's computed properties for the query's statistics year (null when unknown: no
 * statistics, no floor area …; the detail endpoint gives the reasons). Ratios are fractions.
 */
export const PlotMetricPropertiesSchema = z.object({
  /** 亩均产值 of the statistics attributed to the plot, 万元/亩. */
  outputPerMuWan: z.number().nullable(),
  /** 亩均税收, 万元/亩. */
  taxPerMuWan: z.number().nullable(),
  /** 容积率. */
  far: z.number().nullable(),
  /** 建筑系数 (ratio). */
  coverage: z.number().nullable(),
  /** The enterprise's 亩均 grade within its park for the year. */
  grade: GradeSchema.nullable(),
  flags: z.array(PlotFlagSchema),
});
export type PlotMetricProperties = z.infer<typeof PlotMetricPropertiesSchema>;

/** A feature's properties in `GET /api/plots`: the stored fields plus the computed ones. */
export const PlotListPropertiesSchema = PlotFeaturePropertiesSchema.extend(PlotMetricPropertiesSchema.shape);
export type PlotListProperties = z.infer<typeof PlotListPropertiesSchema>;
