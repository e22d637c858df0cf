import type { Geometry } from "geojson";
import type { AnnualStats, EnterpriseRecord, PlotRecord } from "../../geo/types.ts";
import type { Queryable } from "./db.ts";
import {
  listAnnualStats,
  listEnterpriseRecords,
  listPlotRecords,
  PLOT_RECORD_COLUMNS,
} from "./plot_records.ts";
import { GEOJSON } from "./rows.ts";

/** The stored fields of one plot that `PlotRecord` does not carry, plus its park and enterprise. */
export interface PlotDetailRow {
  record: PlotRecord;
  code: string;
  parkId: number;
  parkName: string;
  parkNameEn: string;
  zoneId: number;
  supplyType: "transfer" | "lease" | "lease_then_transfer" | "allocation" | null;
  isStandardLand: boolean;
  standard: {
    minInvestmentPerMuWan: number | null;
    minOutputPerMuWan: number | null;
    minTaxPerMuWan: number | null;
    minFar: number | null;
    maxFar: number | null;
    minCoverageRatio: number | null;
    maxEnergyTcePerWan: number | null;
    buildMonths: number | null;
  };
  declaredAreaM2: number | null;
  /** Optimistic-concurrency version: send it back with `PATCH /api/plots/:id`. */
  version: number;
  /** area_m2 in 亩 as stored by the area trigger (the value the plot list returns). */
  areaMu: number;
  isDemo: boolean;
  geometry: Geometry;
  enterprise: {
    id: number;
    name: string;
    nameEn: string | null;
    creditCode: string | null;
    industryCode: string;
    industryEdition: EnterpriseRecord["industryEdition"];
    isHighTech: boolean;
    isAboveScale: boolean;
  } | null;
}

type Flat = PlotRecord &
  Omit<PlotDetailRow, "record" | "standard" | "enterprise"> & {
    stdMinInvestmentPerMuWan: number | null;
    stdMinOutputPerMuWan: number | null;
    stdMinTaxPerMuWan: number | null;
    stdMinFar: number | null;
    stdMaxFar: number | null;
    stdMinCoverageRatio: number | null;
    stdMaxEnergyTcePerWan: number | null;
    stdBuildMonths: number | null;
    eName: string | null;
    eNameEn: string | null;
    eCreditCode: string | null;
    eIndustryCode: string | null;
    eIndustryEdition: EnterpriseRecord["industryEdition"] | null;
    eIsHighTech: boolean | null;
    eIsAboveScale: boolean | null;
  };

/** One plot with its park, zone, enterprise and geometry, or null when no plot has this id. */
export async function getPlotDetailRow(q: Queryable, id: number): Promise<PlotDetailRow | null> {
  const rows = await q.query<Flat>(
    `SELECT ${PLOT_RECORD_COLUMNS}, pl.code, pl.park_id AS "parkId", p.name AS "parkName", p.name_en AS "parkNameEn",
            p.zone_id AS "zoneId", pl.supply_type AS "supplyType", pl.is_standard_land AS "isStandardLand",
            pl.std_min_investment_per_mu_wan::float8 AS "stdMinInvestmentPerMuWan",
            pl.std_min_output_per_mu_wan::float8 AS "stdMinOutputPerMuWan",
            pl.std_min_tax_per_mu_wan::float8 AS "stdMinTaxPerMuWan", pl.std_min_far::float8 AS "stdMinFar",
            pl.std_max_far::float8 AS "stdMaxFar", pl.std_min_coverage_ratio::float8 AS "stdMinCoverageRatio",
            pl.std_max_energy_tce_per_wan::float8 AS "stdMaxEnergyTcePerWan", pl.std_build_months AS "stdBuildMonths",
            pl.declared_area_m2::float8 AS "declaredAreaM2", pl.version,
            pl.area_mu::float8 AS "areaMu", pl.is_demo AS "isDemo", ${GEOJSON("pl.geom")} AS geometry,
            e.name AS "eName", e.name_en AS "eNameEn", e.credit_code AS "eCreditCode",
            e.industry_code AS "eIndustryCode", e.industry_edition AS "eIndustryEdition",
            e.is_high_tech AS "eIsHighTech", e.is_above_scale AS "eIsAboveScale"
       FROM plots pl
       JOIN parks p ON p.id = pl.park_id
       LEFT JOIN enterprises e ON e.id = pl.enterprise_id
      WHERE pl.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const {
    code,
    parkId,
    parkName,
    parkNameEn,
    zoneId,
    supplyType,
    isStandardLand,
    declaredAreaM2,
    version,
    areaMu,
    isDemo,
    geometry,
    stdMinInvestmentPerMuWan,
    stdMinOutputPerMuWan,
    stdMinTaxPerMuWan,
    stdMinFar,
    stdMaxFar,
    stdMinCoverageRatio,
    stdMaxEnergyTcePerWan,
    stdBuildMonths,
    eName,
    eNameEn,
    eCreditCode,
    eIndustryCode,
    eIndustryEdition,
    eIsHighTech,
    eIsAboveScale,
    ...record
  } = r;
  return {
    record,
    code,
    parkId,
    parkName,
    parkNameEn,
    zoneId,
    supplyType,
    isStandardLand,
    standard: {
      minInvestmentPerMuWan: stdMinInvestmentPerMuWan,
      minOutputPerMuWan: stdMinOutputPerMuWan,
      minTaxPerMuWan: stdMinTaxPerMuWan,
      minFar: stdMinFar,
      maxFar: stdMaxFar,
      minCoverageRatio: stdMinCoverageRatio,
      maxEnergyTcePerWan: stdMaxEnergyTcePerWan,
      buildMonths: stdBuildMonths,
    },
    declaredAreaM2,
    version,
    areaMu,
    isDemo,
    geometry,
    enterprise:
      record.enterpriseId === null || eName === null || eIndustryCode === null || eIndustryEdition === null
        ? null
        : {
            id: record.enterpriseId,
            name: eName,
            nameEn: eNameEn,
            creditCode: eCreditCode,
            industryCode: eIndustryCode,
            industryEdition: eIndustryEdition,
            isHighTech: eIsHighTech === true,
            isAboveScale: eIsAboveScale === true,
          },
  };
}

/** A park's plot records, its enterprises and their statistics: what the per-plot metrics compare against. */
export interface ParkRecords {
  plots: PlotRecord[];
  enterprises: EnterpriseRecord[];
  stats: AnnualStats[];
  /** Each enterprise's land across all parks, m² (its statistics are split over its plots by area). */
  enterpriseLandAreaM2: Record<number, number>;
}

/** Loads the records of park `parkId` for the per-plot metrics. */
export async function loadParkRecords(q: Queryable, parkId: number): Promise<ParkRecords> {
  const plots = await listPlotRecords(q, parkId);
  const ids = [...new Set(plots.flatMap((p) => (p.enterpriseId === null ? [] : [p.enterpriseId])))];
  const land = await q.query<{ id: number; m2: number }>(
    `SELECT enterprise_id AS id, sum(area_m2)::float8 AS m2 FROM plots
      WHERE enterprise_id = ANY($1::int[]) GROUP BY enterprise_id`,
    [ids],
  );
  return {
    plots,
    enterprises: await listEnterpriseRecords(q, ids),
    stats: await listAnnualStats(q, ids),
    enterpriseLandAreaM2: Object.fromEntries(land.map((r) => [r.id, r.m2])),
  };
}

/** Years with any enterprise statistics, ascending. */
export async function listStatsYears(q: Queryable): Promise<number[]> {
  // A loose index scan (one probe of enterprise_stats_year per distinct year): a DISTINCT over the
  // ≈ 3 M statistics rows of the 1 M-plot bench took ~0.5 s.
  const rows = await q.query<{ year: number }>(
    `WITH RECURSIVE y AS (
       SELECT min(year) AS year FROM enterprise_stats
       UNION ALL
       SELECT (SELECT min(x.year) FROM enterprise_stats x WHERE x.year > y.year) FROM y WHERE y.year IS NOT NULL
     )
     SELECT year FROM y WHERE year IS NOT NULL ORDER BY year`,
  );
  return rows.map((r) => r.year);
}
