import { z } from "zod";

/** Zone level: 国家级 / 省级. */
export const ZoneLevelSchema = z.enum(["national", "provincial"]);
/** A park's role in 一区多园 / 一核四园: core area, ordinary park, or enclave (飞地) park in another county. */
export const ParkRoleSchema = z.enum(["core", "park", "enclave"]);
export type ParkRole = z.infer<typeof ParkRoleSchema>;
/** Plot lifecycle status. */
export const PlotStatusSchema = z.enum([
  "available",
  "approved_unsupplied",
  "supplied",
  "under_construction",
  "built",
  "reclaimed",
]);
export type PlotStatus = z.infer<typeof PlotStatusSchema>;
/** Supply mode: 出让 / 租赁 / 先租后让 / 划拨. */
export const SupplyTypeSchema = z.enum(["transfer", "lease", "lease_then_transfer", "allocation"]);
/** Who caused a start delay; `government` and `force_majeure` exempt a plot from idle-land fees. */
export const DelayCauseSchema = z.enum(["government", "force_majeure", "enterprise"]);
/** Edition of the national industry classification an industry code comes from. */
export const IndustryEditionSchema = z.enum(["GB/T 4754-2002", "GB/T 4754-2011", "GB/T 4754-2017"]);
/** Edition of the land-use classification a land-use code comes from. */
export const LandUseEditionSchema = z.enum([
  "GB/T 21010-2017",
  "国土空间调查、规划、用途管制用地用海分类指南(2023)",
]);
/** Constraint layer types (三条控制线 and others). */
export const ConstraintTypeSchema = z.enum([
  "permanent_farmland",
  "ecological_redline",
  "development_boundary",
  "flood",
  "steep_slope",
  "other",
]);
export type ConstraintType = z.infer<typeof ConstraintTypeSchema>;
