import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { getPark } from "../db/parks.ts";
import { getZoneProfile } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { computeAreaMetrics } from "../metrics/area_metrics.ts";
import { MetricsQuerySchema } from "../schemas/metrics.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/** `GET /api/parks/:id` (with boundary) and `GET /api/parks/:id/metrics?year=`. Staff, within their zone. */
export const parksRoutes = new Hono<AppEnv>()
  .use(requireRole(...STAFF_ROLES))
  .get("/:id", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const park = await getPark(c.var.deps.db, id);
    if (!park) throw new AppError("park_not_found", { id });
    assertZoneAccess(await currentUser(c), park.zoneId);
    return c.json(park);
  })
  .get("/:id/metrics", validate("param", IdParamSchema), validate("query", MetricsQuerySchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const park = await getPark(db, id);
    if (!park) throw new AppError("park_not_found", { id });
    assertZoneAccess(await currentUser(c), park.zoneId);
    const zone = await getZoneProfile(db, park.zoneId);
    if (!zone) throw new AppError("zone_not_found", { id: park.zoneId });
    return c.json({
      scope: { type: "park" as const, id, name: park.name, nameEn: park.nameEn, zoneId: zone.id },
      isDemo: park.isDemo,
      ...(await computeAreaMetrics(db, { park: id }, c.req.valid("query").year, zone)),
    });
  });
