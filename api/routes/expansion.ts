import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import { expansionCandidates } from "../expansion/candidates.ts";
import { acceptGeometry, checkBoundary } from "../expansion/check.ts";
import { expansionEligibility } from "../expansion/eligibility.ts";
import { CandidatesRequestSchema, CheckRequestSchema, EligibilityQuerySchema } from "../schemas/expansion.ts";
import { validate } from "../validate.ts";

/**
 * `POST /api/expansion/candidates` (ranked candidate land around a park), `POST /api/expansion/check`
 * (a drawn boundary against the control lines) and `GET /api/expansion/eligibility?park=` (checklist).
 */
export const expansionRoutes = new Hono<AppEnv>()
  .post("/candidates", validate("json", CandidatesRequestSchema), async (c) => {
    const { db, log } = c.var.deps;
    return c.json(await expansionCandidates(db, c.req.valid("json"), c.var.lang, log));
  })
  .post("/check", validate("json", CheckRequestSchema), async (c) => {
    const { db, log } = c.var.deps;
    const body = c.req.valid("json");
    const accepted = await acceptGeometry(db, body.geometry, body.repair);
    return c.json(await checkBoundary(db, accepted, body.zoneId, c.var.lang, log));
  })
  .get("/eligibility", validate("query", EligibilityQuerySchema), async (c) =>
    c.json(await expansionEligibility(c.var.deps.db, c.req.valid("query"))),
  );
