/**
 * bench/metrics: TD/T 1029 metrics on 1,000,000 plots in PostGIS.
 *
 *   DATABASE_URL=postgres://… npm run bench:metrics            (builds schema za_bench_metrics once, then reuses it)
 *   DATABASE_URL=postgres://… npm run bench:metrics -- --rebuild
 *   DATABASE_URL=postgres://… npm run bench:metrics -- --keep-facts   (skip the timed rebuild of the stored facts)
 *
 * Dataset: the committed demo dataset (data/demo, 662 plots in 8 parks) copied 1,511 times with translated
 * geometry, new parks and new enterprises per copy (statistics copied with them) → 1,000,282 plots, 12,088 parks.
 * Candidate: `metricsSums` (api/db/metrics_sql.ts), the statement behind /api/zones/:id/metrics, per zone
 * and for sample parks. Baseline: one hand-written SQL statement doing the same zone aggregation
 * (single stage, count(DISTINCT …)). Interleaved, 1 warm-up + 3 rounds, medians; prints candidate/baseline.
 * Also times the whole endpoint GET /api/zones/:id/metrics in-process (every statement, the 亩均 grading,
 * the JSON), per zone, each round: nothing is cached between requests.
 * Results and method: docs/performance.md. 2026-11-28 (stored facts, decision 0005; load 2–5): both zones'
 * sums from the facts 0.52 s, baseline 39.68 s, candidate/baseline 0.01; the same sums from the tables 5.93 s;
 * whole endpoint for both zones 4.27 s (target 5 s: met); after one edit 3.70 s for its zone. Full rebuild
 * of the facts 161–378 s under load 7–14. (2026-11-22, from the tables: endpoint 20.3–25.5 s under load.)
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createApp } from "../api/app.ts";
import { refreshMetricsFacts, zoneSumsFromFacts } from "../api/db/metrics_facts.ts";
import { metricsSums } from "../api/db/metrics_sql.ts";
import { openDb } from "../api/db/open.ts";
import { BASELINE_ZONE_SQL, baselineParams } from "./metrics_baseline.ts";
import { scaleDemo } from "./scale_demo.ts";
import { signedInApp } from "./session.ts";

const SCHEMA = "za_bench_metrics";
const TARGET_PLOTS = 1_000_000;
const ROUNDS = 3;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:metrics needs DATABASE_URL (a PostgreSQL server with PostGIS)");
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main(dbUrl: string): Promise<void> {
  if (process.argv.includes("--rebuild")) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await c.end();
  }
  const { db, migrated } = await openDb({ databaseUrl: dbUrl, schema: SCHEMA, demo: true, poolMax: 2 });
  try {
    const t0 = performance.now();
    const plots = await scaleDemo(db, TARGET_PLOTS);
    console.log(
      `dataset: ${plots.toLocaleString("en")} plots (${((performance.now() - t0) / 1000).toFixed(1)} s to build or check)`,
    );
    if (migrated.length > 0) {
      // A migration that rewrote rows (0006 backfills two columns) leaves dead tuples and stale
      // statistics; autovacuum would get there, the bench should not time its absence.
      for (const t of ["plots", "enterprises", "enterprise_stats"]) await db.exec(`VACUUM ANALYZE ${t}`);
    }
    // The stored facts (decision 0005): a full rebuild, as after a bulk load or a new statistics year
    // (`--keep-facts`: only bring them up to date).
    if (!process.argv.includes("--keep-facts"))
      await db.query("UPDATE za_metrics_facts_state SET definition = NULL");
    const tf = performance.now();
    const rebuilt = await db.transaction((tx) => refreshMetricsFacts(tx));
    console.log(
      `facts rebuild: ${rebuilt.parks.toLocaleString("en")} parks, ${rebuilt.enterprises.toLocaleString("en")} firms in ${((performance.now() - tf) / 1000).toFixed(1)} s`,
    );
    for (const t of ["plot_metric_facts", "firm_metric_facts"]) await db.exec(`VACUUM ANALYZE ${t}`);
    const zones = await db.query<{ id: number; n: number }>(
      "SELECT p.zone_id AS id, count(*)::int AS n FROM plots pl JOIN parks p ON p.id = pl.park_id GROUP BY 1 ORDER BY 1",
    );
    const sampleParks = await db.query<{ id: number }>("SELECT id FROM parks ORDER BY id LIMIT 20");
    const year = 2024;

    // The two must agree before their speed is compared.
    for (const z of zones) {
      const ours = await db.transaction((tx) => zoneSumsFromFacts(tx, z.id, year));
      const [base] = await db.query<Record<string, number>>(BASELINE_ZONE_SQL, baselineParams(z.id, year));
      for (const [k, v] of Object.entries(base ?? {})) {
        const [key, field] = k.split("__") as [
          keyof typeof ours,
          "numerator" | "denominator" | "plots" | "eligiblePlots" | "enterprises",
        ];
        const mine = ours[key]?.[field];
        if (mine === undefined || Math.abs(mine - v) > 1e-9 * Math.max(1, Math.abs(v))) {
          throw new Error(`baseline and candidate disagree on zone ${z.id} ${k}: ${v} vs ${mine}`);
        }
      }
    }

    const cand: number[] = [];
    const base: number[] = [];
    const parks: number[] = [];
    const app = await signedInApp(createApp({ db, log: () => {} }), db);
    /** The whole endpoint, in-process: every query, the 亩均 grading and the JSON, timed per zone. */
    const endpoint = async (zoneId: number): Promise<number> => {
      const t = performance.now();
      const res = await app.request(`/api/zones/${zoneId}/metrics?year=${year}`);
      const body = (await res.json()) as { gradeCounts?: Record<string, number> };
      if (res.status !== 200 || !body.gradeCounts) throw new Error(`zone ${zoneId}: HTTP ${res.status}`);
      return performance.now() - t;
    };
    const ends = new Map<number, number[]>(zones.map((z) => [z.id, []]));
    const sumsByZone = new Map<number, number[]>(zones.map((z) => [z.id, []]));
    const fromTables: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      let t = performance.now();
      const cz: number[] = [];
      for (const z of zones) {
        const tz = performance.now();
        await db.transaction((tx) => zoneSumsFromFacts(tx, z.id, year));
        cz.push(performance.now() - tz);
      }
      const c = performance.now() - t;
      t = performance.now();
      for (const z of zones) await metricsSums(db, { zone: z.id }, year);
      const ft = performance.now() - t;
      t = performance.now();
      for (const z of zones) await db.query(BASELINE_ZONE_SQL, baselineParams(z.id, year));
      const b = performance.now() - t;
      t = performance.now();
      for (const p of sampleParks) await metricsSums(db, { park: p.id }, year);
      const pk = (performance.now() - t) / sampleParks.length;
      const e = [];
      for (const z of zones) e.push(await endpoint(z.id));
      if (round === 0) continue; // warm-up
      cand.push(c);
      base.push(b);
      fromTables.push(ft);
      parks.push(pk);
      for (const [i, z] of zones.entries()) {
        ends.get(z.id)?.push(e[i] ?? Number.NaN);
        sumsByZone.get(z.id)?.push(cz[i] ?? Number.NaN);
      }
      console.log(
        `round ${round}: candidate ${c.toFixed(0)} ms (${cz.map((x) => x.toFixed(0)).join(" + ")}), from tables ${ft.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, park ${pk.toFixed(1)} ms, ` +
          `endpoint ${e.map((x) => x.toFixed(0)).join(" + ")} ms`,
      );
    }
    const mc = median(cand);
    const mb = median(base);
    console.log(`zones: ${zones.map((z) => `${z.id}: ${z.n.toLocaleString("en")} plots`).join(", ")}`);
    console.log(
      `all zone metrics (${plots.toLocaleString("en")} plots), median of ${ROUNDS}: candidate ${(mc / 1000).toFixed(2)} s, baseline ${(mb / 1000).toFixed(2)} s`,
    );
    console.log(`candidate/baseline = ${(mc / mb).toFixed(2)}`);
    console.log(
      `the same sums from the tables (metricsSums, no stored facts), both zones: ${(median(fromTables) / 1000).toFixed(2)} s`,
    );
    console.log(
      `sums statement per zone, median: ${zones.map((z) => `zone ${z.id} ${(median(sumsByZone.get(z.id) ?? []) / 1000).toFixed(2)} s`).join(", ")}`,
    );
    console.log(`one park's metrics, median: ${median(parks).toFixed(1)} ms`);
    const perZone = zones.map((z) => median(ends.get(z.id) ?? []));
    console.log(
      `GET /api/zones/:id/metrics?year=${year}, median of ${ROUNDS}: ${zones
        .map((z, i) => `zone ${z.id} ${((perZone[i] ?? 0) / 1000).toFixed(2)} s`)
        .join(
          ", ",
        )}; both zones (${plots.toLocaleString("en")} plots) ${(perZone.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s`,
    );

    // What an edit costs the next read: one plot reshaped (its park and its firm's other parks are
    // queued), then the zone's endpoint, which refreshes them first. Restored afterwards.
    const [plot] = await db.query<{ id: number; zone: number }>(
      `SELECT pl.id, pk.zone_id AS zone FROM plots pl JOIN parks pk ON pk.id = pl.park_id
        WHERE pl.status = 'built' AND pl.enterprise_id IS NOT NULL ORDER BY pl.id LIMIT 1`,
    );
    if (plot) {
      const edits: number[] = [];
      for (let i = 0; i < 3; i++) {
        await db.query("UPDATE plots SET built_floor_area_m2 = built_floor_area_m2 + 1 WHERE id = $1", [
          plot.id,
        ]);
        edits.push(await endpoint(plot.zone));
        await db.query("UPDATE plots SET built_floor_area_m2 = built_floor_area_m2 - 1 WHERE id = $1", [
          plot.id,
        ]);
        await db.transaction((tx) => refreshMetricsFacts(tx));
      }
      console.log(
        `after editing one plot, GET /api/zones/${plot.zone}/metrics (refresh of its queued parks included), median of 3: ${(median(edits) / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    await db.close();
  }
}

main(url).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
