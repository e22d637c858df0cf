import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { requireRole } from "../auth/require_role.ts";
import { assertParkAccess, currentUser, scopedZone } from "../auth/zone_scope.ts";
import { countExportPlots, listExportPlots } from "../db/plot_export.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { plotsCsv, plotsGeoJson, plotsShapefile, plotsXlsx } from "../exports/plot_files.ts";
import { PlotExportQuerySchema } from "../schemas/exports.ts";
import { validate } from "../validate.ts";

/** Most plots one export may hold (a 100,000-plot Shapefile is ~30 MB). */
const EXPORT_MAX_PLOTS = 200_000;

/**
 * `GET /api/exports/plots?format=geojson|shapefile|csv|xlsx&park=&zone=&status=&ids=&encoding=utf-8|gbk&crs=4490|gk|<EPSG>`:
 * the selected plots as a download. Planners, within their zone (docs/security.md).
 */
export const exportsRoutes = new Hono<AppEnv>().get(
  "/plots",
  requireRole("planner"),
  validate("query", PlotExportQuerySchema),
  async (c) => {
    const asked = c.req.valid("query");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    if (asked.park !== undefined) await assertParkAccess(db, user, asked.park);
    if (asked.zone !== undefined && !(await zoneExists(db, asked.zone)))
      throw new AppError("zone_not_found", { id: asked.zone });
    const zone = scopedZone(user, asked.zone);
    const q = zone === undefined ? asked : { ...asked, zone };
    const n = await countExportPlots(db, q);
    if (n > EXPORT_MAX_PLOTS) throw new AppError("export_too_large", { count: n, limit: EXPORT_MAX_PLOTS });
    const rows = await listExportPlots(db, q);
    const name = `plots${q.park ? `_park${q.park}` : q.zone ? `_zone${q.zone}` : ""}`;
    let epsg = 4490;
    if (q.crs === "gk") {
      const zones = new Set(rows.map((r) => r.gkEpsg));
      const only = [...zones][0];
      if (zones.size !== 1 || only === null || only === undefined)
        throw new AppError("invalid_request", {
          field: "crs",
          reason: "the selected plots have no single Gauss-Krüger zone",
        });
      epsg = only;
    } else epsg = q.crs;
    if (q.format === "shapefile" && !(epsg === 4490 || (epsg >= 4491 && epsg <= 4554)))
      throw new AppError("invalid_request", {
        field: "crs",
        reason: "use 4490, gk or a CGCS2000 Gauss-Krüger code",
      });
    const file =
      q.format === "geojson"
        ? plotsGeoJson(rows, name)
        : q.format === "shapefile"
          ? plotsShapefile(rows, name, { encoding: q.encoding, epsg })
          : q.format === "csv"
            ? plotsCsv(rows, name, q.encoding)
            : plotsXlsx(rows, name);
    return c.body(file.bytes.slice().buffer as ArrayBuffer, 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    });
  },
);
