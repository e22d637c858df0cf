/**
 * bench/tiles: plot vector tiles from PostGIS on 1,000,000 plots.
 *
 *   DATABASE_URL=postgres://… npm run bench:tiles             (builds schema za_bench_tiles once, then reuses it)
 *   DATABASE_URL=postgres://… npm run bench:tiles -- --rebuild
 *   DATABASE_URL=postgres://… npm run bench:tiles -- --build-only   (the dataset only, no measurement)
 *
 * Dataset: the demo copied to ≥ 1,000,000 plots (bench/scale_demo.ts, as bench/metrics), every park
 * assessed once (plot_assessments). Tiles: a fixed list of 500 distinct tiles, z10–z16, around plots
 * drawn with a seeded RNG. Measures, in one run:
 *   a. uncached latency through HTTP (a server process with the tile cache off), p50/p95, and p95 at z14;
 *   b. the same tiles from the bare ST_AsMVT statement (bench/tiles_baseline.ts) over pg, no HTTP (the floor);
 *   b′. the same bare statement as a named prepared statement (a stricter floor: the API prepares its own);
 *      a, b and b′ interleaved tile by tile (a first, or b and b′ first, alternating by tile and round:
 *      the first to touch a tile warms PostgreSQL's buffers for the others), 1 warm-up round + ROUNDS rounds;
 *   c. cached-tile throughput (wrk -t1 -c10 -d10s when installed, else autocannon) against a server with the cache on;
 *   d. the same load on GET /api/health/live of that server (the framework floor);
 *   both loads send `Accept-Encoding: gzip, deflate, br` as browsers do;
 * and prints a/b and a/b′ (median over tiles of per-tile median ratios; and of p50s) and c/d.
 * Every HTTP request (a, c, d; wrk's too) carries the session cookie of the bench's admin account
 * (created in the schema when missing): the session check is part of the API's real cost.
 * Results and method: docs/performance.md.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { createAccount } from "../api/auth/accounts.ts";
import { SESSION_COOKIE } from "../api/auth/policy.ts";
import type { Db } from "../api/db/db.ts";
import { openDb } from "../api/db/open.ts";
import { findUserByUsername } from "../api/db/users.ts";
import { refreshQueuedAssessments } from "../api/metrics/assessment_refresh.ts";
import { createRng } from "../data/demo/rng.ts";
import { type TileXyz, tileAt } from "../geo/tile_at.ts";
import { scaleDemo } from "./scale_demo.ts";
import { BARE_PLOTS_MVT_SQL } from "./tiles_baseline.ts";

const SCHEMA = "za_bench_tiles";
const TARGET_PLOTS = 1_000_000;
const TILES = 500;
/** Even, so that a and b each run first on every tile in half the rounds. */
const ROUNDS = 4;
const SEED = 20_261_122;
const PORTS = { uncached: 18_801, cached: 18_802 };
/**
 * The account the bench signs in with (tiles need a session, docs/security.md): created in the bench
 * schema when missing. The schema is a local, throwaway bench database, hence a password in the source.
 */
const BENCH_USER = { username: "bench-tiles", password: "bench-tiles-local-only" } as const;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:tiles needs DATABASE_URL (a PostgreSQL server with PostGIS)");
  process.exit(1);
}

type Tile = TileXyz;

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function startServer(dbUrl: string, port: number, cacheMb: number): Promise<ChildProcess> {
  // ZA_BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: profile the servers (written on exit).
  const nodeArgs = process.env.ZA_BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "bench/tiles_server.ts", dbUrl, SCHEMA, String(port), String(cacheMb)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tile server exited with ${code}`)));
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve();
    });
  });
  return child;
}

/** Creates the bench's admin account unless it exists (the session lookup is part of the measured cost). */
async function ensureBenchAccount(db: Db): Promise<void> {
  if (await findUserByUsername(db, BENCH_USER.username)) return;
  await createAccount(db, { ...BENCH_USER, role: "admin", zoneId: null });
}

/** Signs in on `base` and returns the `Cookie` header value every later request sends. */
async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(BENCH_USER),
  });
  if (res.status !== 200) throw new Error(`bench login: HTTP ${res.status} ${await res.text()}`);
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new Error("bench login: no session cookie");
  return `${SESSION_COOKIE}=${token}`;
}

/** One keep-alive connection, as a map client holds: node:http, whose client costs less than fetch's. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GETs one tile (body read to the end) with the session cookie and returns the milliseconds it took. */
function fetchTile(base: string, t: Tile, cookie: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(
        `${base}/api/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`,
        { agent, headers: { Cookie: cookie } },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            if (res.statusCode !== 200 && res.statusCode !== 204)
              reject(new Error(`tile ${t.z}/${t.x}/${t.y}: HTTP ${res.statusCode}`));
            else resolve(performance.now() - t0);
          });
          res.on("error", reject);
        },
      )
      .on("error", reject);
  });
}

/** What browsers send (maplibre fetches tiles through the browser): cached tiles may come back gzipped. */
const ACCEPT_ENCODING = "gzip, deflate, br";

/** wrk (C, Debian package `wrk`) when installed: its own cost per request is far below autocannon's. */
const HAS_WRK = spawnSync("wrk", ["--version"]).error === undefined;

/** Requests per second over 10 s with 10 connections, cycling through `paths`, each with the session cookie. */
async function load(target: string, paths: readonly string[], cookie: string): Promise<number> {
  return HAS_WRK ? loadWrk(target, paths, cookie) : loadAutocannon(target, paths, cookie);
}

function loadWrk(target: string, paths: readonly string[], cookie: string): number {
  const script = join(mkdtempSync(join(tmpdir(), "za-wrk-")), "paths.lua");
  writeFileSync(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`,
  );
  const out = execFileSync(
    "wrk",
    [
      "-t1",
      "-c10",
      "-d10s",
      "-H",
      `Accept-Encoding: ${ACCEPT_ENCODING}`,
      "-H",
      `Cookie: ${cookie}`,
      "-s",
      script,
      target,
    ],
    {
      encoding: "utf8",
    },
  );
  const bad = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (bad !== undefined) throw new Error(`${bad} non-2xx responses under load`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  if (rps === undefined) throw new Error(`unexpected wrk output:\n${out}`);
  return Number(rps);
}

async function loadAutocannon(target: string, paths: readonly string[], cookie: string): Promise<number> {
  const result = await autocannon({
    url: target,
    connections: 10,
    duration: 10,
    headers: { "accept-encoding": ACCEPT_ENCODING, cookie },
    requests: paths.map((path) => ({ method: "GET" as const, path })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx and ${result.errors} errors under load`);
  return result.requests.average;
}

async function main(dbUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: dbUrl, options: `-c search_path=${SCHEMA},public` });
  await admin.connect();
  if (process.argv.includes("--rebuild")) await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  const { db } = await openDb({ databaseUrl: dbUrl, schema: SCHEMA, demo: true, poolMax: 3 });
  const t0 = performance.now();
  const plots = await scaleDemo(db, TARGET_PLOTS);
  console.log(
    `dataset: ${plots.toLocaleString("en")} plots (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const t1 = performance.now();
  // Two drains in parallel (two cores); each claims batches the other does not hold.
  const drained = await Promise.all([0, 1].map(() => refreshQueuedAssessments(db, { batch: 100 })));
  const assessed = drained.reduce((n, d) => n + d.length, 0);
  if (assessed > 0) await db.exec("ANALYZE plot_assessments");
  console.log(
    `assessments: ${assessed} parks re-assessed (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );
  if (process.argv.includes("--build-only")) {
    await db.close();
    await admin.end();
    return;
  }

  // A fixed list of distinct tiles around plots drawn with a seeded RNG, z10…z16 in turn.
  const [range] = await db.query<{ lo: number; hi: number }>(
    "SELECT min(id) AS lo, max(id) AS hi FROM plots",
  );
  const rng = createRng(SEED);
  const tiles = new Map<string, Tile>();
  while (tiles.size < TILES) {
    const id = Math.floor((range?.lo ?? 0) + rng.next() * ((range?.hi ?? 0) - (range?.lo ?? 0)));
    const [p] = await db.query<{ lng: number; lat: number }>(
      "SELECT ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat FROM plots WHERE id >= $1 ORDER BY id LIMIT 1",
      [id],
    );
    if (!p) continue;
    const t = tileAt(p.lng, p.lat, 10 + (tiles.size % 7));
    tiles.set(`${t.z}/${t.x}/${t.y}`, t);
  }
  const list = [...tiles.values()];
  const [y] = await db.query<{ y: number }>("SELECT max(year)::int AS y FROM enterprise_stats");
  const year = y?.y ?? 0;
  await ensureBenchAccount(db);
  await db.close();

  if (process.argv.includes("--cached-only")) return measureCached(dbUrl, list, admin);
  const uncached = await startServer(dbUrl, PORTS.uncached, 0);
  const base = `http://127.0.0.1:${PORTS.uncached}`;
  const cookie = await login(base);
  const http = new Map<string, number[]>();
  const sql = new Map<string, number[]>();
  const prepared = new Map<string, number[]>();
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [i, t] of list.entries()) {
        const key = `${t.z}/${t.x}/${t.y}`;
        const bare = async () => {
          const s0 = performance.now();
          await admin.query(BARE_PLOTS_MVT_SQL, [t.z, t.x, t.y, t.z >= 13, year]);
          const b = performance.now() - s0;
          // b′: the same bare statement prepared once (as the API prepares its own), no parse per call.
          const p0 = performance.now();
          await admin.query({
            name: "bare_mvt",
            text: BARE_PLOTS_MVT_SQL,
            values: [t.z, t.x, t.y, t.z >= 13, year],
          });
          return [b, performance.now() - p0] as const;
        };
        // Whichever runs first on a tile reads its pages into PostgreSQL's buffers for the others (the
        // tables exceed shared_buffers): the order alternates by tile and round, so a and b each go first
        // in half the rounds.
        const aFirst = (round + i) % 2 === 0;
        const a0 = aFirst ? await fetchTile(base, t, cookie) : 0;
        const [b, bp] = await bare();
        const a = aFirst ? a0 : await fetchTile(base, t, cookie);
        if (round === 0) continue; // warm-up
        http.set(key, [...(http.get(key) ?? []), a]);
        sql.set(key, [...(sql.get(key) ?? []), b]);
        prepared.set(key, [...(prepared.get(key) ?? []), bp]);
      }
      if (round > 0) process.stdout.write(`\runcached round ${round}/${ROUNDS}`);
    }
  } finally {
    agent.destroy();
    uncached.kill();
  }
  process.stdout.write("\n");
  const med = (xs: readonly number[]) => quantile(xs, 0.5);
  const aMed = list.map((t) => med(http.get(`${t.z}/${t.x}/${t.y}`) ?? []));
  const bMed = list.map((t) => med(sql.get(`${t.z}/${t.x}/${t.y}`) ?? []));
  const z14 = list.flatMap((t, i) => (t.z === 14 ? [aMed[i] as number] : []));
  const ratios = aMed.map((a, i) => a / (bMed[i] as number));
  const pMed = list.map((t) => med(prepared.get(`${t.z}/${t.x}/${t.y}`) ?? []));
  const pRatios = aMed.map((a, i) => a / (pMed[i] as number));
  console.log(
    `a. uncached via HTTP: p50 ${med(aMed).toFixed(1)} ms, p95 ${quantile(aMed, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `   z14 only (${z14.length} tiles): p50 ${med(z14).toFixed(1)} ms, p95 ${quantile(z14, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `b. bare ST_AsMVT over pg: p50 ${med(bMed).toFixed(1)} ms, p95 ${quantile(bMed, 0.95).toFixed(1)} ms`,
  );
  for (let z = 10; z <= 16; z++) {
    const idx = list.flatMap((t, i) => (t.z === z ? [i] : []));
    const az = idx.map((i) => aMed[i] as number);
    const bz = idx.map((i) => bMed[i] as number);
    const pz = idx.map((i) => pMed[i] as number);
    console.log(
      `   z${z}: a p50 ${med(az).toFixed(1)} ms / b p50 ${med(bz).toFixed(1)} ms / b′ p50 ${med(pz).toFixed(1)} ms`,
    );
  }
  console.log(
    `a/b: ${(med(aMed) / med(bMed)).toFixed(3)} (p50s); median per-tile ratio ${med(ratios).toFixed(3)} (target ≤ 1.3)`,
  );
  console.log(
    `a/b′ (floor prepared too): ${(med(aMed) / med(pMed)).toFixed(3)} (p50s); median per-tile ratio ${med(pRatios).toFixed(3)}`,
  );

  await measureCached(dbUrl, list, admin, cookie);
}

/** c and d: throughput of cached tiles and of the trivial route on one server process. */
async function measureCached(
  dbUrl: string,
  list: readonly Tile[],
  admin: pg.Client,
  session?: string,
): Promise<void> {
  const cached = await startServer(dbUrl, PORTS.cached, 512);
  const target = `http://127.0.0.1:${PORTS.cached}`;
  try {
    const cookie = session ?? (await login(target));
    for (const t of list) await fetchTile(target, t, cookie);
    const paths = list.map((t) => `/api/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`);
    await load(target, ["/api/health/live"], cookie); // warm-up of the load tool and the server
    // What the load below receives per tile, as a browser asks (compressed forms are ready by now).
    let sent = 0;
    let raw = 0;
    for (const p of paths) {
      const res = await fetch(`${target}${p}`, {
        headers: { "Accept-Encoding": ACCEPT_ENCODING, Cookie: cookie },
      });
      const enc = res.headers.get("content-encoding");
      sent += Number(res.headers.get("content-length") ?? 0);
      raw += (await res.arrayBuffer()).byteLength;
      if (enc === null && res.status === 200 && Number(res.headers.get("content-length")) >= 1024)
        throw new Error(`${p}: cached tile sent uncompressed`);
    }
    console.log(
      `cached tiles as sent: ${(sent / paths.length / 1024).toFixed(1)} kB on average (${(raw / paths.length / 1024).toFixed(1)} kB decoded)`,
    );
    const c = await load(target, paths, cookie);
    const d = await load(target, ["/api/health/live"], cookie);
    const tool = HAS_WRK ? "wrk -t1 -c10 -d10s" : "autocannon, 10 connections, 10 s";
    console.log(
      `c. cached tiles: ${c.toFixed(0)} req/s; d. GET /api/health/live: ${d.toFixed(0)} req/s (${tool})`,
    );
    console.log(`c/d: ${(c / d).toFixed(3)} (target ≥ 0.7)`);
  } finally {
    cached.kill();
    await admin.end();
  }
}

main(url).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
