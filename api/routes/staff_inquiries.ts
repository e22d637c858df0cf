import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { listInquiries } from "../db/inquiries.ts";
import { InquiryListQuerySchema } from "../schemas/inquiries.ts";
import { validate } from "../validate.ts";

/**
 * Staff: `GET /api/staff/inquiries?status=&limit=&offset=` — the investment office's inquiry list, newest
 * first. Holds investors' contact data: to be protected by the accounts and roles of issue #9.
 */
export const staffInquiriesRoutes = new Hono<AppEnv>().get(
  "/",
  validate("query", InquiryListQuerySchema),
  async (c) => c.json(await listInquiries(c.var.deps.db, c.req.valid("query"))),
);
