import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { requireRole } from "../auth/require_role.ts";
import { assertParkAccess, currentUser, scopedZone } from "../auth/zone_scope.ts";
import { expansionCandidates } from "../expansion/candidates.ts";
import { acceptGeometry, checkBoundary } from "../expansion/check.ts";
import { expansionEligibility } from "../expansion/eligibility.ts";
import { CandidatesRequestSchema, CheckRequestSchema, EligibilityQuerySchema } from "../schemas/expansion.ts";
import { validate } from "../validate.ts";

/**
 * `POST /api/expansion/candidates` (ranked candidate land around a park), `POST /api/expansion/check`
 * (a drawn boundary against the control lines) and `GET /api/expansion/eligibility?park=` (checklist).
 * Reviewers and planners, within their zone (a zone-scoped account checks against its own zone's lines).
 */
export const expansionRoutes = new Hono<AppEnv>()
  .use(requireRole("reviewer", "planner"))
  .post("/candidates", validate("json", CandidatesRequestSchema), async (c) => {
    const { db, log } = c.var.deps;
    const body = c.req.valid("json");
    await assertParkAccess(db, await currentUser(c), body.parkId);
    return c.json(await expansionCandidates(db, body, c.var.lang, log));
  })
  .post("/check", validate("json", CheckRequestSchema), async (c) => {
    const { db, log } = c.var.deps;
    const body = c.req.valid("json");
    const zoneId = scopedZone(await currentUser(c), body.zoneId);
    const accepted = await acceptGeometry(db, body.geometry, body.repair);
    return c.json(await checkBoundary(db, accepted, zoneId, c.var.lang, log));
  })
  .get("/eligibility", validate("query", EligibilityQuerySchema), async (c) => {
    const query = c.req.valid("query");
    await assertParkAccess(c.var.deps.db, await currentUser(c), query.park);
    return c.json(await expansionEligibility(c.var.deps.db, query));
  });
