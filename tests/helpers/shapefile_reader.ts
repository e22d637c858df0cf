import type { MultiPolygon, Position } from "geojson";

/**
 * A minimal reader of polygon Shapefiles (type 5) and dBase III tables, written from the ESRI
 * Shapefile Technical Description (1998) independently of api/expansion/shapefile.ts, to test
 * that what we export re-imports. Rings clockwise start a polygon; counter-clockwise rings are holes
 * of the polygon before them.
 */
export function readPolygonShp(shp: Uint8Array): { bbox: number[]; records: MultiPolygon[] } {
  const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (v.getInt32(0, false) !== 9994) throw new Error("not a shapefile (file code)");
  const fileBytes = v.getInt32(24, false) * 2;
  if (fileBytes !== shp.byteLength)
    throw new Error(`header length ${fileBytes} ≠ file size ${shp.byteLength}`);
  if (v.getInt32(28, true) !== 1000) throw new Error("version ≠ 1000");
  if (v.getInt32(32, true) !== 5) throw new Error("not a polygon shapefile");
  const bbox = [0, 1, 2, 3].map((i) => v.getFloat64(36 + 8 * i, true));
  const records: MultiPolygon[] = [];
  let off = 100;
  while (off < fileBytes) {
    const contentBytes = v.getInt32(off + 4, false) * 2;
    const c = off + 8;
    if (v.getInt32(c, true) !== 5) throw new Error("record is not a polygon");
    const numParts = v.getInt32(c + 36, true);
    const numPoints = v.getInt32(c + 40, true);
    const starts = Array.from({ length: numParts }, (_, i) => v.getInt32(c + 44 + 4 * i, true));
    const base = c + 44 + 4 * numParts;
    const pt = (i: number): Position => [
      v.getFloat64(base + 16 * i, true),
      v.getFloat64(base + 16 * i + 8, true),
    ];
    const polys: Position[][][] = [];
    starts.forEach((s, i) => {
      const end = starts[i + 1] ?? numPoints;
      const ring = Array.from({ length: end - s }, (_, k) => pt(s + k));
      let a2 = 0;
      for (let k = 0; k + 1 < ring.length; k++) {
        const p = ring[k] ?? [0, 0];
        const q = ring[k + 1] ?? [0, 0];
        a2 += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
      }
      if (a2 < 0 || polys.length === 0) polys.push([ring]);
      else polys.at(-1)?.push(ring);
    });
    records.push({ type: "MultiPolygon", coordinates: polys });
    off = c + contentBytes;
  }
  return { bbox, records };
}

/** Rows of a dBase III table, text decoded as `encoding`, numbers parsed. */
export function readDbf(dbf: Uint8Array, encoding = "utf-8"): Record<string, string | number>[] {
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const n = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  const dec = new TextDecoder(encoding);
  const fields: { name: string; type: string; length: number }[] = [];
  for (let o = 32; dbf[o] !== 0x0d && o < headerLen; o += 32) {
    const name = dec.decode(dbf.subarray(o, o + 11)).replace(/\0.*$/, "");
    fields.push({ name, type: String.fromCharCode(dbf[o + 11] ?? 0), length: dbf[o + 16] ?? 0 });
  }
  const rows: Record<string, string | number>[] = [];
  for (let r = 0; r < n; r++) {
    let o = headerLen + r * recordLen + 1;
    const row: Record<string, string | number> = {};
    for (const f of fields) {
      const text = dec.decode(dbf.subarray(o, o + f.length)).trim();
      row[f.name] = f.type === "N" ? Number(text) : text;
      o += f.length;
    }
    rows.push(row);
  }
  return rows;
}
