import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { ping } from "../db/health.ts";

/**
 * `GET /api/health`: database kind and PostGIS version; 503 when the database does not answer.
 * `GET /api/health/live`: the process answers HTTP (liveness probe; no database round trip).
 */
export const healthRoutes = new Hono<AppEnv>()
  .get("/live", (c) => c.json({ ok: true as const }))
  .get("/", async (c) => {
    const { db } = c.var.deps;
    // Any query failure propagates to onError, which answers 503 db_unavailable for connection errors.
    await ping(db);
    return c.json({
      ok: true as const,
      db: db.kind,
      postgis: db.capabilities.postgisVersion,
      mvt: db.capabilities.mvt,
    });
  });
