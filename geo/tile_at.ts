/** An XYZ map tile (Web Mercator, z 0–22 as the tile endpoint serves). */
export interface TileXyz {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The XYZ tile holding a point at zoom `z`: the slippy-map formula on spherical Web Mercator
 * (EPSG:3857), x from the antimeridian eastwards, y from the north edge (≈ 85.05113° N) southwards.
 * @param lng longitude, degrees (−180 … 180)
 * @param lat latitude, degrees (within ±85.05113)
 * @see https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames
 */
export function tileAt(lng: number, lat: number, z: number): TileXyz {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}
