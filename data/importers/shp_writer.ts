import type { Geometry, Position } from "geojson";
import iconv from "iconv-lite";
import type { DbfValue } from "./dbf_reader.ts";

/** A column to write: C text or N number. */
export interface WriteField {
  name: string;
  type: "C" | "N";
}

/** The parts of a Shapefile, by extension. */
export interface ShapefileParts {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj: Uint8Array;
  cpg: Uint8Array;
}

const signedArea2 = (ring: Position[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  return s;
};

/** Rings in Shapefile order: each outer ring clockwise, its holes counter-clockwise after it. */
function shapefileRings(g: Geometry): Position[][] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  const out: Position[][] = [];
  for (const poly of polys)
    poly.forEach((ring, k) => {
      const clockwise = signedArea2(ring) > 0;
      const wantClockwise = k === 0;
      out.push(clockwise === wantClockwise ? ring : ring.slice().reverse());
    });
  return out;
}

const encode = (s: string, encoding: "utf-8" | "gbk") =>
  encoding === "gbk" ? new Uint8Array(iconv.encode(s, "gbk")) : new TextEncoder().encode(s);

/** Cuts encoded text to at most `max` bytes without splitting a character. */
function fitBytes(s: string, max: number, encoding: "utf-8" | "gbk"): Uint8Array {
  let chars = [...s];
  let b = encode(s, encoding);
  while (b.length > max) {
    chars = chars.slice(0, -1);
    b = encode(chars.join(""), encoding);
  }
  return b;
}

/**
 * Writes polygon features as a Shapefile (type 5 Polygon) with a dBASE III table in UTF-8 or GBK
 * (LDID 0x4D for GBK, and a .cpg either way) and the given .prj. Coordinates are written as given
 * (project them first); text columns are as wide as their longest value (≤ 254 bytes), numbers are
 * written in their shortest round-trip form, so reading back returns the same doubles.
 * @see ESRI Shapefile Technical Description (1998); dBASE III file structure
 */
export function writeShapefile(
  features: readonly { geometry: Geometry; properties: Record<string, DbfValue> }[],
  fields: readonly WriteField[],
  opts: { encoding: "utf-8" | "gbk"; prj: string },
): ShapefileParts {
  const recs = features.map((f) => shapefileRings(f.geometry));
  const contentLen = recs.map(
    (rings) => 44 + rings.length * 4 + rings.reduce((n, r) => n + r.length, 0) * 16,
  );
  const shpLen = 100 + contentLen.reduce((n, c) => n + 8 + c, 0);
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(100 + recs.length * 8);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  const all = [Infinity, Infinity, -Infinity, -Infinity];
  let off = 100;
  recs.forEach((rings, i) => {
    const bb = [Infinity, Infinity, -Infinity, -Infinity];
    for (const r of rings)
      for (const p of r) {
        const x = p[0] ?? 0;
        const y = p[1] ?? 0;
        bb[0] = Math.min(bb[0] ?? x, x);
        bb[1] = Math.min(bb[1] ?? y, y);
        bb[2] = Math.max(bb[2] ?? x, x);
        bb[3] = Math.max(bb[3] ?? y, y);
      }
    for (let k = 0; k < 4; k++)
      all[k] = k < 2 ? Math.min(all[k] ?? 0, bb[k] ?? 0) : Math.max(all[k] ?? 0, bb[k] ?? 0);
    const len = contentLen[i] ?? 0;
    xv.setInt32(100 + i * 8, off / 2, false);
    xv.setInt32(104 + i * 8, len / 2, false);
    sv.setInt32(off, i + 1, false);
    sv.setInt32(off + 4, len / 2, false);
    const c = off + 8;
    sv.setInt32(c, 5, true);
    for (const [k, v] of bb.entries()) sv.setFloat64(c + 4 + k * 8, v, true);
    sv.setInt32(c + 36, rings.length, true);
    const n = rings.reduce((s, r) => s + r.length, 0);
    sv.setInt32(c + 40, n, true);
    let start = 0;
    rings.forEach((r, k) => {
      sv.setInt32(c + 44 + k * 4, start, true);
      start += r.length;
    });
    let p = c + 44 + rings.length * 4;
    for (const r of rings)
      for (const pt of r) {
        sv.setFloat64(p, pt[0] ?? 0, true);
        sv.setFloat64(p + 8, pt[1] ?? 0, true);
        p += 16;
      }
    off += 8 + len;
  });
  for (const [view, bytes] of [
    [sv, shpLen],
    [xv, shx.length],
  ] as const) {
    view.setInt32(0, 9994, false);
    view.setInt32(24, bytes / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, 5, true);
    for (const [k, v] of all.entries()) view.setFloat64(36 + k * 8, Number.isFinite(v) ? v : 0, true);
  }
  return {
    shp,
    shx,
    dbf: writeDbf(
      features.map((f) => f.properties),
      fields,
      opts.encoding,
    ),
    prj: new TextEncoder().encode(opts.prj),
    cpg: new TextEncoder().encode(opts.encoding === "gbk" ? "GBK" : "UTF-8"),
  };
}

/** Writes a dBASE III table; see `writeShapefile`. */
export function writeDbf(
  rows: readonly Record<string, DbfValue>[],
  fields: readonly WriteField[],
  encoding: "utf-8" | "gbk",
): Uint8Array {
  const cells = rows.map((r) =>
    fields.map((f) => {
      const v = r[f.name];
      if (v === null || v === undefined) return new Uint8Array();
      if (f.type === "N")
        return new TextEncoder().encode(typeof v === "number" ? String(v) : String(Number(v)));
      return fitBytes(String(v), 254, encoding);
    }),
  );
  const widths = fields.map((f, k) =>
    Math.max(f.type === "N" ? 24 : 1, ...cells.map((c) => c[k]?.length ?? 0)),
  );
  const headerLen = 32 + fields.length * 32 + 1;
  const recordLen = 1 + widths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerLen + rows.length * recordLen + 1);
  const v = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recordLen, true);
  out[29] = encoding === "gbk" ? 0x4d : 0x00;
  fields.forEach((f, k) => {
    const at = 32 + k * 32;
    out.set(fitBytes(f.name, 10, encoding), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = widths[k] ?? 1;
    out[at + 17] = f.type === "N" ? 15 : 0;
  });
  out[headerLen - 1] = 0x0d;
  cells.forEach((row, i) => {
    let at = headerLen + i * recordLen;
    out[at++] = 0x20;
    row.forEach((b, k) => {
      const w = widths[k] ?? 1;
      out.fill(0x20, at, at + w);
      // Numbers are right-aligned, text left-aligned (dBASE convention).
      out.set(b, fields[k]?.type === "N" ? at + w - b.length : at);
      at += w;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
