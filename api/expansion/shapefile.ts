import { zipSync } from "fflate";
import type { MultiPolygon, Position } from "geojson";

/** One attribute column of the .dbf: `C` text (UTF-8 bytes) or `N` number. */
export interface DbfField {
  name: string;
  type: "C" | "N";
  length: number;
  decimals?: number;
}

/** One polygon record: a MultiPolygon in projected coordinates [x, y] and its attribute values. */
export interface ShapeRecord {
  geometry: MultiPolygon;
  values: Record<string, string | number | null>;
}

const SHAPE_POLYGON = 5;

/** Twice the signed area of a ring (shoelace); > 0 counter-clockwise. */
const signedArea2 = (ring: Position[]) => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    s += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return s;
};

/** ESRI ring order: exterior rings clockwise, holes counter-clockwise (the opposite of RFC 7946). */
const esriRing = (ring: Position[], exterior: boolean) => {
  const ccw = signedArea2(ring) > 0;
  return exterior === ccw ? [...ring].reverse() : ring;
};

function bboxOf(points: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

function header(view: DataView, fileBytes: number, box: [number, number, number, number]) {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_POLYGON, true);
  box.forEach((v, i) => {
    view.setFloat64(36 + 8 * i, v, true);
  });
}

/** .shp and .shx of polygon records (ESRI Shapefile Technical Description, 1998). */
function shpShx(records: ShapeRecord[]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = records.map((r) => {
    const rings = r.geometry.coordinates.flatMap((poly) => poly.map((ring, i) => esriRing(ring, i === 0)));
    const points = rings.flat();
    const bytes = 44 + 4 * rings.length + 16 * points.length;
    const buf = new DataView(new ArrayBuffer(bytes));
    buf.setInt32(0, SHAPE_POLYGON, true);
    bboxOf(points).forEach((v, i) => {
      buf.setFloat64(4 + 8 * i, v, true);
    });
    buf.setInt32(36, rings.length, true);
    buf.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((ring, i) => {
      buf.setInt32(44 + 4 * i, start, true);
      start += ring.length;
    });
    const base = 44 + 4 * rings.length;
    points.forEach((p, i) => {
      buf.setFloat64(base + 16 * i, p[0] ?? 0, true);
      buf.setFloat64(base + 16 * i + 8, p[1] ?? 0, true);
    });
    return { bytes: new Uint8Array(buf.buffer), points };
  });
  const box = bboxOf(contents.flatMap((c) => c.points));
  const shpBytes = 100 + contents.reduce((s, c) => s + 8 + c.bytes.length, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * contents.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  header(sv, shpBytes, box);
  header(xv, shx.length, box);
  let off = 100;
  contents.forEach((c, i) => {
    xv.setInt32(100 + 8 * i, off / 2, false);
    xv.setInt32(104 + 8 * i, c.bytes.length / 2, false);
    sv.setInt32(off, i + 1, false);
    sv.setInt32(off + 4, c.bytes.length / 2, false);
    shp.set(c.bytes, off + 8);
    off += 8 + c.bytes.length;
  });
  return { shp, shx };
}

/** UTF-8 bytes of `s`, cut at a character boundary to at most `max` bytes. */
function utf8Fit(s: string, max: number): Uint8Array {
  const enc = new TextEncoder();
  let out = enc.encode(s);
  let chars = [...s];
  while (out.length > max) {
    chars = chars.slice(0, -1);
    out = enc.encode(chars.join(""));
  }
  return out;
}

/** dBase III .dbf with UTF-8 text (declared by the .cpg). */
function dbf(fields: DbfField[], records: ShapeRecord[], today: Date): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLen + recordLen * records.length + 1);
  const v = new DataView(out.buffer);
  v.setUint8(0, 0x03);
  v.setUint8(1, today.getUTCFullYear() - 1900);
  v.setUint8(2, today.getUTCMonth() + 1);
  v.setUint8(3, today.getUTCDate());
  v.setUint32(4, records.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recordLen, true);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    out.set(new TextEncoder().encode(f.name.slice(0, 10)), o);
    v.setUint8(o + 11, f.type.charCodeAt(0));
    v.setUint8(o + 16, f.length);
    v.setUint8(o + 17, f.decimals ?? 0);
  });
  out[headerLen - 1] = 0x0d;
  records.forEach((r, i) => {
    let o = headerLen + recordLen * i;
    out[o++] = 0x20;
    for (const f of fields) {
      const cell = new Uint8Array(f.length).fill(0x20);
      const val = r.values[f.name];
      if (val !== null && val !== undefined) {
        if (f.type === "C") cell.set(utf8Fit(String(val), f.length));
        else {
          const text = typeof val === "number" ? val.toFixed(f.decimals ?? 0) : String(val);
          const bytes = new TextEncoder().encode(text.slice(0, f.length));
          cell.set(bytes, f.length - bytes.length); // numbers are right-aligned
        }
      }
      out.set(cell, o);
      o += f.length;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/**
 * A zipped ESRI Shapefile of polygons: `<name>.shp .shx .dbf .prj .cpg`. Coordinates must already be
 * in the CRS that `prjWkt` describes; text attributes are UTF-8 (`.cpg`).
 * @see ESRI Shapefile Technical Description (July 1998)
 */
export function shapefileZip(
  name: string,
  fields: DbfField[],
  records: ShapeRecord[],
  prjWkt: string,
  today = new Date(),
): Uint8Array {
  const { shp, shx } = shpShx(records);
  const enc = new TextEncoder();
  return zipSync({
    [`${name}.shp`]: shp,
    [`${name}.shx`]: shx,
    [`${name}.dbf`]: dbf(fields, records, today),
    [`${name}.prj`]: enc.encode(prjWkt),
    [`${name}.cpg`]: enc.encode("UTF-8"),
  });
}
