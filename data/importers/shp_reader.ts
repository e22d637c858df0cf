import type { Geometry, Position } from "geojson";
import { ImportProblem } from "./import_problem.ts";

/** Shapefile shape types we read (Z and M variants keep x, y only). */
const NULL_SHAPE = 0;
const POINT = [1, 11, 21];
const POLYLINE = [3, 13, 23];
const POLYGON = [5, 15, 25];
const MULTIPOINT = [8, 18, 28];

export interface ShpFile {
  /** The header's shape type (5 = Polygon …). */
  shapeType: number;
  /** Header bbox [xmin, ymin, xmax, ymax] in source units. */
  bbox: [number, number, number, number];
  /** Geometries in source coordinates, in record order; null for Null shapes. */
  geometries: (Geometry | null)[];
}

/** Twice the signed area of a ring (shoelace); negative = clockwise in x-east/y-north axes. */
function ringArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    s += ((a[0] ?? 0) - (b[0] ?? 0)) * ((a[1] ?? 0) + (b[1] ?? 0));
  }
  return s;
}

function ringContains(ring: Position[], p: Position): boolean {
  const x = p[0] ?? 0;
  const y = p[1] ?? 0;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]?.[0] ?? 0;
    const yi = ring[i]?.[1] ?? 0;
    const xj = ring[j]?.[0] ?? 0;
    const yj = ring[j]?.[1] ?? 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Groups Shapefile rings into polygons: clockwise rings are outer rings, counter-clockwise ones
 * holes of the outer ring that contains them (ESRI Shapefile Technical Description, 1998). Rings are
 * returned in GeoJSON winding (outer counter-clockwise, RFC 7946).
 */
export function polygonFromRings(rings: Position[][]): Geometry {
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length === 0) continue;
    if (ringArea2(ring) > 0) outers.push([ring.slice().reverse()]);
    else holes.push(ring.slice().reverse());
  }
  for (const hole of holes) {
    const owner = outers.find((o) => o[0] && hole[0] && ringContains(o[0], hole[0]));
    // A "hole" that lies in no outer ring was drawn with the wrong winding: keep it as an outer ring.
    if (owner) owner.push(hole);
    else outers.push([hole.slice().reverse()]);
  }
  if (outers.length === 1 && outers[0]) return { type: "Polygon", coordinates: outers[0] };
  return { type: "MultiPolygon", coordinates: outers };
}

/** Where each record of a .shp lies, found without decoding any geometry (for reading record by record). */
export interface ShpIndex {
  shapeType: number;
  /** Header bbox [xmin, ymin, xmax, ymax] in source units. */
  bbox: [number, number, number, number];
  /** Number of records. */
  count: number;
  /** Decodes record `i` (0-based) into a geometry in source coordinates; null for a Null shape. */
  shapeAt(i: number): Geometry | null;
  /** [xmin, ymin, xmax, ymax] over the records' own boxes (no decoding), or null when all are Null shapes. */
  recordsBbox(): [number, number, number, number] | null;
}

/**
 * Indexes a .shp (read sequentially: the .shx is not needed): checks every record header and keeps
 * two offsets per record, so a 100,000-record file is decoded batch by batch, never as one object graph.
 * @throws ImportProblem `import_empty_file`, `import_truncated_file`, `import_unsupported_format`
 */
export function indexShp(bytes: Uint8Array): ShpIndex {
  if (bytes.length === 0) throw new ImportProblem("import_empty_file", { file: ".shp" });
  if (bytes.length < 100) throw new ImportProblem("import_truncated_file", { file: ".shp" });
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt32(0, false) !== 9994) throw new ImportProblem("import_unsupported_format", { file: ".shp" });
  const fileLength = v.getInt32(24, false) * 2;
  if (fileLength > bytes.length) throw new ImportProblem("import_truncated_file", { file: ".shp" });
  const shapeType = v.getInt32(32, true);
  const bbox: [number, number, number, number] = [
    v.getFloat64(36, true),
    v.getFloat64(44, true),
    v.getFloat64(52, true),
    v.getFloat64(60, true),
  ];
  // A record is at least 12 bytes: at most this many.
  const starts = new Int32Array(Math.max(0, Math.floor((fileLength - 100) / 12)));
  const ends = new Int32Array(starts.length);
  let count = 0;
  let off = 100;
  while (off < fileLength) {
    if (off + 12 > fileLength) throw new ImportProblem("import_truncated_file", { file: ".shp" });
    const contentBytes = v.getInt32(off + 4, false) * 2;
    const start = off + 8;
    const end = start + contentBytes;
    if (contentBytes < 4 || end > fileLength)
      throw new ImportProblem("import_truncated_file", { file: ".shp" });
    starts[count] = start;
    ends[count] = end;
    count++;
    off = end;
  }
  return {
    shapeType,
    bbox,
    count,
    shapeAt: (i) => {
      if (!(i >= 0 && i < count)) throw new RangeError(`shapeAt: record ${i} of ${count}`);
      return readShape(v, starts[i] ?? 0, ends[i] ?? 0);
    },
    recordsBbox: () => {
      const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      const add = (x: number, y: number) => {
        // Writers put ±Infinity in the box of an empty record.
        if (!Number.isFinite(x) || !Number.isFinite(y)) return;
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      };
      for (let i = 0; i < count; i++) {
        const at = starts[i] ?? 0;
        const len = (ends[i] ?? 0) - at;
        const type = v.getInt32(at, true);
        if (type === NULL_SHAPE) continue;
        if (POINT.includes(type)) {
          if (len >= 20) add(v.getFloat64(at + 4, true), v.getFloat64(at + 12, true));
        } else if (len >= 36) {
          // Multipoint, polyline and polygon records start with their own box.
          add(v.getFloat64(at + 4, true), v.getFloat64(at + 12, true));
          add(v.getFloat64(at + 20, true), v.getFloat64(at + 28, true));
        }
      }
      return Number.isFinite(b[0]) ? b : null;
    },
  };
}

/**
 * Parses a whole .shp into geometries (small files; imports of plots read record by record via `indexShp`).
 * @throws ImportProblem `import_empty_file`, `import_truncated_file`, `import_bad_geometry_type`
 */
export function readShp(bytes: Uint8Array): ShpFile {
  const ix = indexShp(bytes);
  return {
    shapeType: ix.shapeType,
    bbox: ix.bbox,
    geometries: Array.from({ length: ix.count }, (_, i) => ix.shapeAt(i)),
  };
}

function readShape(v: DataView, start: number, end: number): Geometry | null {
  const type = v.getInt32(start, true);
  const need = (n: number) => {
    if (start + n > end) throw new ImportProblem("import_truncated_file", { file: ".shp" });
  };
  if (type === NULL_SHAPE) return null;
  if (POINT.includes(type)) {
    need(20);
    return { type: "Point", coordinates: [v.getFloat64(start + 4, true), v.getFloat64(start + 12, true)] };
  }
  if (MULTIPOINT.includes(type)) {
    need(40);
    const n = v.getInt32(start + 36, true);
    need(40 + n * 16);
    const pts: Position[] = [];
    for (let i = 0; i < n; i++) {
      const p = start + 40 + i * 16;
      pts.push([v.getFloat64(p, true), v.getFloat64(p + 8, true)]);
    }
    return { type: "MultiPoint", coordinates: pts };
  }
  if (POLYLINE.includes(type) || POLYGON.includes(type)) {
    need(44);
    const numParts = v.getInt32(start + 36, true);
    const numPoints = v.getInt32(start + 40, true);
    if (numParts < 0 || numPoints < 0) throw new ImportProblem("import_truncated_file", { file: ".shp" });
    need(44 + numParts * 4 + numPoints * 16);
    const pointsAt = start + 44 + numParts * 4;
    const parts: Position[][] = [];
    for (let k = 0; k < numParts; k++) {
      const from = v.getInt32(start + 44 + k * 4, true);
      const to = k + 1 < numParts ? v.getInt32(start + 44 + (k + 1) * 4, true) : numPoints;
      const ring: Position[] = [];
      for (let i = from; i < to; i++) {
        const p = pointsAt + i * 16;
        ring.push([v.getFloat64(p, true), v.getFloat64(p + 8, true)]);
      }
      parts.push(ring);
    }
    if (POLYGON.includes(type)) return polygonFromRings(parts);
    return parts.length === 1
      ? { type: "LineString", coordinates: parts[0] ?? [] }
      : { type: "MultiLineString", coordinates: parts };
  }
  throw new ImportProblem("import_bad_geometry_type", { type });
}
