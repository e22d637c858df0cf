import { Hono } from "hono";
import { LRUCache } from "lru-cache";
import type { z } from "zod";
import type { AppEnv } from "../app_env.ts";
import { AppError } from "../errors.ts";
import {
  TILE_QUERY_SCHEMAS,
  type TileCoords,
  TileCoordsSchema,
  type TileLayer,
  TileLayerSchema,
} from "../schemas/tiles.ts";
import { type TileQuery, TileService } from "../tiles/tile_service.ts";

/** MVT media type (Mapbox Vector Tile spec 2.1). */
const MVT_TYPE = "application/vnd.mapbox-vector-tile";
/** Default in-memory tile cache, bytes. */
export const DEFAULT_TILE_CACHE_BYTES = 256 * 1024 * 1024;

/** A validated tile request. */
interface TileRequest {
  layer: TileLayer;
  tile: TileCoords;
  query: TileQuery;
  /** Path and query string: equal for equal requests. */
  key: string;
}

/** Validated requests by URL (only valid ones: a bad request is parsed, and refused, every time). */
const validated = new LRUCache<string, TileRequest>({ max: 10_000 });

/** 400 naming the first offending parameter of a failed parse. */
function invalid(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({
    path: i.code === "unrecognized_keys" ? i.keys.join(",") : i.path.join("."),
    message: i.message,
  }));
  const first = issues[0];
  return new AppError(
    "invalid_request",
    { field: first?.path || "query", reason: first?.message ?? "" },
    issues,
  );
}

/** Parses the path: layer (404 if unknown), then z, x, y (400 naming the one out of range). */
function parsePath(p: { layer: string; z: string; x: string; file: string }): {
  layer: TileLayer;
  tile: TileCoords;
} {
  const layer = TileLayerSchema.safeParse(p.layer);
  if (!layer.success)
    throw new AppError("tile_layer_not_found", {
      layer: p.layer,
      available: TileLayerSchema.options.join(", "),
    });
  const y = /^(\d+)\.mvt$/.exec(p.file)?.[1];
  if (y === undefined) throw new AppError("invalid_request", { field: "y", reason: "expected {y}.mvt" });
  const coords = TileCoordsSchema.safeParse({ z: p.z, x: p.x, y });
  if (!coords.success) throw invalid(coords.error);
  const { z, x } = coords.data;
  const n = 2 ** z;
  for (const [name, v] of [
    ["x", x],
    ["y", coords.data.y],
  ] as const) {
    if (v >= n)
      throw new AppError("invalid_request", { field: name, reason: `must be below 2^z = ${n} at z ${z}` });
  }
  return { layer: layer.data, tile: coords.data };
}

/**
 * True when `If-None-Match` lists the tile's ETag in either encoding (or `*`); weak comparison, as
 * RFC 9110 asks for GET.
 */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const gz = `${etag.slice(0, -1)}-gz"`;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag || tag === gz;
  });
}

/**
 * `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt?…filters`: Mapbox Vector Tiles of `plots`, `parks` or
 * `constraints`. 200 with the tile, 204 for an empty tile, 304 when `If-None-Match` holds the ETag.
 */
export const tilesRoutes = new Hono<AppEnv>().get("/:layer/:z/:x/:file", async (c) => {
  // Map clients ask for the same URLs again and again: a URL validated once is not parsed again.
  const url = c.req.url;
  let req = validated.get(url);
  if (!req) {
    const { layer, tile } = parsePath(c.req.param());
    const query = TILE_QUERY_SCHEMAS[layer].safeParse(c.req.query());
    if (!query.success) throw invalid(query.error);
    req = { layer, tile, query: query.data, key: url.slice(url.indexOf("/api/tiles/")) };
    validated.set(url, req);
  }
  const { layer, tile } = req;
  const deps = c.var.deps;
  deps.tiles ??= TileService.start(deps.db, {
    cacheBytes: deps.tileCacheBytes ?? DEFAULT_TILE_CACHE_BYTES,
    log: deps.log,
  });
  const service = await deps.tiles;
  const t = await service.tile(layer, tile, req.query, req.key);
  // A strong ETag names one representation: the gzip form has its own.
  const gz = t.gzip && /\bgzip\b/.test(c.req.header("Accept-Encoding") ?? "") ? t.gzip : undefined;
  const etag = gz ? `${t.etag.slice(0, -1)}-gz"` : t.etag;
  c.header("ETag", etag);
  // Data can change at any time: caches must revalidate (cheap: 304 on an unchanged ETag).
  c.header("Cache-Control", "no-cache");
  c.header("Vary", "Accept-Encoding");
  c.header("X-Tile-Cache", t.cache);
  c.header("X-Data-Version", String(t.version));
  if (matches(c.req.header("If-None-Match"), t.etag)) return c.body(null, 304);
  if (t.body.byteLength === 0) return c.body(null, 204);
  c.header("Content-Type", MVT_TYPE);
  if (gz) c.header("Content-Encoding", "gzip");
  return c.body((gz ?? t.body) as Uint8Array<ArrayBuffer>, 200);
});
