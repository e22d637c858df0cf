import type { Geometry, Position } from "geojson";
import { ImportProblem } from "./import_problem.ts";

type Nested = number[] | Nested[];

function parseNested(s: string, at: { i: number }): Nested {
  const out: Nested[] = [];
  const skip = () => {
    while (/\s/.test(s[at.i] ?? "")) at.i++;
  };
  skip();
  if (s[at.i] !== "(") throw new ImportProblem("import_bad_file", { reason: `WKT: "(" expected at ${at.i}` });
  at.i++;
  skip();
  if (s[at.i] === "(") {
    for (;;) {
      out.push(parseNested(s, at));
      skip();
      if (s[at.i] === ",") {
        at.i++;
        skip();
        continue;
      }
      break;
    }
  } else {
    const end = s.indexOf(")", at.i);
    if (end < 0) throw new ImportProblem("import_bad_file", { reason: "WKT: unclosed (" });
    const pts = s
      .slice(at.i, end)
      .split(",")
      .map((p) => p.trim().split(/\s+/).map(Number));
    if (pts.some((p) => p.length < 2 || p.some((n) => !Number.isFinite(n))))
      throw new ImportProblem("import_bad_file", { reason: "WKT: bad coordinate" });
    at.i = end;
    out.push(...(pts as Nested[]));
  }
  skip();
  if (s[at.i] !== ")") throw new ImportProblem("import_bad_file", { reason: `WKT: ")" expected at ${at.i}` });
  at.i++;
  return out as Nested;
}

/** Parses 2D WKT (POINT, LINESTRING, POLYGON, MULTI*; Z/M ordinates dropped) into a GeoJSON geometry. */
export function geometryFromWkt(wkt: string): Geometry {
  const m = /^\s*(MULTIPOLYGON|POLYGON|MULTILINESTRING|LINESTRING|MULTIPOINT|POINT)\s*(?:Z|M|ZM)?\s*/i.exec(
    wkt,
  );
  if (!m?.[1])
    throw new ImportProblem("import_bad_file", { reason: `WKT: unknown type in "${wkt.slice(0, 20)}"` });
  const kind = m[1].toUpperCase();
  const body = wkt.slice(m[0].length);
  const nested = parseNested(body, { i: 0 });
  const xy = (p: Nested) => [(p as number[])[0] ?? 0, (p as number[])[1] ?? 0] as Position;
  const ring = (r: Nested) => (r as Nested[]).map(xy);
  switch (kind) {
    case "POINT":
      return { type: "Point", coordinates: xy((nested as Nested[])[0] ?? []) };
    case "LINESTRING":
      return { type: "LineString", coordinates: ring(nested) };
    case "MULTIPOINT":
      return {
        type: "MultiPoint",
        coordinates: (nested as Nested[]).map((p) => xy(Array.isArray(p[0]) ? (p[0] as Nested) : p)),
      };
    case "POLYGON":
      return { type: "Polygon", coordinates: (nested as Nested[]).map(ring) };
    case "MULTILINESTRING":
      return { type: "MultiLineString", coordinates: (nested as Nested[]).map(ring) };
    default:
      return {
        type: "MultiPolygon",
        coordinates: (nested as Nested[]).map((poly) => (poly as Nested[]).map(ring)),
      };
  }
}

const pos = (p: Position) => `${p[0]} ${p[1]}`;
const rings = (rs: Position[][]) => `(${rs.map((r) => `(${r.map(pos).join(", ")})`).join(", ")})`;

/** Writes a polygonal or point GeoJSON geometry as WKT, with full double precision. */
export function wktFromGeometry(g: Geometry): string {
  switch (g.type) {
    case "Point":
      return `POINT (${pos(g.coordinates)})`;
    case "Polygon":
      return `POLYGON ${rings(g.coordinates)}`;
    case "MultiPolygon":
      return `MULTIPOLYGON (${g.coordinates.map(rings).join(", ")})`;
    case "LineString":
      return `LINESTRING (${g.coordinates.map(pos).join(", ")})`;
    default:
      throw new RangeError(`wktFromGeometry: ${g.type} is not written`);
  }
}
