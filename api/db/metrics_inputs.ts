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
