import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { searchAll } from "../db/search.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { SearchQuerySchema, type SearchResponse } from "../schemas/search.ts";
import { validate } from "../validate.ts";

/** `GET /api/search?q=&zone=&limit=`: plots by code, enterprises by name, parks by name or code. */
export const searchRoutes = new Hono<AppEnv>().get("/", validate("query", SearchQuerySchema), async (c) => {
  const { q, zone, limit } = c.req.valid("query");
  const { db } = c.var.deps;
  if (zone !== undefined && !(await zoneExists(db, zone))) throw new AppError("zone_not_found", { id: zone });
  const body: SearchResponse = { q, results: await searchAll(db, q, zone ?? null, limit) };
  return c.json(body);
});
