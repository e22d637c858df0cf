import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { requireRole, STAFF_ROLES } from "../auth/require_role.ts";
import { currentUser, scopedZone } from "../auth/zone_scope.ts";
import { searchAll } from "../db/search.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { SearchQuerySchema, type SearchResponse } from "../schemas/search.ts";
import { validate } from "../validate.ts";

/**
 * `GET /api/search?q=&zone=&limit=`: plots by code, enterprises by name, parks by name or code. Staff;
 * a zone-scoped account searches its own zone only.
 */
export const searchRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole(...STAFF_ROLES),
  validate("query", SearchQuerySchema),
  async (c) => {
    const { q, zone: asked, limit } = c.req.valid("query");
    const { db } = c.var.deps;
    if (asked !== undefined && !(await zoneExists(db, asked)))
      throw new AppError("zone_not_found", { id: asked });
    const zone = scopedZone(await currentUser(c), asked);
    const body: SearchResponse = { q, results: await searchAll(db, q, zone ?? null, limit) };
    return c.json(body);
  },
);
