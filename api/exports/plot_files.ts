import { zipSync } from "fflate";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import iconv from "iconv-lite";
import proj4 from "proj4";
import { crsByEpsg, esriWkt } from "../../data/importers/crs_catalogue.ts";
import { writeShapefile } from "../../data/importers/shp_writer.ts";
import { csvCell } from "../../data/importers/text_table.ts";
import { wktFromGeometry } from "../../data/importers/wkt_geometry.ts";
import { writeXlsx } from "../../data/importers/xlsx_writer.ts";
import type { PlotExportRow } from "../db/plot_export.ts";
import { PLOT_EXPORT_COLUMNS } from "../schemas/exports.ts";

/** A file to send: bytes, MIME type and download name. */
export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

const attrs = (r: PlotExportRow) => Object.fromEntries(PLOT_EXPORT_COLUMNS.map(([k]) => [k, r[k]]));

/** RFC 7946 GeoJSON (lon/lat, CGCS2000 ≈ WGS84), feature id = plot id. */
export function plotsGeoJson(rows: readonly PlotExportRow[], name: string): ExportFile {
  const fc: FeatureCollection = {
    type: "FeatureCollection",
    features: rows.map(
      (r): Feature => ({ type: "Feature", id: r.id, geometry: r.geometry, properties: attrs(r) }),
    ),
  };
  return {
    bytes: new TextEncoder().encode(JSON.stringify(fc)),
    contentType: "application/geo+json; charset=utf-8",
    fileName: `${name}.geojson`,
  };
}

function mapGeometry(g: Geometry, fn: (p: Position) => Position): Geometry {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(fn)) };
  if (g.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
  return g;
}

/**
 * A zipped Shapefile (.shp .shx .dbf .prj .cpg) in CGCS2000 lon/lat (EPSG:4490) or a CGCS2000
 * Gauss-Krüger zone (projected with proj4), text in UTF-8 or GBK.
 */
export function plotsShapefile(
  rows: readonly PlotExportRow[],
  name: string,
  opts: { encoding: "utf-8" | "gbk"; epsg: number },
): ExportFile {
  const crs = crsByEpsg(opts.epsg);
  if (!crs) throw new RangeError(`plotsShapefile: EPSG:${opts.epsg} unsupported`);
  const forward = crs.geographic ? null : proj4("EPSG:4326", crs.proj4);
  const features = rows.map((r) => ({
    geometry: forward ? mapGeometry(r.geometry, (p) => forward.forward([p[0] ?? 0, p[1] ?? 0])) : r.geometry,
    properties: Object.fromEntries(PLOT_EXPORT_COLUMNS.map(([k, col]) => [col, r[k]])),
  }));
  const parts = writeShapefile(
    features,
    PLOT_EXPORT_COLUMNS.map(([, col, type]) => ({ name: col, type })),
    { encoding: opts.encoding, prj: esriWkt(opts.epsg) },
  );
  const zip = zipSync({
    [`${name}.shp`]: parts.shp,
    [`${name}.shx`]: parts.shx,
    [`${name}.dbf`]: parts.dbf,
    [`${name}.prj`]: parts.prj,
    [`${name}.cpg`]: parts.cpg,
  });
  return { bytes: zip, contentType: "application/zip", fileName: `${name}.zip` };
}

/** CSV with a WKT geometry column (lon/lat) and the attributes; UTF-8 with BOM (Excel) or GBK. */
export function plotsCsv(
  rows: readonly PlotExportRow[],
  name: string,
  encoding: "utf-8" | "gbk",
): ExportFile {
  const header = [...PLOT_EXPORT_COLUMNS.map(([k]) => k), "wkt"];
  const lines = [header.join(",")];
  for (const r of rows)
    lines.push(
      [...PLOT_EXPORT_COLUMNS.map(([k]) => csvCell(r[k])), csvCell(wktFromGeometry(r.geometry))].join(","),
    );
  const text = `${lines.join("\r\n")}\r\n`;
  const bytes =
    encoding === "gbk"
      ? new Uint8Array(iconv.encode(text, "gbk"))
      : new TextEncoder().encode(`\uFEFF${text}`);
  return {
    bytes,
    contentType: `text/csv; charset=${encoding === "gbk" ? "GBK" : "utf-8"}`,
    fileName: `${name}.csv`,
  };
}

/** An XLSX sheet of the attributes plus the geometry as WKT. */
export function plotsXlsx(rows: readonly PlotExportRow[], name: string): ExportFile {
  const header = [...PLOT_EXPORT_COLUMNS.map(([k]) => k), "wkt"];
  const body = rows.map((r) => [...PLOT_EXPORT_COLUMNS.map(([k]) => r[k]), wktFromGeometry(r.geometry)]);
  return {
    bytes: writeXlsx("plots", header, body),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${name}.xlsx`,
  };
}
