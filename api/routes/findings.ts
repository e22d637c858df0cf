import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import type { AuthUser } from "../auth/session.ts";
import { currentUser } from "../auth/zone_scope.ts";
import type { Actor } from "../db/audit_log.ts";
import { getFinding, getFindingDetail, getPhoto, getPlotForFinding, listFindings } from "../db/findings.ts";
import { getPark } from "../db/parks.ts";
import { zoneExists } from "../db/zones.ts";
import { AppError } from "../errors.ts";
import { PHOTO_MAX_BYTES, photoMediaType } from "../findings/photo_type.ts";
import { addPhoto, openFinding, transitionFinding } from "../findings/workflow.ts";
import { todayIso } from "../metrics/plot_assessment.ts";
import {
  FindingCreateSchema,
  FindingListQuerySchema,
  FindingPhotoParamSchema,
  FindingTransitionSchema,
} from "../schemas/findings.ts";
import { IdParamSchema } from "../schemas/zones.ts";
import { validate } from "../validate.ts";

/** The signed-in account (the role guard ran first, so there is one). */
const actorOf = (u: AuthUser): Actor => ({ userId: u.userId, username: u.username });

const limitMb = Math.round((PHOTO_MAX_BYTES / 2 ** 20) * 100) / 100;
/** Multipart overhead allowed above the photo limit (boundaries, headers, caption). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The photo form: `file` (JPEG, PNG or WebP by content) and an optional `caption`. */
const PhotoFormSchema = z.object({
  file: z.instanceof(File),
  caption: z.string().trim().max(500).default(""),
});

/**
 * The review workflow (issue 9): findings on plots with their transitions and evidence photos.
 * Reviewers write, planners read, admins do both (docs/security.md); every access is zone-checked.
 */
export const findingsRoutes = new Hono<AppEnv>()
  .get("/", requireRole("reviewer", "planner"), validate("query", FindingListQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    if (query.zone !== undefined) {
      assertZoneAccess(user, query.zone);
      if (!(await zoneExists(db, query.zone))) throw new AppError("zone_not_found", { id: query.zone });
    }
    if (query.park !== undefined) {
      const park = await getPark(db, query.park);
      if (!park) throw new AppError("park_not_found", { id: query.park });
      assertZoneAccess(user, park.zoneId);
    }
    if (query.plot !== undefined) {
      const plot = await getPlotForFinding(db, query.plot);
      if (!plot) throw new AppError("plot_not_found", { id: query.plot });
      assertZoneAccess(user, plot.zoneId);
    }
    return c.json(await listFindings(db, query, user.zoneId));
  })
  .post("/", requireRole("reviewer"), validate("json", FindingCreateSchema), async (c) => {
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    const plot = await getPlotForFinding(db, body.plotId);
    if (!plot) throw new AppError("plot_not_found", { id: body.plotId });
    assertZoneAccess(user, plot.zoneId);
    return c.json(await openFinding(db, body, actorOf(user)), 201);
  })
  .get("/:id", requireRole("reviewer", "planner"), validate("param", IdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const f = await getFindingDetail(c.var.deps.db, id);
    if (!f) throw new AppError("finding_not_found", { id });
    assertZoneAccess(await currentUser(c), f.zoneId);
    return c.json(f);
  })
  .post(
    "/:id/transitions",
    requireRole("reviewer"),
    validate("param", IdParamSchema),
    validate("json", FindingTransitionSchema),
    async (c) => {
      const { id } = c.req.valid("param");
      const user = await currentUser(c);
      const f = await transitionFinding(
        c.var.deps.db,
        id,
        c.req.valid("json"),
        actorOf(user),
        todayIso(),
        (cur) => assertZoneAccess(user, cur.zoneId),
        c.var.lang,
      );
      return c.json(f);
    },
  )
  .post(
    "/:id/photos",
    requireRole("reviewer"),
    validate("param", IdParamSchema),
    bodyLimit({
      maxSize: PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES,
      onError: () => {
        throw new AppError("photo_too_large", { limitMb });
      },
    }),
    validate("form", PhotoFormSchema),
    async (c) => {
      const { id } = c.req.valid("param");
      const { db } = c.var.deps;
      const user = await currentUser(c);
      const f = await getFinding(db, id);
      if (!f) throw new AppError("finding_not_found", { id });
      assertZoneAccess(user, f.zoneId);
      if (f.status === "closed") throw new AppError("finding_closed", { id });
      const form = c.req.valid("form");
      if (form.file.size > PHOTO_MAX_BYTES) throw new AppError("photo_too_large", { limitMb });
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      const mediaType = photoMediaType(bytes);
      if (!mediaType) throw new AppError("photo_unsupported_type");
      const { finding, photoId } = await addPhoto(
        db,
        f,
        { mediaType, bytes, caption: form.caption },
        actorOf(user),
      );
      return c.json({ ...finding, photoId }, 201);
    },
  )
  .get(
    "/:id/photos/:photoId",
    requireRole("reviewer", "planner"),
    validate("param", FindingPhotoParamSchema),
    async (c) => {
      const { id, photoId } = c.req.valid("param");
      const photo = await getPhoto(c.var.deps.db, id, photoId);
      if (!photo) throw new AppError("photo_not_found", { id, photoId });
      assertZoneAccess(await currentUser(c), photo.zoneId);
      // Copy into a fresh buffer: node-postgres returns a Buffer whose .slice() is a view into a shared pool.
      return c.body(new Uint8Array(photo.bytes).buffer as ArrayBuffer, 200, {
        "Content-Type": photo.mediaType,
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `inline; filename="finding-${id}-photo-${photoId}"`,
        "Cache-Control": "private, max-age=3600",
      });
    },
  );
