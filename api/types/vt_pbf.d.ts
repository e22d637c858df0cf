// vt-pbf 3 ships no types; only the function ZoneAtlas uses is declared.
declare module "vt-pbf" {
  import type { LegacyTile } from "geojson-vt";
  /** Encodes geojson-vt tiles (one per layer name) as a Mapbox Vector Tile v2. */
  export function fromGeojsonVt(
    layers: Record<string, LegacyTile>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
