/**
 * bench/metrics: TD/T 1029 metrics on 1,000,000 plots in PostGIS.
 *
 *   DATABASE_URL=postgres://… npm run bench:metrics            (builds schema za_bench_metrics once, then reuses it)
 *   DATABASE_URL=postgres://… npm run bench:metrics -- --rebuild
 *
 * Dataset: the committed demo dataset (data/demo, 662 plots in 8 parks) copied 1,511 times with translated
 * geometry, new parks and new enterprises per copy (statistics copied with them) → 1,000,282 plots, 12,088 parks.
 * Candidate: `metricsSums` (api/db/metrics_sql.ts), the statement behind /api/zones/:id/metrics, per zone
 * and for sample parks. Baseline: one hand-written SQL statement doing the same zone aggregation
 * (single stage, count(DISTINCT …)). Interleaved, 1 warm-up + 3 rounds, medians; prints candidate/baseline.
 * Results and method: docs/performance.md.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { metricsSums } from "../api/db/metrics_sql.ts";
import { openDb } from "../api/db/open.ts";
import { BASELINE_ZONE_SQL, baselineParams } from "./metrics_baseline.ts";
import { scaleDemo } from "./scale_demo.ts";

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
  const { db } = await openDb({ databaseUrl: dbUrl, schema: SCHEMA, demo: true, poolMax: 2 });
  try {
    const t0 = performance.now();
    const plots = await scaleDemo(db, TARGET_PLOTS);
    console.log(
      `dataset: ${plots.toLocaleString("en")} plots (${((performance.now() - t0) / 1000).toFixed(1)} s to build or check)`,
    );
    const zones = await db.query<{ id: number; n: number }>(
      "SELECT p.zone_id AS id, count(*)::int AS n FROM plots pl JOIN parks p ON p.id = pl.park_id GROUP BY 1 ORDER BY 1",
    );
    const sampleParks = await db.query<{ id: number }>("SELECT id FROM parks ORDER BY id LIMIT 20");
    const year = 2024;

    // The two must agree before their speed is compared.
    for (const z of zones) {
      const ours = await metricsSums(db, { zone: z.id }, year);
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
    for (let round = 0; round <= ROUNDS; round++) {
      let t = performance.now();
      for (const z of zones) await metricsSums(db, { zone: z.id }, year);
      const c = performance.now() - t;
      t = performance.now();
      for (const z of zones) await db.query(BASELINE_ZONE_SQL, baselineParams(z.id, year));
      const b = performance.now() - t;
      t = performance.now();
      for (const p of sampleParks) await metricsSums(db, { park: p.id }, year);
      const pk = (performance.now() - t) / sampleParks.length;
      if (round === 0) continue; // warm-up
      cand.push(c);
      base.push(b);
      parks.push(pk);
      console.log(
        `round ${round}: candidate ${c.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, park ${pk.toFixed(1)} ms`,
      );
    }
    const mc = median(cand);
    const mb = median(base);
    console.log(`zones: ${zones.map((z) => `${z.id}: ${z.n.toLocaleString("en")} plots`).join(", ")}`);
    console.log(
      `all zone metrics (${plots.toLocaleString("en")} plots), median of ${ROUNDS}: candidate ${(mc / 1000).toFixed(2)} s, baseline ${(mb / 1000).toFixed(2)} s`,
    );
    console.log(`candidate/baseline = ${(mc / mb).toFixed(2)}`);
    console.log(`one park's metrics, median: ${median(parks).toFixed(1)} ms`);
  } finally {
    await db.close();
  }
}

main(url).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
