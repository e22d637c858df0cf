import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { insertAudit, listPlotAudit } from "../db/audit_log.ts";
import { getPlotForFinding } from "../db/findings.ts";
import { getPlotEditable, updatePlotFields } from "../db/plot_edit.ts";
import { AppError } from "../errors.ts";
import { type PlotEditField, PlotPatchSchema } from "../schemas/plot_edit.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * Plot edits with optimistic concurrency and the per-plot audit log (issue 9): `PATCH /api/plots/:id`
 * (planner, admin; `version` required, stale → 409 `version_conflict` with the current record) and
 * `GET /api/plots/:id/audit` (reviewer, planner, admin). Mounted next to `plotsRoutes` under /plots.
 */
export const plotEditsRoutes = new Hono<AppEnv>()
  .patch(
    "/:id",
    requireRole("planner"),
    validate("param", IdParamSchema),
    validate("json", PlotPatchSchema),
    async (c) => {
      const { id } = c.req.valid("param");
      const { version, ...changes } = c.req.valid("json");
      const user = await currentUser(c);
      const result = await c.var.deps.db.transaction(async (tx) => {
        const cur = await getPlotEditable(tx, id, { forUpdate: true });
        if (!cur) throw new AppError("plot_not_found", { id });
        assertZoneAccess(user, cur.zoneId);
        if (cur.version !== version)
          throw new AppError(
            "version_conflict",
            { entityZh: "宗地", entityEn: "Plot", id, current: cur.version, sent: version },
            { current: cur },
          );
        const keys = (Object.keys(changes) as PlotEditField[]).filter((k) => changes[k] !== undefined);
        const newVersion = await updatePlotFields(tx, id, version, changes);
        if (newVersion === null) throw new Error(`plot ${id} changed under a row lock`);
        const after = await getPlotEditable(tx, id);
        if (!after) throw new Error(`plot ${id} vanished inside its own transaction`);
        const pick = (r: typeof cur) => ({
          ...Object.fromEntries(keys.map((k) => [k, r[k]])),
          version: r.version,
        });
        await insertAudit(tx, {
          actor: { userId: user.userId, username: user.username },
          entity: "plot",
          entityId: id,
          plotId: id,
          action: "update",
          before: pick(cur),
          after: pick(after),
        });
        return after;
      });
      return c.json(result);
    },
  )
  .get("/:id/audit", requireRole("reviewer", "planner"), validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const plot = await getPlotForFinding(db, id);
    if (!plot) throw new AppError("plot_not_found", { id });
    assertZoneAccess(await currentUser(c), plot.zoneId);
    return c.json(await listPlotAudit(db, id));
  });
