import type { Geometry } from "geojson";
import { crsByEpsg } from "./crs_catalogue.ts";
import type { DbfValue } from "./dbf_reader.ts";
import { ImportProblem } from "./import_problem.ts";
import type { RawLayer, SourceFeature } from "./read_upload.ts";
import { decodeText, parseCsv } from "./text_table.ts";
import { geometryFromWkt } from "./wkt_geometry.ts";

const layerName = (fileName: string) => (fileName.split("/").pop() ?? fileName).replace(/\.[^.]+$/, "");

function scalar(v: unknown): DbfValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

/** Reads a GeoJSON FeatureCollection, Feature or bare geometry. A legacy `crs` member naming an EPSG code is honoured. */
export function readGeoJsonFeatures(bytes: Uint8Array, fileName: string, encoding?: string): RawLayer {
  const { text, encoding: enc } = decodeText(bytes, encoding);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportProblem("import_bad_file", {
      reason: `JSON: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const obj = doc as { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  const items: unknown[] =
    obj?.type === "FeatureCollection" && Array.isArray(obj.features)
      ? obj.features
      : obj?.type === "Feature"
        ? [obj]
        : typeof obj?.type === "string"
          ? [{ type: "Feature", geometry: obj, properties: {} }]
          : [];
  if (!obj || typeof obj.type !== "string")
    throw new ImportProblem("import_bad_file", { reason: "not GeoJSON" });
  const fields = new Set<string>();
  const features: SourceFeature[] = items.map((it) => {
    const f = it as { geometry?: Geometry | null; properties?: Record<string, unknown> | null };
    const properties: Record<string, DbfValue> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      fields.add(k);
      properties[k] = scalar(v);
    }
    return { geometry: f.geometry ?? null, properties };
  });
  const crsName = obj.crs?.properties?.name ?? "";
  const code = /EPSG:{1,2}(\d+)$/i.exec(crsName)?.[1];
  const declared = code ? crsByEpsg(Number(code)) : null;
  if (code && !declared) throw new ImportProblem("import_unknown_projection", { crs: crsName });
  return {
    format: "geojson",
    layerName: layerName(fileName),
    fields: [...fields],
    featureCount: features.length,
    featuresIn: (from: number, to: number) => features.slice(from, to),
    encoding: enc,
    declaredCrs: declared ?? undefined,
    warnings: enc.warnings,
  };
}

const WKT_COLUMNS = ["wkt", "geometry", "geom", "the_geom", "shape", "几何", "坐标串"];
const LON_COLUMNS = ["lon", "lng", "long", "longitude", "x", "经度"];
const LAT_COLUMNS = ["lat", "latitude", "y", "纬度"];

/** Reads a CSV whose geometry is a WKT column or lon/lat columns; numbers stay text unless the mapping converts them. */
export function readCsvFeatures(bytes: Uint8Array, fileName: string, encoding?: string): RawLayer {
  const { text, encoding: enc } = decodeText(bytes, encoding);
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new ImportProblem("import_empty_file", { file: fileName });
  const lower = header.map((h) => h.trim().toLowerCase());
  const wktAt = lower.findIndex((h) => WKT_COLUMNS.includes(h));
  const lonAt = lower.findIndex((h) => LON_COLUMNS.includes(h));
  const latAt = lower.findIndex((h) => LAT_COLUMNS.includes(h));
  if (wktAt < 0 && (lonAt < 0 || latAt < 0))
    throw new ImportProblem("import_bad_file", { reason: "CSV has no WKT column and no lon/lat columns" });
  const geomCols = new Set(wktAt >= 0 ? [wktAt] : [lonAt, latAt]);
  const fields = header.filter((_, i) => !geomCols.has(i)).map((h) => h.trim());
  const features: SourceFeature[] = rows.slice(1).map((cells) => {
    const properties: Record<string, DbfValue> = {};
    header.forEach((h, i) => {
      if (!geomCols.has(i))
        properties[h.trim()] = cells[i] === undefined || cells[i] === "" ? null : (cells[i] ?? null);
    });
    let geometry: Geometry | null = null;
    if (wktAt >= 0) {
      const w = cells[wktAt]?.trim();
      geometry = w ? geometryFromWkt(w) : null;
    } else {
      const x = Number(cells[lonAt]);
      const y = Number(cells[latAt]);
      geometry = Number.isFinite(x) && Number.isFinite(y) ? { type: "Point", coordinates: [x, y] } : null;
    }
    return { geometry, properties };
  });
  return {
    format: "csv",
    layerName: layerName(fileName),
    fields,
    featureCount: features.length,
    featuresIn: (from: number, to: number) => features.slice(from, to),
    encoding: enc,
    warnings: enc.warnings,
  };
}
