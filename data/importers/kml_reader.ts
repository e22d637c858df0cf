import type { Geometry, Position } from "geojson";
import { crsByEpsg } from "./crs_catalogue.ts";
import type { DbfValue } from "./dbf_reader.ts";
import { ImportProblem } from "./import_problem.ts";
import type { RawLayer, SourceFeature } from "./read_upload.ts";
import { decodeText } from "./text_table.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML character and entity references and CDATA sections. */
function xmlText(s: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(s);
  if (cdata) return cdata[1] ?? "";
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e.startsWith("#x")
        ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
        : e.startsWith("#")
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? ""),
    )
    .trim();
}

/** `lon,lat[,alt]` tuples separated by whitespace (KML 2.2 §16.10). */
function ring(coordinates: string): Position[] {
  const out: Position[] = [];
  for (const tuple of coordinates.trim().split(/\s+/)) {
    if (!tuple) continue;
    const [x, y] = tuple.split(",").map(Number);
    out.push([x ?? Number.NaN, y ?? Number.NaN]);
  }
  return out;
}

const coordsOf = (xml: string) =>
  [...xml.matchAll(/<coordinates>([\s\S]*?)<\/coordinates>/g)].map((m) => ring(m[1] ?? ""));

/** The polygons of a Placemark (a Polygon, or every Polygon of a MultiGeometry); points and lines as found. */
function placemarkGeometry(xml: string): Geometry | null {
  const polys = [...xml.matchAll(/<Polygon\b[\s\S]*?<\/Polygon>/g)].map((m) => {
    const p = m[0];
    const outer = /<outerBoundaryIs>([\s\S]*?)<\/outerBoundaryIs>/.exec(p)?.[1] ?? "";
    const inners = [...p.matchAll(/<innerBoundaryIs>([\s\S]*?)<\/innerBoundaryIs>/g)].map((x) => x[1] ?? "");
    return [...coordsOf(outer), ...inners.flatMap(coordsOf)];
  });
  if (polys.length === 1 && polys[0]) return { type: "Polygon", coordinates: polys[0] };
  if (polys.length > 1) return { type: "MultiPolygon", coordinates: polys };
  const line = /<LineString\b[\s\S]*?<\/LineString>/.exec(xml)?.[0];
  if (line) return { type: "LineString", coordinates: coordsOf(line)[0] ?? [] };
  const point = /<Point\b[\s\S]*?<\/Point>/.exec(xml)?.[0];
  if (point) return { type: "Point", coordinates: coordsOf(point)[0]?.[0] ?? [] };
  return null;
}

/**
 * Reads the Placemarks of a KML document (OGC KML 2.2): `name`, `description`, `ExtendedData` (`Data`
 * name/value and `SimpleData`) as attributes; Polygons with their holes, MultiGeometry of Polygons.
 * KML coordinates are WGS84 longitude/latitude by definition (GCJ-02 exports are shifted back on request).
 * @throws ImportProblem `import_bad_file` when the text is not KML
 */
export function readKmlFeatures(bytes: Uint8Array, fileName: string, encoding?: string): RawLayer {
  const { text, encoding: enc } = decodeText(bytes, encoding);
  if (!/<kml\b/i.test(text)) throw new ImportProblem("import_bad_file", { reason: "not KML" });
  const fields = new Set<string>();
  const features: SourceFeature[] = [];
  for (const m of text.matchAll(/<Placemark\b[\s\S]*?<\/Placemark>/g)) {
    const xml = m[0];
    const properties: Record<string, DbfValue> = {};
    const set = (k: string, v: string) => {
      fields.add(k);
      const n = Number(v);
      properties[k] =
        v === "" ? null : /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(n) && !/^0\d/.test(v) ? n : v;
    };
    const name = /<name>([\s\S]*?)<\/name>/.exec(xml)?.[1];
    if (name !== undefined) set("name", xmlText(name));
    for (const d of xml.matchAll(
      /<Data\s+name="([^"]*)"[^>]*>[\s\S]*?<value>([\s\S]*?)<\/value>[\s\S]*?<\/Data>/g,
    ))
      set(xmlText(d[1] ?? ""), xmlText(d[2] ?? ""));
    for (const d of xml.matchAll(/<SimpleData\s+name="([^"]*)"[^>]*>([\s\S]*?)<\/SimpleData>/g))
      set(xmlText(d[1] ?? ""), xmlText(d[2] ?? ""));
    features.push({ geometry: placemarkGeometry(xml), properties });
  }
  return {
    format: "kml",
    layerName: (fileName.split("/").pop() ?? fileName).replace(/\.[^.]+$/, ""),
    fields: [...fields],
    featureCount: features.length,
    featuresIn: (from: number, to: number) => features.slice(from, to),
    encoding: enc,
    declaredCrs: crsByEpsg(4326) ?? undefined,
    warnings: [],
  };
}
