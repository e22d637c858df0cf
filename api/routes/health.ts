import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { isConnectionError, isStatementTimeout } from "../db/connection_errors.ts";
import { ping } from "../db/health.ts";
import { AppError } from "../errors.ts";

/**
 * `GET /api/health`: database kind, PostGIS version and state `{state: "up", latencyMs}` (one
 * round trip through the pool); 503 `db_unavailable` with `details.database =
 * {state: "down", latencyMs, reason}` when the database does not answer (load balancers take the
 * instance out of rotation; it answers 200 again by itself once PostgreSQL is back).
 * `GET /api/health/live`: the process answers HTTP (liveness probe; no database round trip).
 */
export const healthRoutes = new Hono<AppEnv>()
  .get("/live", (c) => c.json({ ok: true as const }))
  .get("/", async (c) => {
    const { db, log } = c.var.deps;
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      await ping(db);
    } catch (err) {
      if (!isConnectionError(err) && !isStatementTimeout(err)) throw err;
      const reason = (err as Error).message || String((err as { code?: unknown }).code ?? "unknown");
      log("warn", "health: database down", { reason });
      c.header("Retry-After", "5");
      const pool = db.poolStats ? { pool: db.poolStats() } : {};
      throw new AppError(
        "db_unavailable",
        {},
        { database: { state: "down", latencyMs: latency(), reason, ...pool } },
      );
    }
    return c.json({
      ok: true as const,
      db: db.kind,
      postgis: db.capabilities.postgisVersion,
      mvt: db.capabilities.mvt,
      database: {
        state: "up" as const,
        latencyMs: latency(),
        ...(db.poolStats ? { pool: db.poolStats() } : {}),
      },
    });
  });
