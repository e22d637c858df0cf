import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { listPlots, parkExists } from "../db/plots.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { PlotListQuerySchema } from "../schemas/plots.ts";
import { validate } from "../validate.ts";

/** `GET /api/plots?park=&zone=&status=`: plots as a GeoJSON FeatureCollection. */
export const plotsRoutes = new Hono<AppEnv>().get("/", validate("query", PlotListQuerySchema), async (c) => {
  const query = c.req.valid("query");
  const { db } = c.var.deps;
  if (query.park !== undefined && !(await parkExists(db, query.park)))
    throw new AppError("park_not_found", { id: query.park });
  if (query.zone !== undefined && !(await zoneExists(db, query.zone)))
    throw new AppError("zone_not_found", { id: query.zone });
  return c.json(await listPlots(db, query));
});
