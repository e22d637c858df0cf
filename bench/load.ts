/**
 * bench/load: the real server (`api/main.ts`, as `npm start` runs it) under 64 concurrent connections
 * for 30 s over a mix of tile, plot-list and metrics requests, logged in as admin.
 *
 *   DATABASE_URL=postgres://… npm run bench:load                        (schema za_bench_load, demo data)
 *   DATABASE_URL=postgres://… npm run bench:load -- --schema za_bench_tiles --no-demo   (an existing dataset)
 *   … -- --connections 64 --duration 30 --threads 2 [--only tiles|plots|metrics]
 *
 * Load generator: wrk (`/usr/bin/wrk`, .ci/run installs it) with a Lua script that cycles through a
 * request list — 60 % plot tiles (every z12–z16 tile holding a plot, so none is empty), 20 % plot lists
 * (`/api/plots?park=…`, every park), 15 % park metrics, 5 % zone metrics — with the session cookie and
 * `Accept-Encoding: gzip, deflate, br` as a browser sends. Errors = socket errors + responses other
 * than 2xx/3xx (wrk's status errors, > 399); the run fails when there is any. Prints requests,
 * requests/s, errors and p50/p99/max latency. Results and method: docs/performance.md.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { tileAt } from "../geo/tile_at.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SCHEMA = arg("schema", "za_bench_load");
const CONNECTIONS = Number(arg("connections", "64"));
const DURATION_S = Number(arg("duration", "30"));
const THREADS = Number(arg("threads", "2"));
const DEMO = !process.argv.includes("--no-demo");
const USER = arg("user", "admin");
/** Restrict the mix to one kind (tiles, plots, metrics) to see what each costs. */
const ONLY = arg("only", "");
const PASSWORD = arg("password", "admin-demo");

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:load needs DATABASE_URL (a PostgreSQL server with PostGIS)");
  process.exit(1);
}
if (!/^[a-z_][a-z0-9_]*$/.test(SCHEMA)) throw new Error(`invalid schema ${SCHEMA}`);
if (spawnSync("wrk", ["--version"]).error) {
  console.error("bench:load needs wrk (apt-get install wrk)");
  process.exit(1);
}

/** The database URL with the bench schema first in search_path. */
function schemaUrl(): string {
  const u = new URL(url ?? "");
  u.searchParams.set("options", `-c search_path=${SCHEMA},public`);
  return u.toString();
}

async function startApp(webDir: string): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "api/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: schemaUrl(),
      PORT: "0",
      ZA_WEB_DIR: webDir,
      ZA_DEMO: DEMO ? "auto" : "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const deadline = Date.now() + 600_000;
  while (!/Ready in/.test(output)) {
    if (child.exitCode !== null) throw new Error(`api/main.ts exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`api/main.ts did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = /running at (http:\/\/\S+)/.exec(output);
  if (!m?.[1]) throw new Error(`no URL in:\n${output}`);
  return { child, base: m[1], log: () => output };
}

/** Request paths of the mix, from what the database holds. */
async function requestMix(): Promise<{ paths: string[]; tiles: number; parks: number; zones: number }> {
  const client = new pg.Client({ connectionString: schemaUrl() });
  await client.connect();
  try {
    const parks = (await client.query<{ id: number }>("SELECT id FROM parks ORDER BY id")).rows.map(
      (r) => r.id,
    );
    const zones = (await client.query<{ id: number }>("SELECT id FROM zones ORDER BY id")).rows.map(
      (r) => r.id,
    );
    // Up to 2,000 plots spread over the table: their z12–z16 tiles are tiles that exist.
    const points = (
      await client.query<{ lng: number; lat: number }>(
        // md5 order: the same spread of plots every run, without a sequential bias.
        `SELECT ST_X(c)::float8 AS lng, ST_Y(c)::float8 AS lat
         FROM (SELECT ST_PointOnSurface(geom) AS c FROM plots ORDER BY md5(id::text) LIMIT 2000) s`,
      )
    ).rows;
    const tiles = new Set<string>();
    for (const p of points)
      for (let z = 12; z <= 16; z++) {
        const t = tileAt(p.lng, p.lat, z);
        tiles.add(`/api/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`);
      }
    const tileList = [...tiles];
    // 20 slots: 12 tiles, 4 plot lists, 3 park metrics, 1 zone metrics; cycle each list independently.
    const paths: string[] = [];
    const slots = Math.max(tileList.length, parks.length * 5, 200);
    let ti = 0;
    let pi = 0;
    let mi = 0;
    let zi = 0;
    for (let i = 0; i < slots; i++) {
      const k = i % 20;
      if (k < 12) paths.push(tileList[ti++ % tileList.length] ?? "/api/health");
      else if (k < 16) paths.push(`/api/plots?park=${parks[pi++ % parks.length]}`);
      else if (k < 19) paths.push(`/api/parks/${parks[mi++ % parks.length]}/metrics`);
      else paths.push(`/api/zones/${zones[zi++ % zones.length]}/metrics`);
    }
    const kept = ONLY
      ? paths.filter((p) =>
          ONLY === "tiles"
            ? p.includes("/tiles/")
            : ONLY === "plots"
              ? p.includes("/plots?")
              : p.endsWith("/metrics"),
        )
      : paths;
    return { paths: kept, tiles: tileList.length, parks: parks.length, zones: zones.length };
  } finally {
    await client.end();
  }
}

function luaScript(paths: string[], cookie: string): string {
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join("\n");
  return `-- generated by bench/load.ts
local paths = {
${list}
}
local n = #paths
local i = 0
local headers = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Accept-Encoding"] = "gzip, deflate, br" }

setup = function(thread)
  thread:set("offset", math.random(n))
end

init = function(args)
  i = tonumber(offset) or 0
end

request = function()
  i = i % n + 1
  return wrk.format("GET", paths[i], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;
}

interface WrkResult {
  requests: number;
  durationUs: number;
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  const [{ max_connections: maxConnections } = { max_connections: "?" }] = (
    await admin.query<{ max_connections: string }>("SHOW max_connections")
  ).rows;
  await admin.end();

  const work = mkdtempSync(join(tmpdir(), "za-bench-load-"));
  writeFileSync(join(work, "index.html"), "<!doctype html><title>ZoneAtlas</title>");
  const app = await startApp(work);
  try {
    const login = await fetch(`${app.base}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: USER, password: PASSWORD }),
    });
    if (login.status !== 200)
      throw new Error(`login as ${USER} failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    const mix = await requestMix();
    // Warm-up: every path once (fills the tile cache as a working day would, and checks they all answer).
    const bad: string[] = [];
    for (const p of new Set(mix.paths)) {
      const res = await fetch(`${app.base}${p}`, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      if (res.status >= 400) bad.push(`${p} → ${res.status}`);
    }
    if (bad.length > 0) throw new Error(`requests of the mix fail before the load:\n${bad.join("\n")}`);
    const script = join(work, "mix.lua");
    writeFileSync(script, luaScript(mix.paths, cookie));
    console.log(
      `bench:load — schema ${SCHEMA}: ${mix.tiles} tiles, ${mix.parks} parks, ${mix.zones} zones; pool ${process.env.ZA_DB_POOL_MAX ?? 10} of max_connections ${maxConnections}${ONLY ? `, only ${ONLY}` : ""}; wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION_S}s`,
    );
    const wrk = spawnSync(
      "wrk",
      [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, "--timeout", "20s", "-s", script, app.base],
      { encoding: "utf8", timeout: (DURATION_S + 60) * 1000 },
    );
    if (wrk.error) throw wrk.error;
    const line = /RESULT (\{.*\})/.exec(wrk.stdout)?.[1];
    if (!line) throw new Error(`no result from wrk:\n${wrk.stdout}\n${wrk.stderr}`);
    const r = JSON.parse(line) as WrkResult;
    const errors = r.status + r.connect + r.read + r.write + r.timeout;
    const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
    console.log(
      `requests ${r.requests} in ${(r.durationUs / 1e6).toFixed(1)} s = ${(r.requests / (r.durationUs / 1e6)).toFixed(0)}/s; errors ${errors} (status ${r.status}, connect ${r.connect}, read ${r.read}, write ${r.write}, timeout ${r.timeout})`,
    );
    console.log(`latency p50 ${ms(r.p50Us)}, p90 ${ms(r.p90Us)}, p99 ${ms(r.p99Us)}, max ${ms(r.maxUs)}`);
    const serverErrors = app
      .log()
      .split("\n")
      .filter((l) => /"level":"error"/.test(l));
    if (serverErrors.length > 0)
      console.log(`server logged ${serverErrors.length} errors:\n${serverErrors.slice(0, 5).join("\n")}`);
    if (errors > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    const exited = new Promise((r) => app.child.once("exit", r));
    app.child.kill("SIGTERM");
    await exited;
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
