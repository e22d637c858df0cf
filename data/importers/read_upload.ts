import type { Geometry, Position } from "geojson";
import proj4 from "proj4";
import { gcj02ToWgs84 } from "../../geo/gcj02.ts";
import { crsByEpsg, type KnownCrs } from "./crs_catalogue.ts";
import { type Bbox, type CrsChoice, resolveCrs } from "./crs_resolve.ts";
import type { EncodingChoice } from "./dbf_encoding.ts";
import { type DbfValue, readDbf } from "./dbf_reader.ts";
import { ImportProblem } from "./import_problem.ts";
import { readKmlFeatures } from "./kml_reader.ts";
import { indexShp } from "./shp_reader.ts";
import { readCsvFeatures, readGeoJsonFeatures } from "./text_formats.ts";
import { DEFAULT_ZIP_LIMITS, isZip, type ZipLimits, zipEntries } from "./zip_entries.ts";

/** One feature as read: geometry in longitude/latitude (WGS84 = CGCS2000), attributes by source field name. */
export interface SourceFeature {
  geometry: Geometry | null;
  properties: Record<string, DbfValue>;
}

export type SourceFormat = "shapefile" | "geojson" | "csv" | "kml";

export interface ReadOptions {
  /** The uploaded file's name (decides the format with the magic bytes). */
  fileName: string;
  /** Text encoding override (`gbk`, `utf-8`, `cp936` …). */
  encoding?: string | undefined;
  /** Source EPSG override. */
  srid?: number | undefined;
  /** The source lon/lat are GCJ-02 (AMap, DataV): shift them back to WGS84. */
  gcj02?: boolean | undefined;
  /** The target park's Gauss-Krüger EPSG, used when 6-digit eastings come without a .prj. */
  parkGkEpsg?: number | null | undefined;
  zipLimits?: ZipLimits | undefined;
}

export interface ReadResult {
  format: SourceFormat;
  /** The layer's name (the .shp base name or the file name). */
  layerName: string;
  fields: string[];
  features: SourceFeature[];
  encoding: EncodingChoice | null;
  crs: CrsChoice;
  sourceCoordinates: "gcj02" | "wgs84";
  warnings: string[];
}

/** Raw geometries and attributes before the CRS is applied. */
export interface RawLayer {
  format: SourceFormat;
  layerName: string;
  fields: string[];
  featureCount: number;
  /** Features `[from, to)` in source coordinates, decoded on each call (a Shapefile record by record). */
  featuresIn(from: number, to: number): SourceFeature[];
  /** The source bbox when the format gives it without decoding features (.shp record boxes). */
  sourceBbox?: Bbox | null;
  encoding: EncodingChoice | null;
  prj?: string | undefined;
  /** A CRS the format itself declares (GeoJSON's `crs` member, RFC 7946's WGS84 default). */
  declaredCrs?: KnownCrs | undefined;
  warnings: string[];
}

const ext = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
const base = (name: string) => name.replace(/\.[^./\\]+$/, "");

/** Reads a Shapefile from its parts (by file name, any folder); the first .shp wins. */
export function readShapefileParts(
  files: Map<string, Uint8Array>,
  opts: { encoding?: string | undefined },
): RawLayer {
  const names = [...files.keys()].sort();
  const shpName = names.find((n) => ext(n) === "shp");
  if (!shpName) {
    if (names.some((n) => ext(n) === "dbf"))
      throw new ImportProblem("import_missing_sidecar", { file: ".shp" });
    throw new ImportProblem("import_unsupported_format", { file: names.join(", ").slice(0, 80) || "?" });
  }
  const warnings: string[] = [];
  const others = names.filter((n) => ext(n) === "shp" && n !== shpName);
  if (others.length > 0)
    warnings.push(`several layers in the archive; read ${shpName}, skipped ${others.join(", ")}`);
  const part = (e: string) => {
    const n = names.find((k) => base(k).toLowerCase() === base(shpName).toLowerCase() && ext(k) === e);
    return n === undefined ? undefined : files.get(n);
  };
  const dbfBytes = part("dbf");
  if (!dbfBytes) throw new ImportProblem("import_missing_sidecar", { file: ".dbf" });
  const shp = indexShp(files.get(shpName) ?? new Uint8Array());
  const cpgBytes = part("cpg");
  const prjBytes = part("prj");
  const dbf = readDbf(dbfBytes, {
    ...(cpgBytes ? { cpg: new TextDecoder("latin1").decode(cpgBytes) } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
  });
  if (dbf.recordCount !== shp.count)
    throw new ImportProblem("import_bad_file", {
      reason: `.shp has ${shp.count} shapes but .dbf ${dbf.recordCount} records`,
    });
  // Records not marked deleted in the .dbf; features are decoded from them on demand.
  const live = new Int32Array(shp.count);
  let liveCount = 0;
  for (let i = 0; i < shp.count; i++) if (!dbf.isDeleted(i)) live[liveCount++] = i;
  return {
    format: "shapefile",
    layerName: base(shpName).split("/").pop() ?? shpName,
    fields: dbf.fields.map((f) => f.name),
    featureCount: liveCount,
    featuresIn: (from, to) => {
      const out: SourceFeature[] = [];
      for (let k = Math.max(0, from); k < Math.min(to, liveCount); k++) {
        const i = live[k] ?? 0;
        out.push({ geometry: shp.shapeAt(i), properties: dbf.record(i) ?? {} });
      }
      return out;
    },
    sourceBbox: shp.recordsBbox(),
    encoding: dbf.encoding,
    prj: prjBytes ? new TextDecoder("utf-8").decode(prjBytes) : undefined,
    warnings: [...dbf.encoding.warnings, ...warnings],
  };
}

/** Reads any supported upload (zip of a Shapefile, GeoJSON, CSV) into raw features. */
export function readRawLayer(bytes: Uint8Array, opts: ReadOptions): RawLayer {
  if (bytes.length === 0) throw new ImportProblem("import_empty_file", { file: opts.fileName });
  const e = ext(opts.fileName);
  if (isZip(bytes)) {
    const files = zipEntries(bytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);
    if (files.size === 0) throw new ImportProblem("import_empty_file", { file: opts.fileName });
    // A KMZ is a zip holding one KML (doc.kml by convention).
    const inner = [...files.keys()].filter((n) => ["geojson", "json", "csv", "kml"].includes(ext(n)));
    const hasShp = [...files.keys()].some((n) => ["shp", "dbf"].includes(ext(n)));
    if (!hasShp && inner.length > 0) {
      const name = inner[0] as string;
      return readRawLayer(files.get(name) ?? new Uint8Array(), { ...opts, fileName: name });
    }
    return readShapefileParts(files, opts);
  }
  if (e === "geojson" || e === "json") return readGeoJsonFeatures(bytes, opts.fileName, opts.encoding);
  if (e === "csv" || e === "txt") return readCsvFeatures(bytes, opts.fileName, opts.encoding);
  if (e === "kml") return readKmlFeatures(bytes, opts.fileName, opts.encoding);
  if (e === "shp" || e === "dbf")
    throw new ImportProblem("import_missing_sidecar", { file: e === "shp" ? ".dbf" : ".shp" });
  throw new ImportProblem("import_unsupported_format", { file: opts.fileName });
}

function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case "Point":
      fn(g.coordinates);
      return;
    case "MultiPoint":
    case "LineString":
      for (const p of g.coordinates) fn(p);
      return;
    case "MultiLineString":
    case "Polygon":
      for (const r of g.coordinates) for (const p of r) fn(p);
      return;
    case "MultiPolygon":
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) fn(p);
      return;
    case "GeometryCollection":
      for (const c of g.geometries) eachPosition(c, fn);
  }
}

/** [xmin, ymin, xmax, ymax] over all features, or null when there is no coordinate. */
export function featuresBbox(features: readonly SourceFeature[]): Bbox | null {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    if (f.geometry)
      eachPosition(f.geometry, (p) => {
        const x = p[0] ?? Number.NaN;
        const y = p[1] ?? Number.NaN;
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      });
  return Number.isFinite(b[0]) ? b : null;
}

/** A function taking a source position to WGS84 [lng, lat] in place. */
export function positionTransform(choice: CrsChoice, gcj02: boolean): (p: Position) => void {
  const c = choice.crs;
  const identity = c.geographic && (c.epsg === 4490 || c.epsg === 4326);
  const conv = identity ? null : proj4(c.proj4, "EPSG:4326");
  return (p) => {
    let x = p[0] ?? Number.NaN;
    let y = p[1] ?? Number.NaN;
    if (choice.swapAxes) [x, y] = [y, x];
    if (conv) [x, y] = conv.forward([x, y]) as [number, number];
    if (gcj02) [x, y] = gcj02ToWgs84(x, y);
    p.length = 2;
    p[0] = x;
    p[1] = y;
  };
}

/**
 * Reads an upload and brings every geometry to longitude/latitude (EPSG:4326 ≈ CGCS2000), with the
 * encoding and CRS decisions and their reasons.
 * @throws ImportProblem for every unusable input (a 4xx, never a crash)
 */
/** The encoding and CRS decisions of a read, with their reasons, as the import reports show them. */
export function readingChoices(read: Pick<ReadResult, "encoding" | "crs">) {
  return {
    encoding: read.encoding
      ? { name: read.encoding.encoding, source: read.encoding.source, reason: read.encoding.reason }
      : null,
    crs: {
      epsg: read.crs.crs.epsg,
      name: read.crs.crs.name,
      source: read.crs.source,
      reason: read.crs.reason,
    },
  };
}

export function readUpload(bytes: Uint8Array, opts: ReadOptions): ReadResult {
  const { batch, featureCount, ...rest } = prepareUpload(bytes, opts);
  return { ...rest, features: batch(0, featureCount) };
}

/** A read upload whose features are decoded and moved to lon/lat one batch at a time. */
export interface PreparedUpload extends Omit<ReadResult, "features"> {
  featureCount: number;
  /**
   * Decodes features `[from, to)` and moves them to lon/lat (each call decodes anew: keep batches, not
   * the whole file, so a 100,000-feature Shapefile is never one object graph).
   * @throws ImportProblem `import_coordinates_out_of_range`
   */
  batch(from: number, to: number): SourceFeature[];
}

/** Reads an upload, decides encoding and CRS, and decodes features batch by batch in lon/lat. */
export function prepareUpload(bytes: Uint8Array, opts: ReadOptions): PreparedUpload {
  const raw = readRawLayer(bytes, opts);
  if (raw.featureCount === 0) throw new ImportProblem("import_no_features", { file: opts.fileName });
  const bbox =
    raw.sourceBbox !== undefined ? raw.sourceBbox : featuresBbox(raw.featuresIn(0, raw.featureCount));
  if (!bbox) throw new ImportProblem("import_no_features", { file: opts.fileName });
  const lonLat = bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
  if (!raw.declaredCrs && raw.format !== "shapefile" && lonLat)
    raw.declaredCrs = crsByEpsg(4326) ?? undefined;
  const crs: CrsChoice =
    raw.declaredCrs && opts.srid === undefined
      ? {
          crs: raw.declaredCrs,
          source: "geojson",
          reason:
            raw.format === "kml"
              ? "KML: WGS84 longitude/latitude by definition (OGC KML 2.2)"
              : `GeoJSON ${raw.declaredCrs.epsg ? `EPSG:${raw.declaredCrs.epsg}` : raw.declaredCrs.name}`,
          swapAxes: false,
          warnings: [],
        }
      : resolveCrs({ srid: opts.srid, prj: raw.prj, bbox, parkGkEpsg: opts.parkGkEpsg ?? null });
  const move = positionTransform(crs, opts.gcj02 === true);
  const batch = (from: number, to: number) => {
    let bad = 0;
    const features = raw.featuresIn(from, to);
    for (const f of features)
      if (f.geometry)
        eachPosition(f.geometry, (p) => {
          move(p);
          const [x = Number.NaN, y = Number.NaN] = p;
          if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) bad++;
        });
    if (bad > 0)
      throw new ImportProblem("import_coordinates_out_of_range", { count: bad, crs: crs.crs.name });
    return features;
  };
  return {
    format: raw.format,
    layerName: raw.layerName,
    fields: raw.fields,
    featureCount: raw.featureCount,
    encoding: raw.encoding,
    crs,
    sourceCoordinates: opts.gcj02 ? "gcj02" : "wgs84",
    warnings: [...raw.warnings, ...crs.warnings],
    batch,
  };
}

/** The EPSG:4490 CRS, for formats that are lon/lat by definition. */
export const CGCS2000 = crsByEpsg(4490) as KnownCrs;
