import { createHash } from "node:crypto";
import type { AggregateKey, FigureSums } from "../../geo/aggregate.ts";
import type { Queryable } from "./db.ts";
import {
  FACT_COLUMNS,
  FACT_SELECT,
  METRICS_WORK_MEM,
  metricsParams,
  plotFactsCtes,
  sumsFromRow,
  sumsTail,
} from "./metrics_sql.ts";
import { listStatsYears } from "./plot_detail.ts";
import { liftStatementTimeout } from "./timeouts.ts";

/**
 * Stored metrics facts (migration 0008, decision 0005): per statistics year, the per-plot rows that
 * `METRICS_SUMS_SQL` sums (`plot_metric_facts`) and the per-firm 亩均 inputs of each zone
 * (`firm_metric_facts`). Zone metrics aggregate these instead of joining half a million plots to their
 * firms and statistics per request; `refreshMetricsFacts` brings them up to date first.
 */

/** Inserts the per-plot facts of the parks `$1::int[]` for one year (parameters as `metricsParams`, $2 NULL). */
const INSERT_PLOT_FACTS_SQL = `WITH ${plotFactsCtes("s.park_id = ANY($1::int[])")}
INSERT INTO plot_metric_facts (year, zone_id, park_id, plot_id, enterprise_id, mask, ${FACT_COLUMNS.join(", ")})
SELECT $3::int, pk.zone_id, f.park_id, f.plot_id, f.enterprise_id, f.mask, ${FACT_SELECT}
  FROM f JOIN parks pk ON pk.id = f.park_id
 ORDER BY pk.zone_id, f.park_id, f.plot_id`;

/** The 亩均 inputs copied per firm: the columns of `firm_metric_facts` after the keys. */
const FIRM_STAT_COLUMNS = [
  "output_wan",
  "value_added_wan",
  "tax_wan",
  "revenue_wan",
  "fixed_asset_investment_wan",
  "energy_tce",
  "emissions_t",
  "electricity_kwh",
  "employees",
  "rnd_wan",
] as const;

/**
 * Inserts the firm facts of the enterprises `$1::int[]` (every firm with a plot when `$1` is NULL) in
 * every zone and year where the plot facts hold their plots; run after those plot facts are written.
 * Ordered by the primary key, so a zone-year's rows lie together on disk.
 */
const INSERT_FIRM_FACTS_SQL = `
INSERT INTO firm_metric_facts (year, zone_id, enterprise_id, is_above_scale, has_stats, plot_mask, land_m2,
  ${FIRM_STAT_COLUMNS.join(", ")})
SELECT m.year, m.zone_id, e.id, e.is_above_scale, es.enterprise_id IS NOT NULL, m.plot_mask, e.land_m2,
       ${FIRM_STAT_COLUMNS.map((c) => `es.${c}::float8`).join(", ")}
  FROM (SELECT year, zone_id, enterprise_id, bit_or(mask) AS plot_mask FROM plot_metric_facts
         WHERE enterprise_id IS NOT NULL AND ($1::int[] IS NULL OR enterprise_id = ANY($1::int[]))
         GROUP BY 1, 2, 3) m
  JOIN enterprises e ON e.id = m.enterprise_id
  LEFT JOIN enterprise_stats es ON es.enterprise_id = e.id AND es.year = m.year
 ORDER BY m.year, m.zone_id, e.id`;

/**
 * What the stored facts depend on besides the data: the statements and their rule parameters. A new
 * release that changes either rebuilds every park's facts on the first refresh.
 */
export const METRICS_FACTS_DEFINITION = createHash("sha256")
  .update(
    JSON.stringify([
      INSERT_PLOT_FACTS_SQL,
      INSERT_FIRM_FACTS_SQL,
      metricsParams({ zone: 0 }, 0, "2000-01-01").slice(4),
    ]),
  )
  .digest("hex")
  .slice(0, 32);

/** What a refresh did. */
export interface FactsRefresh {
  /** Parks whose facts were recomputed. */
  parks: number;
  /** Enterprises whose firm facts were recomputed. */
  enterprises: number;
  /** True when every park was rebuilt (first use, new statistics year or new definition). */
  rebuilt: boolean;
}

/**
 * Brings the stored facts up to date: recomputes them for every park queued in `za_metrics_queue`
 * (filled by the triggers of migrations 0007 and 0008 on every write to plots, enterprises, statistics
 * and parks), or for all parks when the statistics years or the definition changed. Run inside a
 * transaction: the state row's lock serialises refreshes, so a reader waits for a refresh in progress
 * and then sees its result, never facts older than the data committed before it started.
 */
export async function refreshMetricsFacts(tx: Queryable): Promise<FactsRefresh> {
  // A full rebuild takes minutes on 1 M plots, and waiting for another process's refresh as long.
  await liftStatementTimeout(tx);
  const [state] = await tx.query<{ definition: string | null; years: number[] }>(
    "SELECT definition, years FROM za_metrics_facts_state FOR UPDATE",
  );
  const years = await listStatsYears(tx);
  const rebuilt =
    state?.definition !== METRICS_FACTS_DEFINITION || JSON.stringify(state.years) !== JSON.stringify(years);
  const claimed = await tx.query<{ park_id: number }>("DELETE FROM za_metrics_queue RETURNING park_id");
  if (rebuilt)
    claimed.splice(
      0,
      claimed.length,
      ...(await tx.query<{ park_id: number }>("SELECT id AS park_id FROM parks")),
    );
  const parks = claimed.map((r) => r.park_id);
  if (parks.length === 0) return { parks: 0, enterprises: 0, rebuilt };
  await tx.query(`SELECT set_config('work_mem', $1, true), set_config('jit', 'off', true)`, [
    METRICS_WORK_MEM,
  ]);

  // Firms whose zone facts can change: those with a plot in these parks before or after the writes.
  const firms = rebuilt
    ? null
    : (
        await tx.query<{ id: number }>(
          `SELECT enterprise_id AS id FROM plot_metric_facts WHERE park_id = ANY($1::int[]) AND enterprise_id IS NOT NULL
           UNION SELECT enterprise_id FROM plots WHERE park_id = ANY($1::int[]) AND enterprise_id IS NOT NULL`,
          [parks],
        )
      ).map((r) => r.id);
  if (firms === null) {
    await tx.query("TRUNCATE plot_metric_facts, firm_metric_facts");
  } else {
    await tx.query("DELETE FROM plot_metric_facts WHERE park_id = ANY($1::int[])", [parks]);
    await tx.query("DELETE FROM firm_metric_facts WHERE enterprise_id = ANY($1::int[])", [firms]);
  }
  for (const year of years) {
    const params = metricsParams({ zone: 0 }, year);
    params[0] = parks;
    params[1] = null;
    await tx.query(INSERT_PLOT_FACTS_SQL, params);
  }
  const [inserted] = await tx.query<{ n: number }>(
    `WITH ins AS (${INSERT_FIRM_FACTS_SQL} RETURNING enterprise_id) SELECT count(DISTINCT enterprise_id)::int AS n FROM ins`,
    [firms],
  );
  await tx.query("UPDATE za_metrics_facts_state SET definition = $1, years = $2::int[]", [
    METRICS_FACTS_DEFINITION,
    years,
  ]);
  return { parks: parks.length, enterprises: inserted?.n ?? 0, rebuilt };
}

/**
 * The figure sums of a zone for `year` (idle rules as of 31 December) from the stored facts: the same
 * tail as `METRICS_SUMS_SQL` over stored rows, held equal to it by tests/api/metrics_facts.test.ts.
 * Call after `refreshMetricsFacts` in the same transaction.
 */
export async function zoneSumsFromFacts(
  tx: Queryable,
  zone: number,
  year: number,
): Promise<Record<AggregateKey, FigureSums>> {
  await tx.query(`SELECT set_config('work_mem', $1, true), set_config('jit', 'off', true)`, [
    METRICS_WORK_MEM,
  ]);
  const rows = await tx.query<Record<string, number>>(
    `WITH f AS (SELECT enterprise_id, mask, ${FACT_COLUMNS.join(", ")} FROM plot_metric_facts
                  WHERE year = $1 AND zone_id = $2),
     ${sumsTail("SELECT plot_mask AS m FROM firm_metric_facts WHERE year = $1 AND zone_id = $2")}`,
    [year, zone],
  );
  return sumsFromRow(rows[0] ?? {});
}
