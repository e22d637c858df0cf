import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { getPark } from "../db/parks.ts";
import { AppError } from "../errors.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/** `GET /api/parks/:id`: one park with its boundary. */
export const parksRoutes = new Hono<AppEnv>().get("/:id", validate("param", IdParamSchema), async (c) => {
  const { id } = c.req.valid("param");
  const park = await getPark(c.var.deps.db, id);
  if (!park) throw new AppError("park_not_found", { id });
  return c.json(park);
});
