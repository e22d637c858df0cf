import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import { assertParkAccess, currentUser, scopedZone } from "../auth/zone_scope.ts";
import {
  appendVersion,
  getProposal,
  getProposalZoneId,
  getVersion,
  insertProposal,
  listProposals,
} from "../db/expansion_proposals.ts";
import { AppError } from "../errors.ts";
import { acceptGeometry } from "../expansion/check.ts";
import { packData } from "../expansion/pack_data.ts";
import { boundaryGeoJson, boundaryShapefile, exportStem, packTablesXlsx } from "../expansion/pack_exports.ts";
import { packHtml } from "../expansion/pack_html.ts";
import { hasChromium, renderPackPdf } from "../expansion/pack_pdf.ts";
import {
  ProposalCreateSchema,
  ProposalListQuerySchema,
  ProposalUpdateSchema,
  ProposalVersionParamSchema,
} from "../schemas/expansion.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/**
 * 403 `zone_forbidden` on `/:id…` when the proposal's park lies outside the account's zone. Unknown or
 * malformed ids pass on to the handlers' validation and 404s.
 */
const proposalInZone: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = Number(c.req.param("id"));
  if (Number.isSafeInteger(id) && id > 0) {
    const zoneId = await getProposalZoneId(c.var.deps.db, id);
    if (zoneId !== null) assertZoneAccess(await currentUser(c), zoneId);
  }
  await next();
};

/** The bytes of a view as a standalone ArrayBuffer (what Hono's `c.body` takes). */
const arrayBuffer = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;

/**
 * Expansion proposals with version history: `POST /` (version 1), `GET /?park=`, `GET /:id` (current
 * version + history), `PUT /:id` (appends a version), `GET /:id/versions/:version`.
 * Application pack of the current version: `GET /:id/pack.html` (A4 print view, always available),
 * `/:id/pack.pdf` (Chromium; 503 `pdf_unavailable` without it), `/:id/boundary.zip` (Shapefile in
 * CGCS2000 Gauss-Krüger), `/:id/boundary.geojson`, `/:id/tables.xlsx`.
 * Geometries go through the same validation as `/api/expansion/check` (invalid → 400 with the
 * crossing, or repaired on `repair: true`; zero area → 400).
 * Planners write, reviewers and planners read, each within their zone (docs/security.md).
 */
export const expansionProposalsRoutes = new Hono<AppEnv>()
  .use(requireRole("reviewer", "planner"))
  .use("/:id/*", proposalInZone)
  .post("/", requireRole("planner"), validate("json", ProposalCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid("json");
    await assertParkAccess(db, await currentUser(c), body.parkId);
    const accepted = await acceptGeometry(db, body.geometry, body.repair);
    const id = await db.transaction((tx) => insertProposal(tx, { ...body, geometry: accepted.geometry }));
    return c.json({ ...(await getProposal(db, id)), repaired: accepted.repair }, 201);
  })
  .get("/", validate("query", ProposalListQuerySchema), async (c) => {
    const { park } = c.req.valid("query");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    if (park !== undefined) await assertParkAccess(db, user, park);
    return c.json(await listProposals(db, park, scopedZone(user, undefined)));
  })
  .get("/:id", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const p = await getProposal(c.var.deps.db, id);
    if (!p) throw new AppError("proposal_not_found", { id });
    return c.json(p);
  })
  .put(
    "/:id",
    requireRole("planner"),
    validate("param", IdParamSchema),
    validate("json", ProposalUpdateSchema),
    async (c) => {
      const { id } = c.req.valid("param");
      const { db } = c.var.deps;
      const body = c.req.valid("json");
      const accepted = body.geometry ? await acceptGeometry(db, body.geometry, body.repair) : null;
      const saved = await db.transaction((tx) =>
        appendVersion(tx, id, body.version, (cur) => ({
          name: body.name ?? cur.name,
          rationale: body.rationale ?? cur.rationale,
          sources: body.sources ?? cur.sources,
          geometry: accepted?.geometry ?? cur.geometry,
        })),
      );
      if (saved === null) throw new AppError("proposal_not_found", { id });
      if ("conflict" in saved)
        throw new AppError(
          "version_conflict",
          { entityZh: "扩区方案", entityEn: "Proposal", id, current: saved.conflict, sent: body.version },
          { current: await getProposal(db, id) },
        );
      return c.json({ ...(await getProposal(db, id)), repaired: accepted?.repair ?? null });
    },
  )
  .get("/:id/versions/:version", validate("param", ProposalVersionParamSchema), async (c) => {
    const { id, version } = c.req.valid("param");
    const { db } = c.var.deps;
    const v = await getVersion(db, id, version);
    if (!v) {
      if (!(await getProposal(db, id))) throw new AppError("proposal_not_found", { id });
      throw new AppError("proposal_version_not_found", { id, version });
    }
    return c.json({ proposalId: id, ...v });
  })
  .get("/:id/pack.html", validate("param", IdParamSchema), async (c) => {
    const d = await packData(c.var.deps.db, c.req.valid("param").id, c.var.deps.log);
    return c.html(packHtml(d));
  })
  .get("/:id/pack.pdf", validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const chromiumPath = c.var.deps.chromiumPath ?? "/usr/bin/chromium";
    if (!hasChromium(chromiumPath))
      throw new AppError("pdf_unavailable", { htmlPath: `/api/expansion/proposals/${id}/pack.html` });
    const d = await packData(c.var.deps.db, id, c.var.deps.log);
    const pdf = await renderPackPdf(packHtml(d), chromiumPath);
    return c.body(arrayBuffer(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${exportStem(d)}.pdf"`,
    });
  })
  .get("/:id/boundary.zip", validate("param", IdParamSchema), async (c) => {
    const { db, log } = c.var.deps;
    const d = await packData(db, c.req.valid("param").id, log);
    return c.body(arrayBuffer(await boundaryShapefile(db, d)), 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportStem(d)}-shp.zip"`,
    });
  })
  .get("/:id/boundary.geojson", validate("param", IdParamSchema), async (c) => {
    const d = await packData(c.var.deps.db, c.req.valid("param").id, c.var.deps.log);
    c.header("Content-Type", "application/geo+json");
    c.header("Content-Disposition", `attachment; filename="${exportStem(d)}.geojson"`);
    return c.body(JSON.stringify(boundaryGeoJson(d)));
  })
  .get("/:id/tables.xlsx", validate("param", IdParamSchema), async (c) => {
    const d = await packData(c.var.deps.db, c.req.valid("param").id, c.var.deps.log);
    return c.body(arrayBuffer(packTablesXlsx(d)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportStem(d)}.xlsx"`,
    });
  });
