import type { AnnualStats, EnterpriseRecord, PlotRecord } from "../../geo/types.ts";
import type { Queryable } from "./db.ts";

/** Columns of `plots` mapped to geo/'s `PlotRecord` (camelCase, units in the names, dates as text). */
export const PLOT_RECORD_COLUMNS = `pl.id, pl.status, pl.area_m2::float8 AS "areaM2", pl.land_use_code AS "landUseCode",
  pl.land_use_edition AS "landUseEdition", pl.enterprise_id AS "enterpriseId", pl.land_price_wan::float8 AS "landPriceWan",
  pl.approval_date::text AS "approvalDate", pl.supply_date::text AS "supplyDate",
  pl.agreed_start_date::text AS "agreedStartDate", pl.extended_start_date::text AS "extendedStartDate",
  pl.actual_start_date::text AS "actualStartDate", pl.developed_area_ratio::float8 AS "developedAreaRatio",
  pl.invested_excl_land_wan::float8 AS "investedExclLandWan",
  pl.total_investment_excl_land_wan::float8 AS "totalInvestmentExclLandWan",
  pl.suspended_since::text AS "suspendedSince", pl.delay_cause AS "delayCause",
  pl.planned_min_far::float8 AS "plannedMinFar", pl.planned_max_far::float8 AS "plannedMaxFar",
  pl.planned_min_coverage_ratio::float8 AS "plannedMinCoverageRatio",
  pl.built_floor_area_m2::float8 AS "builtFloorAreaM2", pl.building_footprint_m2::float8 AS "buildingFootprintM2",
  pl.structures_yard_m2::float8 AS "structuresYardM2"`;

/** Plot records of one park (or of every park with `parkId` null), ordered by id. */
export function listPlotRecords(q: Queryable, parkId: number | null): Promise<PlotRecord[]> {
  return q.query<PlotRecord>(
    `SELECT ${PLOT_RECORD_COLUMNS} FROM plots pl WHERE ($1::int IS NULL OR pl.park_id = $1) ORDER BY pl.id`,
    [parkId],
  );
}

/** Enterprises with the fields the metrics read, for the given ids. */
export function listEnterpriseRecords(q: Queryable, ids: readonly number[]): Promise<EnterpriseRecord[]> {
  return q.query<EnterpriseRecord>(
    `SELECT id, industry_code AS "industryCode", industry_edition AS "industryEdition",
            is_high_tech AS "isHighTech", is_above_scale AS "isAboveScale"
       FROM enterprises WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
}

/** Annual statistics of the given enterprises, ordered by enterprise and year. */
export function listAnnualStats(q: Queryable, enterpriseIds: readonly number[]): Promise<AnnualStats[]> {
  return q.query<AnnualStats>(
    `SELECT enterprise_id AS "enterpriseId", year, output_wan::float8 AS "outputWan",
            value_added_wan::float8 AS "valueAddedWan", tax_wan::float8 AS "taxWan", revenue_wan::float8 AS "revenueWan",
            fixed_asset_investment_wan::float8 AS "fixedAssetInvestmentWan", energy_tce::float8 AS "energyTce",
            emissions_t::float8 AS "emissionsT", electricity_kwh::float8 AS "electricityKwh", employees,
            rnd_wan::float8 AS "rndWan"
       FROM enterprise_stats WHERE enterprise_id = ANY($1::int[]) ORDER BY enterprise_id, year`,
    [enterpriseIds],
  );
}
