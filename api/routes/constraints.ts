import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { currentUser } from "../auth/zone_scope.ts";
import { listConstraints } from "../db/layers.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { ConstraintListQuerySchema } from "../schemas/layers.ts";
import { validate } from "../validate.ts";

/** `GET /api/constraints?zone=<id>&type=<type>`: constraint features of a zone as GeoJSON. Staff, own zone. */
export const constraintsRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole(...STAFF_ROLES),
  validate("query", ConstraintListQuerySchema),
  async (c) => {
    const { zone, type } = c.req.valid("query");
    const { db } = c.var.deps;
    assertZoneAccess(await currentUser(c), zone);
    if (!(await zoneExists(db, zone))) throw new AppError("zone_not_found", { id: zone });
    return c.json(await listConstraints(db, zone, type));
  },
);
