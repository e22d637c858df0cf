/**
 * bench/bundle_size: initial JavaScript of the web app, gzipped, with maplibre-gl's own chunk apart.
 *
 *   npm run bench:bundle            (builds dist/web with vite, then measures)
 *   npm run bench:bundle -- --no-build
 *
 * "Initial" = the scripts index.html loads before the app can draw: the entry `<script type="module">`
 * and every `<link rel="modulepreload">` (Vite lists the entry's static imports there). maplibre-gl is one
 * such chunk (vite.config.ts puts it in `maplibre-gl-*.js`); its worker (`maplibre-gl-worker-*.mjs`) is
 * fetched by maplibre at runtime and reported with it. Sizes: raw bytes and gzip (zlib, level 9, as a
 * server's static gzip would send). Budget: the app's initial JS without maplibre ≤ 700 KB gzipped
 * (issue #5); the script exits 1 when it is over. The same-run reference is maplibre's own chunk, printed
 * as app/maplibre so a growing app shows up as a growing ratio on any machine.
 *
 * Result (2026-11-28, vite 8.3.8): see docs/performance.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** Budget for the app's initial JavaScript without maplibre, gzipped bytes (700 KB). */
const BUDGET_GZIP_BYTES = 700 * 1024;
const DIST = "dist/web";

interface Sized {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

const sizeOf = (file: string): Sized => {
  const bytes = readFileSync(join(DIST, file));
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (!process.argv.includes("--no-build")) await build({ configFile: "vite.config.ts", logLevel: "warn" });

const html = readFileSync(join(DIST, "index.html"), "utf8");
const initial = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
].map((m) => m[1] as string);
if (initial.length === 0) throw new Error("no module scripts found in dist/web/index.html");
const isMaplibre = (f: string) => /(^|\/)maplibre-gl[-.]/.test(f);

const app = initial.filter((f) => !isMaplibre(f)).map(sizeOf);
const maplibre = initial.filter(isMaplibre).map(sizeOf);
const worker = readdirSync(join(DIST, "assets"))
  .filter((f) => /^maplibre-gl-worker.*\.m?js$/.test(f))
  .map((f) => sizeOf(`assets/${f}`));
if (maplibre.length === 0)
  throw new Error("maplibre-gl is not a separate initial chunk (see vite.config.ts)");

const sum = (xs: Sized[], k: "rawBytes" | "gzipBytes") => xs.reduce((n, x) => n + x[k], 0);
for (const [label, xs] of [
  ["app (initial, without maplibre)", app],
  ["maplibre-gl (initial chunk)", maplibre],
  ["maplibre-gl worker (runtime)", worker],
] as const) {
  console.log(`${label}:`);
  for (const x of xs) console.log(`  ${x.file}  raw ${kb(x.rawBytes)}  gzip ${kb(x.gzipBytes)}`);
  console.log(`  total  raw ${kb(sum(xs, "rawBytes"))}  gzip ${kb(sum(xs, "gzipBytes"))}`);
}
const appGzip = sum(app, "gzipBytes");
console.log(
  `app/maplibre (gzip) = ${(appGzip / sum(maplibre, "gzipBytes")).toFixed(3)}; ` +
    `app/budget = ${(appGzip / BUDGET_GZIP_BYTES).toFixed(3)} (budget ${kb(BUDGET_GZIP_BYTES)})`,
);
if (appGzip > BUDGET_GZIP_BYTES) {
  console.error(`over budget: ${kb(appGzip)} > ${kb(BUDGET_GZIP_BYTES)}`);
  process.exit(1);
}
