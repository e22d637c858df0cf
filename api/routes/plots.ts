import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { assertParkAccess, assertPlotAccess, currentUser, scopedZone } from "../auth/zone_scope.ts";
import { getPlotDetailRow, listStatsYears, loadParkRecords } from "../db/plot_detail.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { todayIso } from "../metrics/plot_assessment.ts";
import { plotDetail } from "../metrics/plot_detail.ts";
import { listPlotsWithMetrics } from "../metrics/plot_list.ts";
import { PlotDetailQuerySchema, PlotListQuerySchema } from "../schemas/plots.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * `GET /api/plots?park=&zone=&status=&grade=&flag=&minMu=&maxMu=&industry=&year=&asOf=`: plots as a
 * GeoJSON FeatureCollection with computed metrics; `GET /api/plots/:id?asOf=`: one plot's detail.
 * Staff only (enterprise tax and output are confidential), within their zone.
 */
export const plotsRoutes = new Hono<AppEnv>()
  .use(requireRole(...STAFF_ROLES))
  .get("/", validate("query", PlotListQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    if (query.park !== undefined) await assertParkAccess(db, user, query.park);
    if (query.zone !== undefined && !(await zoneExists(db, query.zone)))
      throw new AppError("zone_not_found", { id: query.zone });
    const zone = scopedZone(user, query.zone);
    return c.json(await listPlotsWithMetrics(db, zone === undefined ? query : { ...query, zone }));
  })
  .get("/:id", validate("param", IdParamSchema), validate("query", PlotDetailQuerySchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    await assertPlotAccess(db, await currentUser(c), id);
    const row = await getPlotDetailRow(db, id);
    if (!row) throw new AppError("plot_not_found", { id });
    const now = new Date();
    const [park, years] = await Promise.all([loadParkRecords(db, row.parkId), listStatsYears(db)]);
    const asOf = c.req.valid("query").asOf ?? todayIso(now);
    return c.json(plotDetail(row, park, years, now.getFullYear() - 1, asOf));
  });
