import { z } from "zod";
import { DemoInvestSchema } from "./demo_invest.ts";
import {
  ConstraintTypeSchema,
  DelayCauseSchema,
  IndustryEditionSchema,
  LandUseEditionSchema,
  ParkRoleSchema,
  PlotStatusSchema,
  SupplyTypeSchema,
  ZoneLevelSchema,
} from "./enums.ts";
import {
  ArealGeometrySchema,
  LineStringSchema,
  MultiLineStringSchema,
  MultiPolygonSchema,
  PolygonSchema,
} from "./geojson.ts";

/**
 * The demo dataset written by `data/demo/generate.ts` into data/demo/*.json and loaded by
 * `api/db/seed.ts` into an empty database. Every record is illustrative (示意数据).
 * Units follow the column names: `…M2` square metres, `…Wan` 万元, `…Ratio` fraction (1 = 100 %).
 * Dates are `YYYY-MM-DD`. Geometries are EPSG:4326 `[lng, lat]`.
 */
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nnum = z.number().finite().nullable();

export const ZoneTargetSchema = z.object({
  indicator: z.string().min(1),
  target: z.number().finite(),
  unit: z.string().min(1),
  year: z.number().int(),
  /** `min`: the value must reach the target; `max`: must stay below it. */
  direction: z.enum(["min", "max"]),
  source: z.string().min(1),
});

export const DemoParkSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  role: ParkRoleSchema,
  hostCounty: z.string().min(1),
  hostCountyEn: z.string().min(1),
  hostAdcode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  leadingIndustries: z.array(z.string().min(1)),
  leadingIndustriesEn: z.array(z.string().min(1)),
  approvedAreaM2: z.number().positive().nullable(),
  gkEpsg: z.number().int().min(4491).max(4554).nullable(),
  partnerParkCode: z.string().nullable(),
  partnerName: z.string().nullable(),
  hostBenefitShareRatio: z.number().min(0).max(1).nullable(),
  geometry: ArealGeometrySchema,
});

export const DemoZoneSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  province: z.string().min(1),
  level: ZoneLevelSchema,
  policyProfile: z.string().min(1),
  targets: z.array(ZoneTargetSchema),
  parks: z.array(DemoParkSchema).min(1),
});

export const DemoStatsSchema = z.object({
  year: z.number().int(),
  outputWan: nnum,
  valueAddedWan: nnum,
  taxWan: nnum,
  revenueWan: nnum,
  fixedAssetInvestmentWan: nnum,
  energyTce: nnum,
  emissionsT: nnum,
  electricityKwh: nnum,
  employees: z.number().int().nonnegative().nullable(),
  rndWan: nnum,
});

export const DemoEnterpriseSchema = z.object({
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  name: z.string().min(1),
  nameEn: z.string().nullable(),
  industryCode: z.string().min(2),
  industryEdition: IndustryEditionSchema,
  isHighTech: z.boolean(),
  isAboveScale: z.boolean(),
  stats: z.array(DemoStatsSchema),
});

export const DemoPlotPropertiesSchema = z.object({
  code: z.string().min(1),
  parkCode: z.string().min(1),
  enterpriseCreditCode: z.string().nullable(),
  landUseCode: z.string().min(2),
  landUseEdition: LandUseEditionSchema,
  status: PlotStatusSchema,
  supplyType: SupplyTypeSchema.nullable(),
  isStandardLand: z.boolean(),
  stdMinInvestmentPerMuWan: nnum,
  stdMinOutputPerMuWan: nnum,
  stdMinTaxPerMuWan: nnum,
  stdMinFar: nnum,
  stdMaxFar: nnum,
  stdMinCoverageRatio: nnum,
  stdMaxEnergyTcePerWan: nnum,
  stdBuildMonths: z.number().int().positive().nullable(),
  landPriceWan: nnum,
  approvalDate: DateSchema.nullable(),
  supplyDate: DateSchema.nullable(),
  agreedStartDate: DateSchema.nullable(),
  extendedStartDate: DateSchema.nullable(),
  actualStartDate: DateSchema.nullable(),
  developedAreaRatio: z.number().min(0).max(1).nullable(),
  investedExclLandWan: nnum,
  totalInvestmentExclLandWan: nnum,
  suspendedSince: DateSchema.nullable(),
  delayCause: DelayCauseSchema.nullable(),
  plannedMinFar: nnum,
  plannedMaxFar: nnum,
  plannedMinCoverageRatio: nnum,
  builtFloorAreaM2: nnum,
  buildingFootprintM2: nnum,
  structuresYardM2: nnum,
  declaredAreaM2: nnum,
});

export const DemoPlotFeatureSchema = z.object({
  type: z.literal("Feature"),
  properties: DemoPlotPropertiesSchema,
  geometry: z.union([PolygonSchema, MultiPolygonSchema]),
});

export const DemoConstraintFeatureSchema = z.object({
  type: z.literal("Feature"),
  properties: z.object({
    zoneCode: z.string().min(1),
    type: ConstraintTypeSchema,
    layerName: z.string().min(1),
    layerNameEn: z.string().min(1),
    name: z.string().nullable(),
  }),
  geometry: z.union([PolygonSchema, MultiPolygonSchema]),
});

export const DemoContextFeatureSchema = z.object({
  type: z.literal("Feature"),
  properties: z.object({
    zoneCode: z.string().nullable(),
    kind: z.enum(["road", "river", "county"]),
    name: z.string().nullable(),
    nameEn: z.string().nullable(),
  }),
  geometry: z.union([LineStringSchema, MultiLineStringSchema, PolygonSchema, MultiPolygonSchema]),
});

const fc = <T extends z.ZodType>(f: T) =>
  z.object({ type: z.literal("FeatureCollection"), features: z.array(f) });

/** The whole demo dataset: one object per file in data/demo/. */
export const DemoDatasetSchema = z.object({
  zones: z.array(DemoZoneSchema).min(1),
  enterprises: z.array(DemoEnterpriseSchema),
  plots: fc(DemoPlotFeatureSchema),
  constraints: fc(DemoConstraintFeatureSchema),
  context: fc(DemoContextFeatureSchema),
  invest: DemoInvestSchema,
});
export type DemoDataset = z.infer<typeof DemoDatasetSchema>;
export type DemoZone = z.infer<typeof DemoZoneSchema>;
export type DemoPark = z.infer<typeof DemoParkSchema>;
export type DemoEnterprise = z.infer<typeof DemoEnterpriseSchema>;
export type DemoPlotProperties = z.infer<typeof DemoPlotPropertiesSchema>;
export type DemoPlotFeature = z.infer<typeof DemoPlotFeatureSchema>;
export type ZoneTarget = z.infer<typeof ZoneTargetSchema>;

/** The file each part of the dataset lives in, under data/demo/. */
export const DEMO_FILES = {
  zones: "zones.json",
  enterprises: "enterprises.json",
  plots: "plots.geojson",
  constraints: "constraints.geojson",
  context: "context.geojson",
  invest: "invest.json",
} as const satisfies Record<keyof DemoDataset, string>;
