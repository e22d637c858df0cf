import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Read-your-writes for tiles: after a successful write through this process, the tile service's layer
 * versions are reloaded before the answer leaves, so the writer's next tile request never meets a tile
 * cached under the old version. Other processes learn of the write by NOTIFY (api/tiles/layer_versions.ts),
 * which arrives asynchronously; in this process that would race the client's next request.
 */
export const tilesReadYourWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!WRITES.has(c.req.method) || c.res.status >= 400) return;
  const starting = c.var.deps.tiles;
  if (!starting) return;
  const service = await starting.catch(() => null);
  // A tile service that failed to start has no cache to refresh; the next tile request starts it afresh.
  if (!service) return;
  try {
    await service.versions.reload();
  } catch (err) {
    // The write is committed: answering an error now would invite a retry of it. The LISTEN connection
    // resyncs the versions when the database is back (layer_versions.ts).
    c.var.deps.log("warn", "tile versions not reloaded after a write", {
      requestId: c.var.requestId,
      error: err instanceof Error ? err.message : String(err),
    });
  }
};
