import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { listContext } from "../db/layers.ts";
import { getZoneProfile, listZones, zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { computeAreaMetrics } from "../metrics/area_metrics.ts";
import { MetricsQuerySchema } from "../schemas/metrics.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/** `GET /api/zones` (zones with parks), `/:id/context` (roads, rivers, counties) and `/:id/metrics?year=`. */
export const zonesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listZones(c.var.deps.db)))
  .get("/:id/context", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    if (!(await zoneExists(db, id))) throw new AppError("zone_not_found", { id });
    return c.json(await listContext(db, id));
  })
  .get("/:id/metrics", validate("param", IdParamSchema), validate("query", MetricsQuerySchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const zone = await getZoneProfile(db, id);
    if (!zone) throw new AppError("zone_not_found", { id });
    return c.json({
      scope: { type: "zone" as const, id, name: zone.name, nameEn: zone.nameEn, zoneId: id },
      isDemo: zone.isDemo,
      ...(await computeAreaMetrics(db, { zone: id }, c.req.valid("query").year, zone)),
    });
  });
