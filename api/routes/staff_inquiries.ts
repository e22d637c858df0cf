import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { requireRole } from "../auth/require_role.ts";
import { currentUser, scopedZone } from "../auth/zone_scope.ts";
import { listInquiries } from "../db/inquiries.ts";
import { InquiryListQuerySchema } from "../schemas/inquiries.ts";
import { validate } from "../validate.ts";

/**
 * Staff: `GET /api/staff/inquiries?status=&zone=&limit=&offset=` — the investment office's inquiry list,
 * newest first. Holds investors' contact data: investment officers and planners only, within their zone.
 */
export const staffInquiriesRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole("investment_officer", "planner"),
  validate("query", InquiryListQuerySchema),
  async (c) => {
    const query = c.req.valid("query");
    const zoneId = scopedZone(await currentUser(c), query.zone);
    return c.json(await listInquiries(c.var.deps.db, { ...query, zoneId }));
  },
);
