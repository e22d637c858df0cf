import { Hono } from "hono";
import type { AppEnv } from "../app_env.ts";
import {
  appendVersion,
  getProposal,
  getVersion,
  insertProposal,
  listProposals,
} from "../db/expansion_proposals.ts";
import { getPark } from "../db/parks.ts";
import { AppError } from "../errors.ts";
import { acceptGeometry } from "../expansion/check.ts";
import {
  ProposalCreateSchema,
  ProposalListQuerySchema,
  ProposalUpdateSchema,
  ProposalVersionParamSchema,
} from "../schemas/expansion.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * Expansion proposals with version history: `POST /` (version 1), `GET /?park=`, `GET /:id` (current
 * version + history), `PUT /:id` (appends a version), `GET /:id/versions/:version`.
 * Geometries go through the same validation as `/api/expansion/check` (invalid → 400 with the
 * crossing, or repaired on `repair: true`; zero area → 400).
 */
export const expansionProposalsRoutes = new Hono<AppEnv>()
  .post("/", validate("json", ProposalCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid("json");
    if (!(await getPark(db, body.parkId))) throw new AppError("park_not_found", { id: body.parkId });
    const accepted = await acceptGeometry(db, body.geometry, body.repair);
    const id = await db.transaction((tx) => insertProposal(tx, { ...body, geometry: accepted.geometry }));
    return c.json({ ...(await getProposal(db, id)), repaired: accepted.repair }, 201);
  })
  .get("/", validate("query", ProposalListQuerySchema), async (c) =>
    c.json(await listProposals(c.var.deps.db, c.req.valid("query").park)),
  )
  .get("/:id", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const p = await getProposal(c.var.deps.db, id);
    if (!p) throw new AppError("proposal_not_found", { id });
    return c.json(p);
  })
  .put("/:id", validate("param", IdParamSchema), validate("json", ProposalUpdateSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const body = c.req.valid("json");
    const accepted = body.geometry ? await acceptGeometry(db, body.geometry, body.repair) : null;
    const version = await db.transaction((tx) =>
      appendVersion(tx, id, (cur) => ({
        name: body.name ?? cur.name,
        rationale: body.rationale ?? cur.rationale,
        sources: body.sources ?? cur.sources,
        geometry: accepted?.geometry ?? cur.geometry,
      })),
    );
    if (version === null) throw new AppError("proposal_not_found", { id });
    return c.json({ ...(await getProposal(db, id)), repaired: accepted?.repair ?? null });
  })
  .get("/:id/versions/:version", validate("param", ProposalVersionParamSchema), async (c) => {
    const { id, version } = c.req.valid("param");
    const { db } = c.var.deps;
    const v = await getVersion(db, id, version);
    if (!v) {
      if (!(await getProposal(db, id))) throw new AppError("proposal_not_found", { id });
      throw new AppError("proposal_version_not_found", { id, version });
    }
    return c.json({ proposalId: id, ...v });
  });
