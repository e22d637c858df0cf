import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { listContext } from "../db/layers.ts";
import { getZoneProfile, listZones, zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { computeAreaMetrics } from "../metrics/area_metrics.ts";
import { MetricsQuerySchema } from "../schemas/metrics.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * `GET /api/zones` (zones with parks: the account's zone only for zone-scoped accounts), `/:id/context`
 * (roads, rivers, counties) and `/:id/metrics?year=`. Staff only (docs/security.md).
 */
export const zonesRoutes = new Hono<AppEnv>()
  .use(requireRole(...STAFF_ROLES))
  .get("/", async (c) => {
    const user = await currentUser(c);
    const zones = await listZones(c.var.deps.db);
    return c.json(user.zoneId === null ? zones : zones.filter((z) => z.id === user.zoneId));
  })
  .get("/:id/context", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), id);
    if (!(await zoneExists(db, id))) throw new AppError("zone_not_found", { id });
    return c.json(await listContext(db, id));
  })
  .get("/:id/metrics", validate("param", IdParamSchema), validate("query", MetricsQuerySchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), id);
    const zone = await getZoneProfile(db, id);
    if (!zone) throw new AppError("zone_not_found", { id });
    return c.json({
      scope: { type: "zone" as const, id, name: zone.name, nameEn: zone.nameEn, zoneId: id },
      isDemo: zone.isDemo,
      ...(await computeAreaMetrics(db, { zone: id }, c.req.valid("query").year, zone)),
    });
  });
