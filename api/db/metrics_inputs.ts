import type { MuJunFirmYear } from "../../geo/mu_jun.ts";
import type { AnnualStats, EnterpriseRecord, PlotRecord } from "../../geo/types.ts";
import type { Queryable } from "./db.ts";
import { listAnnualStats, listEnterpriseRecords, PLOT_RECORD_COLUMNS } from "./plot_records.ts";

/** Everything geo/'s aggregates need for one park or zone. */
export interface MetricsInputs {
  plots: PlotRecord[];
  enterprises: EnterpriseRecord[];
  stats: AnnualStats[];
  /** Each enterprise's land across all parks, m² (its statistics are split by area). */
  enterpriseLandAreaM2: Record<number, number>;
  /** Years with statistics for this area, ascending. */
  years: number[];
}

/** Loads the plots of a park (`scope.park`) or of every park of a zone (`scope.zone`), with firms and statistics. */
export async function loadMetricsInputs(
  q: Queryable,
  scope: { park: number } | { zone: number },
): Promise<MetricsInputs> {
  const [parkId, zoneId] = "park" in scope ? [scope.park, null] : [null, scope.zone];
  const plots = await q.query<PlotRecord>(
    `SELECT ${PLOT_RECORD_COLUMNS} FROM plots pl JOIN parks p ON p.id = pl.park_id
      WHERE ($1::int IS NULL OR pl.park_id = $1) AND ($2::int IS NULL OR p.zone_id = $2) ORDER BY pl.id`,
    [parkId, zoneId],
  );
  const ids = [...new Set(plots.flatMap((p) => (p.enterpriseId === null ? [] : [p.enterpriseId])))];
  const land = await q.query<{ id: number; m2: number }>(
    `SELECT enterprise_id AS id, sum(area_m2)::float8 AS m2 FROM plots WHERE enterprise_id = ANY($1::int[]) GROUP BY 1`,
    [ids],
  );
  const stats = await listAnnualStats(q, ids);
  return {
    plots,
    enterprises: await listEnterpriseRecords(q, ids),
    stats,
    enterpriseLandAreaM2: Object.fromEntries(land.map((r) => [r.id, r.m2])),
    years: [...new Set(stats.map((s) => s.year))].sort((a, b) => a - b),
  };
}

const SCOPE_PLOTS = `SELECT pl.* FROM plots pl JOIN parks p ON p.id = pl.park_id
  WHERE ($1::int IS NULL OR pl.park_id = $1) AND ($2::int IS NULL OR p.zone_id = $2)`;
const scopeParams = (scope: { park: number } | { zone: number }) =>
  "park" in scope ? [scope.park, null] : [null, scope.zone];

/** Years with statistics for the enterprises of a park or zone, ascending. */
export async function statsYears(
  q: Queryable,
  scope: { park: number } | { zone: number },
): Promise<number[]> {
  // The few distinct years by a loose index scan, then one EXISTS per year that stops at the first
  // firm of the scope with statistics (a zone's 1.5 M statistics rows were 2.4 s as a DISTINCT).
  const rows = await q.query<{ year: number }>(
    `WITH RECURSIVE y AS (
       SELECT min(year) AS year FROM enterprise_stats
       UNION ALL
       SELECT (SELECT min(x.year) FROM enterprise_stats x WHERE x.year > y.year) FROM y WHERE y.year IS NOT NULL
     )
     SELECT y.year FROM y
      CROSS JOIN LATERAL (
        SELECT 1 FROM enterprise_stats es JOIN (${SCOPE_PLOTS}) s ON s.enterprise_id = es.enterprise_id
         WHERE es.year = y.year LIMIT 1) hit -- LIMIT keeps the planner from a semi-join over every row
      WHERE y.year IS NOT NULL
      ORDER BY 1`,
    scopeParams(scope),
  );
  return rows.map((r) => r.year);
}

/** Area supplied per calendar year of `supply_date` (m²), for the years-of-supply potential. */
export function supplyByYear(
  q: Queryable,
  scope: { park: number } | { zone: number },
): Promise<{ supplyDate: string; areaM2: number }[]> {
  return q.query(
    `SELECT extract(year FROM supply_date)::int || '-01-01' AS "supplyDate", sum(area_m2)::float8 AS "areaM2"
       FROM (${SCOPE_PLOTS}) s WHERE supply_date IS NOT NULL GROUP BY 1 ORDER BY 1`,
    scopeParams(scope),
  );
}

/** The enterprises of a park or zone as 亩均 evaluation sees them in `year`: land (all parks) and that year's statistics. */
export async function muJunFirms(
  q: Queryable,
  scope: { park: number } | { zone: number },
  year: number,
): Promise<MuJunFirmYear[]> {
  const rows = await q.query<{
    enterpriseId: number;
    isAboveScale: boolean;
    landAreaM2: number;
    stats: AnnualStats | null;
  }>(
    `WITH firms AS (SELECT DISTINCT enterprise_id FROM (${SCOPE_PLOTS}) s WHERE enterprise_id IS NOT NULL),
     land AS (SELECT o.enterprise_id, sum(o.area_m2 ORDER BY o.id) AS m2 FROM plots o JOIN firms USING (enterprise_id) GROUP BY 1)
     SELECT e.id AS "enterpriseId", e.is_above_scale AS "isAboveScale", land.m2::float8 AS "landAreaM2",
            CASE WHEN es.enterprise_id IS NULL THEN NULL ELSE json_build_object(
              'enterpriseId', es.enterprise_id, 'year', es.year, 'outputWan', es.output_wan,
              'valueAddedWan', es.value_added_wan, 'taxWan', es.tax_wan, 'revenueWan', es.revenue_wan,
              'fixedAssetInvestmentWan', es.fixed_asset_investment_wan, 'energyTce', es.energy_tce,
              'emissionsT', es.emissions_t, 'electricityKwh', es.electricity_kwh, 'employees', es.employees,
              'rndWan', es.rnd_wan) END AS stats
       FROM firms JOIN enterprises e ON e.id = firms.enterprise_id
       JOIN land ON land.enterprise_id = e.id
       LEFT JOIN enterprise_stats es ON es.enterprise_id = e.id AND es.year = $3
      ORDER BY e.id`,
    [...scopeParams(scope), year],
  );
  return rows;
}
