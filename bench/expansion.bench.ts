/**
 * bench/expansion: expansion candidates for a park surrounded by 20,000 constraint polygons, PostGIS.
 *
 *   DATABASE_URL=postgres://… npm run bench:expansion              (builds schema za_bench_expansion once)
 *   DATABASE_URL=postgres://… npm run bench:expansion -- --rebuild
 *
 * Dataset (seeded, built in SQL): one zone near 104.2°E 23.4°N (GK zone 35, EPSG:4523); a 2 km × 2.5 km park
 * with 400 plots; a development boundary covering the park and 3 km around it; 20,000 small constraint
 * polygons (octagons of radius 8–25 m; 60 % permanent farmland, 40 % ecological red line) scattered uniformly
 * in the 2 km reach around the park; 20 plots of a second park inside the reach.
 * Candidate: the endpoint, POST /api/expansion/candidates in-process (createApp + app.request, JSON parsed):
 * park lookup, zone layer types, the candidate statement, scoring in geo/, JSON.
 * Baseline: the bare candidate statement (`candidatesSql`, api/db/expansion.ts) with the same parameters
 * over a plain pg client. Interleaved, 1 warm-up + ROUNDS rounds, medians; prints candidate/baseline.
 * Targets (issue 7): endpoint ≤ 5 s, candidate/baseline ≤ 1.3. Results: docs/performance.md.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createApp } from "../api/app.ts";
import { candidateParams, candidatesSql } from "../api/db/expansion.ts";
import { openDb } from "../api/db/open.ts";
import { M2_PER_MU } from "../geo/units.ts";
import { signedInApp } from "./session.ts";

const SCHEMA = "za_bench_expansion";
const POLYGONS = 20_000;
const ROUNDS = 5;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:expansion needs DATABASE_URL (a PostgreSQL server with PostGIS)");
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Builds the dataset in SQL (GK zone 35 metres → EPSG:4326); returns the park id. */
const BUILD_SQL = `
DO $$
DECLARE z int; p int; q int; dev int; farm int; red int;
BEGIN
  PERFORM setseed(0.20261128);
  INSERT INTO zones (code, name, name_en, province, level, policy_profile)
    VALUES ('bench-expansion', '扩区基准(示意)', 'Expansion bench (illustrative)', '云南省', 'provincial', 'wenshan') RETURNING id INTO z;
  -- park: 2,000 m × 2,500 m around GK (35,420,000, 2,590,000)
  INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, gk_epsg, geom)
    VALUES (z, 'bench-park', '基准园区', 'Bench park', 'park', '文山市', 'Wenshan', 4523,
      ST_Multi(ST_Transform(ST_MakeEnvelope(35419000, 2588750, 35421000, 2591250, 4523), 4326))) RETURNING id INTO p;
  INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, geom)
    SELECT p, 'bench-plot-' || i || '-' || j, '0601', 'GB/T 21010-2017', 'built',
      ST_Multi(ST_Transform(ST_MakeEnvelope(35419000 + i * 100 + 5, 2588750 + j * 125 + 5,
                                            35419000 + i * 100 + 95, 2588750 + j * 125 + 120, 4523), 4326))
      FROM generate_series(0, 19) i, generate_series(0, 19) j;
  INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, gk_epsg, geom)
    VALUES (z, 'bench-park-2', '基准园区二', 'Bench park 2', 'park', '文山市', 'Wenshan', 4523,
      ST_Multi(ST_Transform(ST_MakeEnvelope(35422300, 2589000, 35423500, 2590000, 4523), 4326))) RETURNING id INTO q;
  INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, geom)
    SELECT q, 'bench-plot2-' || i, '0601', 'GB/T 21010-2017', 'built',
      ST_Multi(ST_Transform(ST_MakeEnvelope(35422300 + i * 60, 2588600, 35422350 + i * 60, 2588900, 4523), 4326))
      FROM generate_series(0, 19) i;
  INSERT INTO constraint_layers (zone_id, type, name, name_en, source) VALUES
    (z, 'development_boundary', '城镇开发边界(示意)', 'Development boundary (illustrative)', 'bench') RETURNING id INTO dev;
  INSERT INTO constraint_layers (zone_id, type, name, name_en, source) VALUES
    (z, 'permanent_farmland', '永久基本农田(示意)', 'Farmland (illustrative)', 'bench') RETURNING id INTO farm;
  INSERT INTO constraint_layers (zone_id, type, name, name_en, source) VALUES
    (z, 'ecological_redline', '生态保护红线(示意)', 'Red line (illustrative)', 'bench') RETURNING id INTO red;
  INSERT INTO constraint_features (layer_id, geom)
    VALUES (dev, ST_Multi(ST_Transform(ST_MakeEnvelope(35416000, 2585750, 35424000, 2594250, 4523), 4326)));
  INSERT INTO constraint_features (layer_id, geom)
    SELECT CASE WHEN random() < 0.6 THEN farm ELSE red END,
           ST_Multi(ST_Transform(ST_Buffer(ST_SetSRID(ST_MakePoint(x, y), 4523), 8 + random() * 17, 2), 4326))
      FROM (SELECT 35417000 + random() * 6000 AS x, 2586750 + random() * 6500 AS y
              FROM generate_series(1, ${POLYGONS * 3}) g) pts
     WHERE NOT (x BETWEEN 35419000 AND 35421000 AND y BETWEEN 2588750 AND 2591250)
     LIMIT ${POLYGONS};
END $$;
ANALYZE parks; ANALYZE plots; ANALYZE constraint_features; ANALYZE constraint_layers;`;

async function main(dbUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: dbUrl });
  await admin.connect();
  if (process.argv.includes("--rebuild")) await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  const { db } = await openDb({ databaseUrl: dbUrl, schema: SCHEMA, demo: false, poolMax: 2 });
  try {
    const t0 = performance.now();
    let [park] = await db.query<{ id: number }>(`SELECT id FROM parks WHERE code = 'bench-park'`);
    if (!park) {
      await db.exec(BUILD_SQL);
      [park] = await db.query<{ id: number }>(`SELECT id FROM parks WHERE code = 'bench-park'`);
    }
    if (!park) throw new Error("bench park missing");
    const [n] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id
        WHERE l.type <> 'development_boundary'`,
    );
    console.log(
      `dataset: ${n?.n} constraint polygons (${((performance.now() - t0) / 1000).toFixed(1)} s to build or check)`,
    );

    const app = await signedInApp(createApp({ db, log: () => {} }), db);
    const body = { parkId: park.id };
    const params = candidateParams({
      parkId: park.id,
      srid: 4523,
      maxDistanceM: 2000,
      minAreaM2: 50 * M2_PER_MU,
      excludeTypes: ["permanent_farmland", "ecological_redline"],
      requireInsideTypes: ["development_boundary"],
    });
    await admin.query(`SET search_path TO ${SCHEMA}, public`);
    const endpoint = async () => {
      const t = performance.now();
      const res = await app.request("/api/expansion/candidates", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { features: unknown[]; totalAreaMu: number };
      if (res.status !== 200) throw new Error(`endpoint answered ${res.status}: ${JSON.stringify(json)}`);
      return { ms: performance.now() - t, n: json.features.length, mu: json.totalAreaMu };
    };
    const bare = async () => {
      const t = performance.now();
      const r = await admin.query(candidatesSql(2), params);
      return { ms: performance.now() - t, n: r.rowCount ?? 0 };
    };
    const warm = await endpoint();
    const warmBare = await bare();
    if (warm.n !== warmBare.n) throw new Error(`endpoint gave ${warm.n} candidates, bare SQL ${warmBare.n}`);
    console.log(`candidates: ${warm.n}, total ${warm.mu.toFixed(1)} 亩`);
    const e: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // alternate the order so neither side always runs on a warmer cache
      if (i % 2 === 0) {
        e.push((await endpoint()).ms);
        b.push((await bare()).ms);
      } else {
        b.push((await bare()).ms);
        e.push((await endpoint()).ms);
      }
    }
    const me = median(e);
    const mb = median(b);
    console.log(`endpoint  ms: ${e.map((x) => x.toFixed(0)).join(", ")} → median ${me.toFixed(0)} ms`);
    console.log(`bare SQL  ms: ${b.map((x) => x.toFixed(0)).join(", ")} → median ${mb.toFixed(0)} ms`);
    console.log(
      `candidate/baseline = ${(me / mb).toFixed(3)} (target ≤ 1.3); endpoint ${me <= 5000 ? "≤" : ">"} 5 s`,
    );
  } finally {
    await admin.end();
    await db.close();
  }
}

await main(url);
