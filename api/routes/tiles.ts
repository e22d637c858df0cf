import { Hono } from "hono";
import { LRUCache } from "lru-cache";
import type { z } from "zod";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
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

/** The ETag of a tile's `encoding` form: a strong ETag names one representation (RFC 9110 §8.8.3). */
const etagOf = (etag: string, encoding: "gzip" | "br" | null) =>
  encoding === null ? etag : `${etag.slice(0, -1)}-${encoding === "gzip" ? "gz" : "br"}"`;

/**
 * True when `If-None-Match` lists the tile's ETag in any encoding (or `*`); weak comparison, as
 * RFC 9110 asks for GET.
 */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const forms = [etag, etagOf(etag, "gzip"), etagOf(etag, "br")];
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || forms.includes(tag);
  });
}

/** Accept-Encoding header values already parsed: which of br and gzip each accepts. */
const acceptCache = new LRUCache<string, { br: boolean; gzip: boolean }>({ max: 1_000 });

/** Whether `header` accepts br and gzip (RFC 9110 §12.5.3: listed without `q=0`, or `*` without `q=0`). */
export function acceptedEncodings(header: string | undefined): { br: boolean; gzip: boolean } {
  if (!header) return { br: false, gzip: false };
  let found = acceptCache.get(header);
  if (!found) {
    const q = new Map<string, number>();
    for (const part of header.split(",")) {
      const [name = "", ...params] = part.trim().toLowerCase().split(";");
      const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      q.set(name.trim(), qp === undefined ? 1 : Number(qp.slice(2)));
    }
    const ok = (enc: string) => (q.get(enc) ?? q.get("*") ?? 0) > 0;
    found = { br: ok("br"), gzip: ok("gzip") };
    acceptCache.set(header, found);
  }
  return found;
}

/**
 * `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt?…filters`: Mapbox Vector Tiles of `plots`, `parks` or
 * `constraints`. 200 with the tile, 204 for an empty tile, 304 when `If-None-Match` holds the ETag.
 * Staff only; a zone-scoped account gets its own zone's features (a `zone` filter is added, another
 * zone's is refused with 403).
 */
export const tilesRoutes = new Hono<AppEnv>()
  .use(requireRole(...STAFF_ROLES))
  .get("/:layer/:z/:x/:file", async (c) => {
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
    const user = await currentUser(c);
    if (user.zoneId !== null) {
      if (req.query.zone !== undefined) assertZoneAccess(user, req.query.zone);
      else
        req = { ...req, query: { ...req.query, zone: user.zoneId }, key: `${req.key}#zone=${user.zoneId}` };
    }
    const { layer, tile } = req;
    // The review-workflow filter reveals findings: reviewers, planners and admins only (docs/security.md).
    const reviewRole = user.role === "admin" || user.role === "reviewer" || user.role === "planner";
    if (layer === "plots" && "review" in req.query && req.query.review !== undefined && !reviewRole)
      throw new AppError("forbidden", { role: user.role });
    const deps = c.var.deps;
    if (!deps.tiles) {
      const starting = TileService.start(deps.db, {
        cacheBytes: deps.tileCacheBytes ?? DEFAULT_TILE_CACHE_BYTES,
        log: deps.log,
      });
      deps.tiles = starting;
      // Started while the database was down: forget the failure so the next request starts afresh
      // (the failure itself reaches this request through the await below, and onError answers 503).
      starting.catch(() => {
        if (deps.tiles === starting) delete deps.tiles;
      });
    }
    const service = await deps.tiles;
    const t = await service.tile(layer, tile, req.query, req.key);
    // The smallest form the client accepts (brotli, then gzip, once compressed in the background).
    const accepts = t.gzip || t.br ? acceptedEncodings(c.req.header("Accept-Encoding")) : null;
    const encoding = t.br && accepts?.br ? "br" : t.gzip && accepts?.gzip ? "gzip" : null;
    c.header("ETag", etagOf(t.etag, encoding));
    // Data can change at any time: caches must revalidate (cheap: 304 on an unchanged ETag). Tiles depend
    // on the account (zone scope, confidential figures): never in a shared cache.
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Accept-Encoding");
    c.header("X-Tile-Cache", t.cache);
    c.header("X-Data-Version", String(t.version));
    if (matches(c.req.header("If-None-Match"), t.etag)) return c.body(null, 304);
    if (t.body.byteLength === 0) return c.body(null, 204);
    c.header("Content-Type", MVT_TYPE);
    if (encoding) c.header("Content-Encoding", encoding);
    const body = encoding === "br" ? t.br : encoding === "gzip" ? t.gzip : t.body;
    return c.body(body as Uint8Array<ArrayBuffer>, 200);
  });
