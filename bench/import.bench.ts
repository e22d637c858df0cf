/**
 * bench/import: importing 100,000 plots from a zipped Shapefile, against `ogr2ogr -f PostgreSQL`.
 *
 *   DATABASE_URL=postgres://… npm run bench:import
 *
 * Dataset: 100,000 square plots (10 m, 12 m pitch, a 317 × 316 grid) in a new park south of the demo parks, in EPSG:4523
 * (CGCS2000 3° GK zone 35), written by data/importers/shp_writer.ts as a zipped GBK Shapefile (LDID 0x4D,
 * ArcGIS-style .prj) with columns 宗地编码 / 用地面积 / 地类编码. The same zip feeds both sides:
 *   a. baseline: `ogr2ogr -f PostgreSQL PG:… /vsizip/…/zd.shp -t_srs EPSG:4326 -nlt PROMOTE_TO_MULTI`
 *      (GDAL from Debian's gdal-bin; COPY, GiST index), into a fresh table in schema za_bench_ogr;
 *   b. candidate: runPlotImport (the code behind POST /api/imports and the CLI) into a demo park in schema
 *      za_bench_import: parse, reproject, stage, ST_MakeValid, areas, overlaps, park containment, report,
 *      upsert, undo records — one transaction. Undone (not timed) after each round.
 * One warm-up round, then ROUNDS rounds alternating a and b; prints medians and b/a.
 * Results and method: docs/performance.md. 2026-11-28 on a loaded 2-core VM: ogr2ogr 5.09 s, import
 * 16.82 s, import/ogr2ogr 3.30; after hex EWKB staging, the area measured once and streamed reading
 * (decision 0013): ogr2ogr 6.35 s, import 15.11 s, import/ogr2ogr 2.38; final (staging key and statistics
 * after the load, no joins or queries a first import does not need): ogr2ogr 3.73 s, import 7.31 s,
 * import/ogr2ogr 1.96 (target ≤ 2.0 met narrowly; the run before gave 2.05).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { zipSync } from "fflate";
import type { Position } from "geojson";
import pg from "pg";
import proj4 from "proj4";
import { undoImport } from "../api/db/imports.ts";
import { openDb } from "../api/db/open.ts";
import { runPlotImport } from "../api/imports/plot_import.ts";
import { esriWkt, gaussKrugerProj4 } from "../data/importers/crs_catalogue.ts";
import { writeShapefile } from "../data/importers/shp_writer.ts";

const PLOTS = 100_000;
const ROUNDS = Number(process.env.ZA_BENCH_ROUNDS ?? 3);
const SIZE_M = 10;
const PITCH_M = 12;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:import needs DATABASE_URL (a PostgreSQL server with PostGIS)");
  process.exit(1);
}
if (spawnSync("ogr2ogr", ["--version"]).status !== 0) {
  console.error("bench:import needs ogr2ogr (apt-get install -y gdal-bin)");
  process.exit(1);
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query("DROP SCHEMA IF EXISTS za_bench_import CASCADE");
await admin.query("DROP SCHEMA IF EXISTS za_bench_ogr CASCADE");
await admin.query("CREATE SCHEMA za_bench_ogr");

const { db } = await openDb({ databaseUrl: url, schema: "za_bench_import", demo: true, poolMax: 4 });
const [host] = await db.query<{ zone_id: number; lng: number; lat: number }>(
  `SELECT zone_id, ST_X(ST_PointOnSurface(geom))::float8 AS lng, ST_Y(ST_PointOnSurface(geom))::float8 AS lat
     FROM parks WHERE gk_epsg = 4523 ORDER BY id LIMIT 1`,
);
if (!host) throw new Error("no demo park in EPSG:4523");

// A clean new park 0.3° (~33 km) south of the demo parks, its boundary the grid's extent + 200 m:
// the usual first import of a park's plots (no overlaps, nothing outside), so the report is empty.
const gk = proj4("EPSG:4326", gaussKrugerProj4(105, 35_500_000));
const [e0 = 0, n0 = 0] = gk.forward([host.lng, host.lat - 0.3]);
const cols = Math.ceil(Math.sqrt(PLOTS));
const extentM = cols * PITCH_M;
const corner = (de: number, dn: number) => gk.inverse([e0 + de, n0 + dn]);
const boundary = {
  type: "MultiPolygon",
  coordinates: [
    [
      [
        corner(-200, -200),
        corner(extentM + 200, -200),
        corner(extentM + 200, extentM + 200),
        corner(-200, extentM + 200),
        corner(-200, -200),
      ],
    ],
  ],
};
const [park] = await db.query<{ id: number }>(
  `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, gk_epsg, geom)
   VALUES ($1, 'BENCH-IMPORT', '导入基准园区', 'Import bench park', 'park', '文山市', 'Wenshan', 4523,
           ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) RETURNING id`,
  [host.zone_id, JSON.stringify(boundary)],
);
if (!park) throw new Error("bench park not created");

const features = Array.from({ length: PLOTS }, (_, i) => {
  const x = e0 + (i % cols) * PITCH_M;
  const y = n0 + Math.floor(i / cols) * PITCH_M;
  const ring: Position[] = [
    [x, y],
    [x, y + SIZE_M],
    [x + SIZE_M, y + SIZE_M],
    [x + SIZE_M, y],
    [x, y],
  ];
  return {
    geometry: { type: "Polygon" as const, coordinates: [ring] },
    properties: { 宗地编码: `BENCH-${i + 1}`, 用地面积: SIZE_M * SIZE_M, 地类编码: "0601" },
  };
});
const parts = writeShapefile(
  features,
  [
    { name: "宗地编码", type: "C" },
    { name: "用地面积", type: "N" },
    { name: "地类编码", type: "C" },
  ],
  { encoding: "gbk", prj: esriWkt(4523) },
);
const zip = zipSync(
  { "zd.shp": parts.shp, "zd.shx": parts.shx, "zd.dbf": parts.dbf, "zd.prj": parts.prj },
  { level: 6 },
);
const dir = mkdtempSync(join(tmpdir(), "za-bench-import-"));
const zipPath = join(dir, "plots_100k.zip");
writeFileSync(zipPath, zip);
console.log(
  `zipped Shapefile: ${PLOTS} plots, ${(zip.length / 2 ** 20).toFixed(1)} MiB (shp ${(parts.shp.length / 2 ** 20).toFixed(1)} MiB)`,
);

const u = new URL(url);
const pgConn = `PG:host=${u.hostname} port=${u.port || 5432} user=${decodeURIComponent(u.username)} dbname=${u.pathname.slice(1)}${u.password ? ` password=${decodeURIComponent(u.password)}` : ""} active_schema=za_bench_ogr`;

function ogr(): number {
  const t0 = performance.now();
  execFileSync("ogr2ogr", [
    "-f",
    "PostgreSQL",
    pgConn,
    `/vsizip/${zipPath}/zd.shp`,
    "-nln",
    "plots_ogr",
    "-overwrite",
    "-t_srs",
    "EPSG:4326",
    "-nlt",
    "PROMOTE_TO_MULTI",
    "-lco",
    "GEOMETRY_NAME=geom",
  ]);
  return performance.now() - t0;
}

async function ours(): Promise<{ ms: number; inserted: number; warnings: number }> {
  const t0 = performance.now();
  let last = "";
  const report = await runPlotImport(db, {
    bytes: zip,
    fileName: "plots_100k.zip",
    parkId: park?.id ?? 0,
    gcj02: false,
    dryRun: false,
    createdBy: "bench",
    onProgress: (p) => {
      if (process.env.ZA_BENCH_PHASES && p.phase !== last) {
        console.log(`  ${p.phase} at ${((performance.now() - t0) / 1000).toFixed(2)} s`);
        last = p.phase;
      }
    },
  });
  const ms = performance.now() - t0;
  const id = report.importId;
  if (id === null) throw new Error("import did not commit");
  await db.transaction((tx) => undoImport(tx, id, "bench"));
  // Not timed: clear the undone rows' dead tuples, as autovacuum would between imports.
  await admin.query("VACUUM ANALYZE za_bench_import.plots");
  return { ms, inserted: report.summary.inserted, warnings: report.issues.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const a: number[] = [];
const b: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const ta = ogr();
  const tb = await ours();
  const [{ n = 0 } = {}] = (
    await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM za_bench_ogr.plots_ogr")
  ).rows;
  if (n !== PLOTS || tb.inserted !== PLOTS)
    throw new Error(`loaded ${n} (ogr2ogr) / ${tb.inserted} (ours), want ${PLOTS}`);
  console.log(
    `${round === 0 ? "warm-up" : `round ${round}`}: ogr2ogr ${(ta / 1000).toFixed(2)} s, import ${(tb.ms / 1000).toFixed(2)} s (${tb.warnings} report issues), ratio ${(tb.ms / ta).toFixed(2)}`,
  );
  if (round > 0) {
    a.push(ta);
    b.push(tb.ms);
  }
}
console.log(
  `median: ogr2ogr ${(median(a) / 1000).toFixed(2)} s, import ${(median(b) / 1000).toFixed(2)} s, import/ogr2ogr ${(median(b) / median(a)).toFixed(2)} (target ≤ 2.0)`,
);
await db.close();
await admin.query("DROP SCHEMA IF EXISTS za_bench_import CASCADE");
await admin.query("DROP SCHEMA IF EXISTS za_bench_ogr CASCADE");
await admin.end();
rmSync(dir, { recursive: true, force: true });
