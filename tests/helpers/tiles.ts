import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import type { Queryable } from "../../api/db/db.ts";
import { type TileXyz, tileAt } from "../../geo/tile_at.ts";

/** A tile z/x/y. */
export type Tile = TileXyz;

export { tileAt };

/** Decoded features of one layer of an MVT: id → properties. */
export function decodeLayer(body: Uint8Array, layer: string): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>();
  if (body.byteLength === 0) return out;
  const l = new VectorTile(new PbfReader(body)).layers[layer];
  if (!l) return out;
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i);
    out.set(Number(f.id), { ...f.properties });
  }
  return out;
}

/** Layer names of an MVT. */
export const layerNames = (body: Uint8Array): string[] =>
  body.byteLength === 0 ? [] : Object.keys(new VectorTile(new PbfReader(body)).layers);

/**
 * Tiles at zooms `zs` around the centroid of every park (and one per park's plots corner), for
 * comparing tile contents over the demo data.
 */
export async function demoTiles(q: Queryable, zs: readonly number[]): Promise<Tile[]> {
  const rows = await q.query<{ lng: number; lat: number }>(
    `SELECT ST_X(c)::float8 AS lng, ST_Y(c)::float8 AS lat FROM (
       SELECT ST_Centroid(ST_Collect(geom)) AS c FROM plots GROUP BY park_id
       UNION ALL SELECT ST_StartPoint(ST_ExteriorRing(ST_GeometryN(geom, 1))) FROM plots WHERE id % 97 = 0) s`,
  );
  const seen = new Map<string, Tile>();
  for (const r of rows)
    for (const z of zs) {
      const t = tileAt(r.lng, r.lat, z);
      seen.set(`${t.z}/${t.x}/${t.y}`, t);
    }
  return [...seen.values()];
}
