import type { Feature, Geometry } from "geojson";
import GeoJSONVT, { type LegacyFeature, type LegacyTile } from "geojson-vt";
import { LRUCache } from "lru-cache";
import { fromGeojsonVt } from "vt-pbf";
import type { Queryable } from "../db/db.ts";
import {
  BASE_PROPERTIES,
  DETAIL_MIN_ZOOM,
  loadTileFeatures,
  TILE_BUFFER,
  TILE_EXTENT,
  type TileFilterParams,
} from "../db/tiles.ts";
import { TILE_MAX_ZOOM, type TileCoords, type TileLayer } from "../schemas/tiles.ts";

/** geojson-vt's simplification tolerance, tile units (PostGIS snaps to 1 unit and simplifies parks by 2). */
const JS_TOLERANCE = 1;

/**
 * The tiler for databases without `ST_AsMVT` (PGlite's PostGIS lacks protobuf-c): each layer's
 * features for a filter set are loaded with the same select list as the MVT statement, indexed
 * with geojson-vt, and tiles are encoded with vt-pbf using the same layer name, extent, buffer and
 * feature ids. Indexes are keyed by the layer's data version, so a write rebuilds on next use.
 */
export class JsTiler {
  private readonly indexes: LRUCache<string, Promise<GeoJSONVT>>;

  constructor(maxIndexes = 32) {
    this.indexes = new LRUCache({ max: maxIndexes });
  }

  async render(
    q: Queryable,
    layer: TileLayer,
    tile: TileCoords,
    filters: TileFilterParams,
    indexKey: string,
  ): Promise<Uint8Array> {
    const index = await this.index(q, layer, filters, indexKey);
    const t = index.getTile(tile.z, tile.x, tile.y);
    if (!t || t.features.length === 0) return new Uint8Array();
    const keep = tile.z >= DETAIL_MIN_ZOOM ? null : new Set(BASE_PROPERTIES[layer]);
    const features = t.features
      .filter(hasArea)
      .map((f) => ({
        ...f,
        tags:
          keep && f.tags ? Object.fromEntries(Object.entries(f.tags).filter(([k]) => keep.has(k))) : f.tags,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const out: LegacyTile = { features };
    return fromGeojsonVt({ [layer]: out }, { version: 2, extent: TILE_EXTENT });
  }

  private index(q: Queryable, layer: TileLayer, filters: TileFilterParams, key: string): Promise<GeoJSONVT> {
    const cached = this.indexes.get(key);
    if (cached) return cached;
    const built = loadTileFeatures(q, layer, filters).then(
      (features: Feature<Geometry>[]) =>
        new GeoJSONVT(
          { type: "FeatureCollection", features },
          {
            maxZoom: TILE_MAX_ZOOM,
            indexMaxZoom: 5,
            tolerance: JS_TOLERANCE,
            extent: TILE_EXTENT,
            buffer: TILE_BUFFER,
          },
        ),
    );
    // A failed load must not stay cached; the caller awaiting `built` still receives the error.
    built.catch(() => this.indexes.delete(key));
    this.indexes.set(key, built);
    return built;
  }
}

/**
 * False for a polygon whose every ring has zero area in integer tile units: a sub-unit sliver at the
 * buffer's edge, which ST_AsMVTGeom drops as collapsed, so both modes list the same features.
 */
function hasArea(f: LegacyFeature): boolean {
  if (f.type !== 3) return true;
  return f.geometry.some((ring) => {
    let twice = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      twice += xj * yi - xi * yj;
    }
    return twice !== 0;
  });
}
