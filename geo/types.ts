/**
 * Plain-data shapes geo/ computes on: plot records, enterprises and their annual statistics, as
 * the API maps them from `plots`, `enterprises` and `enterprise_stats` (camelCase, unit suffixes).
 *
 * The value lists are `as const` arrays so `api/schemas/enums.ts` can build its zod enums from them;
 * `tests/geo/types.test.ts` checks that the two stay equal.
 * @see ../docs/schema.md, data/migrations/0003_create_enterprises_plots.sql
 */

/** Plot lifecycle statuses (column `plots.status`). */
export const PLOT_STATUSES = [
  "available",
  "approved_unsupplied",
  "supplied",
  "under_construction",
  "built",
  "reclaimed",
] as const;
/** A plot's lifecycle status: 可供, 批而未供, 已供未建, 在建, 已建成, 收回. */
export type PlotStatus = (typeof PLOT_STATUSES)[number];

/** Who caused a start delay (column `plots.delay_cause`). */
export const DELAY_CAUSES = ["government", "force_majeure", "enterprise"] as const;
/** Who caused a start delay; `government` and `force_majeure` exempt a plot from idle-land fees. */
export type DelayCause = (typeof DELAY_CAUSES)[number];

/** Editions of the national industry classification GB/T 4754. */
export const INDUSTRY_EDITIONS = ["GB/T 4754-2002", "GB/T 4754-2011", "GB/T 4754-2017"] as const;
/** Edition an industry code comes from. */
export type IndustryEdition = (typeof INDUSTRY_EDITIONS)[number];

/** Editions of the land-use classification. */
export const LAND_USE_EDITIONS = [
  "GB/T 21010-2017",
  "国土空间调查、规划、用途管制用地用海分类指南(2023)",
] as const;
/** Edition a land-use code comes from. */
export type LandUseEdition = (typeof LAND_USE_EDITIONS)[number];

/** A calendar date `YYYY-MM-DD` (SQL `date`, no time zone). */
export type IsoDate = string;

/**
 * The plot fields the land metrics read. Areas in m², money in 万元, ratios as fractions.
 * `null` means "not recorded", never zero.
 */
export interface PlotRecord {
  readonly id: number;
  readonly status: PlotStatus;
  /** Canonical area, m² (PostGIS `ST_Area(geom::geography)`). */
  readonly areaM2: number;
  readonly landUseCode: string;
  readonly landUseEdition: LandUseEdition;
  readonly enterpriseId: number | null;
  /** Transfer or allocation price, 万元. */
  readonly landPriceWan: number | null;
  readonly approvalDate: IsoDate | null;
  readonly supplyDate: IsoDate | null;
  readonly agreedStartDate: IsoDate | null;
  readonly extendedStartDate: IsoDate | null;
  readonly actualStartDate: IsoDate | null;
  /** Developed area ÷ area to develop (0–1). */
  readonly developedAreaRatio: number | null;
  /** Investment made, land price and state taxes/fees excluded, 万元. */
  readonly investedExclLandWan: number | null;
  /** Total planned investment on the same basis, 万元. */
  readonly totalInvestmentExclLandWan: number | null;
  readonly suspendedSince: IsoDate | null;
  readonly delayCause: DelayCause | null;
  readonly plannedMinFar: number | null;
  readonly plannedMaxFar: number | null;
  readonly plannedMinCoverageRatio: number | null;
  /** Built gross floor area, m² (storeys over 8 m count double). */
  readonly builtFloorAreaM2: number | null;
  /** Building base area, m². */
  readonly buildingFootprintM2: number | null;
  /** Structures and storage yards, m². */
  readonly structuresYardM2: number | null;
}

/** The enterprise fields the land metrics read. */
export interface EnterpriseRecord {
  readonly id: number;
  readonly industryCode: string;
  readonly industryEdition: IndustryEdition;
  readonly isHighTech: boolean;
  readonly isAboveScale: boolean;
}

/**
 * One enterprise's statistics for one year (a row of `enterprise_stats`), figures as of 31 December.
 * `null` fields were not reported; a missing row means no statistics at all for that year.
 */
export interface AnnualStats {
  readonly enterpriseId: number;
  readonly year: number;
  /** 工业总产值, 万元. */
  readonly outputWan: number | null;
  /** 增加值, 万元. */
  readonly valueAddedWan: number | null;
  /** 税收 (tax paid), 万元. */
  readonly taxWan: number | null;
  /** 营业收入, 万元. */
  readonly revenueWan: number | null;
  /** Fixed-asset investment made in the year, 万元. */
  readonly fixedAssetInvestmentWan: number | null;
  /** Comprehensive energy use, tonnes of standard coal equivalent. */
  readonly energyTce: number | null;
  /** Main pollutant emissions, t. */
  readonly emissionsT: number | null;
  /** Electricity use, kWh. */
  readonly electricityKwh: number | null;
  /** Average staff, persons. */
  readonly employees: number | null;
  /** R&D spending, 万元. */
  readonly rndWan: number | null;
}
