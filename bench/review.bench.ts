/**
 * bench/review: the cost of the plots tile layer's `review` filter (an EXISTS over plot_findings per plot)
 * against the same tiles unfiltered, both rendered by PostGIS (`renderMvt`, the API's statement).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/review.bench.ts      (schema za_bench_review, rebuilt each run)
 *
 * Data: the demo dataset (662 plots) with 3 findings on one plot in five (`--worst`: 10 on every plot), written
 * through api/db/findings.ts, statuses cycling identified / verified / disposal_decided / closed. Tiles: every z14 and z15
 * tile holding a demo plot. Each round renders all tiles unfiltered, then with `review=open`, then with
 * `review=verified` (order rotated per round), after a warm-up round; medians of 7 rounds.
 *
 * Result (2026-11-28, PostgreSQL 15 + PostGIS, 2 shared cores): see docs/performance.md.
 */

import { insertFinding, updateFindingStatus } from "../api/db/findings.ts";
import { openDb } from "../api/db/open.ts";
import { plotFilterParams, renderMvt } from "../api/db/tiles.ts";
import { findUserByUsername } from "../api/db/users.ts";
import type { PlotTileFilters, TileReviewFilter } from "../api/schemas/tiles.ts";
import { FINDING_STATUSES } from "../geo/finding_workflow.ts";
import { tileAt } from "../geo/tile_at.ts";

const SCHEMA = "za_bench_review";
/** `--worst`: every plot has findings in every status, so the filter drops nothing and runs for every plot. */
const WORST = process.argv.includes("--worst");
const FINDINGS_PER_PLOT = WORST ? 10 : 3;
/** Typical: findings on one plot in five. */
const hasFindings = (plotId: number) => WORST || plotId % 5 === 0;
const ROUNDS = 7;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main(dbUrl: string): Promise<void> {
  const { db } = await openDb({ databaseUrl: dbUrl, schema: SCHEMA, demo: true, poolMax: 2 });
  try {
    await db.exec(`TRUNCATE plot_findings CASCADE`);
    const reviewer = await findUserByUsername(db, "reviewer");
    if (!reviewer) throw new Error("demo account reviewer missing");
    const actor = { userId: reviewer.id, username: reviewer.username };
    const plots = await db.query<{ id: number; lng: number; lat: number }>(
      `SELECT id, ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat
         FROM plots ORDER BY id`,
    );
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      for (const p of plots.filter((x) => hasFindings(x.id)))
        for (let k = 0; k < FINDINGS_PER_PLOT; k++) {
          const id = await insertFinding(tx, { plotId: p.id, kind: "idle", note: "" }, actor);
          const status = FINDING_STATUSES[(p.id + k) % FINDING_STATUSES.length] ?? "identified";
          if (status !== "identified")
            await updateFindingStatus(
              tx,
              id,
              1,
              status,
              status === "verified" ? null : { disposal: "extension", feeWan: null, feeAsOf: null },
            );
        }
    });
    await db.exec("ANALYZE plot_findings");
    console.log(
      `findings: ${FINDINGS_PER_PLOT} on each of ${plots.filter((x) => hasFindings(x.id)).length} of ${plots.length} plots (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const [yr] = await db.query<{ y: number }>("SELECT max(year)::int AS y FROM enterprise_stats");
    const base: PlotTileFilters = {
      year: yr?.y ?? 2024,
      indicator: "outputPerMuWan",
      zone: null,
      park: null,
      status: null,
      grade: null,
      flag: null,
      min: null,
      max: null,
      review: null,
    };
    const seen = new Map<string, { z: number; x: number; y: number }>();
    for (const z of [14, 15])
      for (const p of plots) {
        const t = tileAt(p.lng, p.lat, z);
        seen.set(`${t.z}/${t.x}/${t.y}`, t);
      }
    const tiles = [...seen.values()];
    const variants: Array<[string, TileReviewFilter | null]> = [
      ["unfiltered", null],
      ["review=open", "open"],
      ["review=verified", "verified"],
    ];
    const run = async (review: TileReviewFilter | null) => {
      const params = plotFilterParams({ ...base, review });
      const t = performance.now();
      let bytes = 0;
      for (const tile of tiles) bytes += (await renderMvt(db, "plots", tile, params)).byteLength;
      return { ms: performance.now() - t, bytes };
    };
    for (const [, r] of variants) await run(r);
    const times = new Map<string, number[]>(variants.map(([n]) => [n, []]));
    const sizes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++)
      for (let i = 0; i < variants.length; i++) {
        const [name, review] = variants[(i + round) % variants.length] ?? variants[0] ?? ["unfiltered", null];
        const { ms, bytes } = await run(review);
        times.get(name)?.push(ms);
        sizes.set(name, bytes);
      }
    const baseMs = median(times.get("unfiltered") ?? []);
    console.log(`${tiles.length} tiles (z14 + z15), ${ROUNDS} rounds, median per round:`);
    for (const [name] of variants) {
      const ms = median(times.get(name) ?? []);
      console.log(
        `  ${name.padEnd(16)} ${ms.toFixed(1)} ms (${(ms / tiles.length).toFixed(2)} ms/tile, ${sizes.get(name)} bytes)  candidate/baseline ${(ms / baseMs).toFixed(3)}`,
      );
    }
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await db.close();
  }
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench/review needs DATABASE_URL (ST_AsMVT runs on the PostGIS server)");
  process.exit(1);
}
await main(url);
