import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { listContext } from "../db/layers.ts";
import { listZones, zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/** `GET /api/zones` (zones with parks) and `GET /api/zones/:id/context` (roads, rivers, counties). */
export const zonesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listZones(c.var.deps.db)))
  .get("/:id/context", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    if (!(await zoneExists(db, id))) throw new AppError("zone_not_found", { id });
    return c.json(await listContext(db, id));
  });
