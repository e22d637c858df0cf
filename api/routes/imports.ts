import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { ZipLimits } from "../../data/importers/zip_entries.ts";
import type { AppEnv } from "../app_env.ts";
import { assertZoneAccess, requireRole } from "../auth/require_role.ts";
import { assertParkAccess, currentUser } from "../auth/zone_scope.ts";
import {
  countPlots,
  getImport,
  lastActiveImportId,
  listFieldMappings,
  listImports,
  undoConstraintImport,
  undoImport,
} from "../db/imports.ts";
import { undoStatsImport } from "../db/stats_import.ts";
import { AppError } from "../errors.ts";
import { runConstraintImport } from "../imports/constraint_import.ts";
import type { ImportJobs } from "../imports/import_jobs.ts";
import { type PlotImportInput, runPlotImport } from "../imports/plot_import.ts";
import { runStatsImport } from "../imports/stats_import.ts";
import {
  type ConstraintImportForm,
  ImportFormSchema,
  ImportIdParamSchema,
  JobIdParamSchema,
  type PlotImportForm,
} from "../schemas/imports.ts";
import { validate } from "../validate.ts";

/** Default largest upload: 512 MiB (a 100,000-plot zipped Shapefile is ~2–30 MB). */
const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Refuses bodies over `maxUploadBytes` while they stream in, before anything is parsed. */
const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const maxSize = c.var.deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("import_file_too_large", { limitMb: Math.round((maxSize / 2 ** 20) * 100) / 100 });
    },
  })(c, next);
};

/** Default size above which an upload is imported as a background job. */
const DEFAULT_BACKGROUND_BYTES = 8 * 1024 * 1024;

const jobsOf = (c: { var: AppEnv["Variables"] }): ImportJobs => {
  const jobs = c.var.deps.importJobs;
  if (!jobs) throw new Error("importJobs missing: createApp sets it");
  return jobs;
};

async function inputOf(form: PlotImportForm, createdBy: string): Promise<PlotImportInput> {
  return {
    bytes: new Uint8Array(await form.file.arrayBuffer()),
    fileName: form.file.name || "upload",
    parkId: form.parkId,
    encoding: form.encoding,
    srid: form.srid,
    gcj02: form.sourceCoordinates === "gcj02",
    dryRun: form.dryRun,
    mapping: form.mapping,
    mappingName: form.mappingName,
    saveMappingAs: form.saveMappingAs,
    createdBy,
  };
}

async function constraintInputOf(
  form: ConstraintImportForm,
  createdBy: string,
  zipLimits: ZipLimits | undefined,
) {
  return {
    bytes: new Uint8Array(await form.file.arrayBuffer()),
    fileName: form.file.name || "upload",
    zoneId: form.zoneId,
    layerType: form.layerType,
    layerName: form.layerName,
    encoding: form.encoding,
    srid: form.srid,
    gcj02: form.sourceCoordinates === "gcj02",
    dryRun: form.dryRun,
    createdBy,
    zipLimits,
  };
}

/**
 * `POST /api/imports` (multipart: file, target=constraints with zoneId, layerType, layerName? —
 * one new constraint layer; target=stats — enterprise annual statistics from CSV/XLSX; target=plots, parkId, encoding?, srid?, sourceCoordinates?,
 * dryRun?, mapping?, mappingName?, saveMappingAs?, background?): validation report, then an
 * all-or-nothing commit; large uploads answer 202 with a job. `GET /api/imports`: history;
 * `GET /api/imports/:id`; `POST /api/imports/:id/undo` (the latest import of its target: plots,
 * a constraint layer or statistics);
 * `GET /api/imports/jobs/:id`: progress; `GET /api/imports/mappings`: saved field mappings.
 * Planners, within their zone; statistics are keyed by enterprise, not zone, so importing them takes an
 * every-zone account. History records the signed-in username.
 */
export const importsRoutes = new Hono<AppEnv>()
  .use(requireRole("planner"))
  .post("/", uploadLimit, validate("form", ImportFormSchema), async (c) => {
    const form = c.req.valid("form");
    const { db, zipLimits, backgroundImportBytes } = c.var.deps;
    const user = await currentUser(c);
    const createdBy = user.username;
    if (form.target === "plots") await assertParkAccess(db, user, form.parkId);
    else if (form.target === "constraints") assertZoneAccess(user, form.zoneId);
    else if (user.zoneId !== null) throw new AppError("zone_forbidden", { zoneId: user.zoneId });
    if (form.target === "constraints") {
      const report = await runConstraintImport(db, await constraintInputOf(form, createdBy, zipLimits));
      return c.json(report, report.committed ? 201 : 200);
    }
    if (form.target === "stats") {
      const report = await runStatsImport(db, {
        bytes: new Uint8Array(await form.file.arrayBuffer()),
        fileName: form.file.name || "upload",
        encoding: form.encoding,
        dryRun: form.dryRun,
        createdBy,
        zipLimits,
      });
      return c.json(report, report.committed ? 201 : 200);
    }
    const input = { ...(await inputOf(form, createdBy)), zipLimits };
    const big = input.bytes.length > (backgroundImportBytes ?? DEFAULT_BACKGROUND_BYTES);
    if ((form.background ?? big) && !form.dryRun) {
      const jobId = await jobsOf(c).start(input);
      return c.json({ jobId, progressUrl: `/api/imports/jobs/${jobId}` }, 202);
    }
    const report = await runPlotImport(db, input);
    return c.json(report, report.committed ? 201 : 200);
  })
  .get(
    "/",
    validate("query", z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) })),
    async (c) => c.json({ imports: await listImports(c.var.deps.db, c.req.valid("query").limit) }),
  )
  .get("/mappings", async (c) => c.json({ mappings: await listFieldMappings(c.var.deps.db, "plots") }))
  .get("/jobs/:id", validate("param", JobIdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const job = await jobsOf(c).get(id);
    if (!job) throw new AppError("import_job_not_found", { id });
    return c.json(job);
  })
  .get("/:id", validate("param", ImportIdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const rec = await getImport(c.var.deps.db, id);
    if (!rec) throw new AppError("import_not_found", { id });
    return c.json(rec);
  })
  .post("/:id/undo", validate("param", ImportIdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = await currentUser(c);
    const by = user.username;
    const result = await db.transaction(async (tx) => {
      const rec = await getImport(tx, id);
      if (!rec) throw new AppError("import_not_found", { id });
      if (rec.parkId !== null) await assertParkAccess(tx, user, rec.parkId);
      // Statistics belong to no zone: undone by every-zone accounts only, as they are imported.
      if (rec.target === "stats" && user.zoneId !== null)
        throw new AppError("zone_forbidden", { zoneId: user.zoneId });
      const last = await lastActiveImportId(tx, rec.target);
      if (last !== id) throw new AppError("import_not_last", { id, last: last ?? "-" });
      const undone =
        rec.target === "plots"
          ? await undoImport(tx, id, by)
          : rec.target === "constraints"
            ? await undoConstraintImport(tx, id, by)
            : await undoStatsImport(tx, id, by);
      if (!undone) throw new AppError("import_not_undoable", { id, target: rec.target });
      return undone;
    });
    return c.json({ importId: id, ...result, plotCount: await countPlots(db) });
  });
