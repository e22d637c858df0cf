import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import type { Feature, Geometry, Position } from "geojson";
import proj4 from "proj4";
import { readUpload } from "../../data/importers/read_upload.ts";
import { gcj02ToWgs84 } from "../../geo/gcj02.ts";

/** The shared real-data fixtures (never copied into the repo): ../shared/fixtures/real. */
export const REAL = fileURLToPath(new URL("../../../shared/fixtures/real/", import.meta.url));

/** All files of one fixture layer (`folder/base.*`) by file name. */
export function fixtureParts(folder: string, base: string): Map<string, Uint8Array> {
  const dir = `${REAL}${folder}/`;
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir))
    if (name.startsWith(`${base}.`)) out.set(name, new Uint8Array(readFileSync(dir + name)));
  return out;
}

/** Zips files (deflate level 6), e.g. a Shapefile's parts, optionally under a folder. */
export function zipParts(parts: Map<string, Uint8Array>, folder = ""): Uint8Array {
  return zipSync(Object.fromEntries([...parts].map(([n, b]) => [folder + n, b])), { level: 6 });
}

/** Yunnan counties (GCJ-02 in the file) moved to WGS84/CGCS2000, filtered by prefecture name. */
export function yunnanCounties(prefecture: string): Feature<Geometry, Record<string, unknown>>[] {
  const bytes = zipParts(fixtureParts("amap_yunnan_county_gcj02_utf8_nocpg", "云南省"));
  const read = readUpload(bytes, { fileName: "yunnan.zip", gcj02: true });
  return read.features
    .filter((f) => f.properties.ctname === prefecture && f.geometry)
    .map((f) => ({ type: "Feature", geometry: f.geometry as Geometry, properties: f.properties }));
}

/** proj4's reference: lon/lat → a CGCS2000 GK zone (central meridian, false easting). */
export function gkReference(cmDeg: number, falseEastingM: number) {
  return proj4(
    "EPSG:4326",
    `+proj=tmerc +lat_0=0 +lon_0=${cmDeg} +k=1 +x_0=${falseEastingM} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  );
}

/** Applies `fn` to every position of a polygonal geometry, returning a new geometry. */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(fn)) };
  if (g.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
  throw new Error(`mapPositions: ${g.type}`);
}

/** Every position of a polygonal geometry, flattened. */
export function positions(g: Geometry): Position[] {
  if (g.type === "Polygon") return g.coordinates.flat();
  if (g.type === "MultiPolygon") return g.coordinates.flat(2);
  if (g.type === "Point") return [g.coordinates];
  throw new Error(`positions: ${g.type}`);
}

export { gcj02ToWgs84 };
