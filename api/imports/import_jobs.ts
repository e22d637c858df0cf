import type { Log } from "../app_env.ts";
import type { Db } from "../db/db.ts";
import { finishJob, getJob, insertJob } from "../db/imports.ts";
import { AppError, ERRORS, type ErrorCode, errorMessage } from "../errors.ts";
import { type ImportPhase, type PlotImportInput, runPlotImport } from "./plot_import.ts";

/** A job's state as `GET /api/imports/jobs/:id` returns it. */
export interface ImportJobState {
  id: string;
  status: "running" | "succeeded" | "failed";
  phase: ImportPhase;
  processed: number;
  total: number;
  /** processed / total (0–1); 1 when finished. */
  progressRatio: number;
  importId: number | null;
  error: { code: string; message: { "zh-CN": string; en: string } } | null;
}

/**
 * Runs imports in the background. Live progress lives in this process's memory because the import's
 * single transaction holds the database (PGlite runs one transaction at a time, so progress cannot
 * be written beside it); the start and the outcome are stored in `import_jobs`.
 */
export class ImportJobs {
  private readonly live = new Map<string, ImportJobState>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly db: Db;
  private readonly log: Log;

  constructor(db: Db, log: Log) {
    this.db = db;
    this.log = log;
  }

  /** Starts an import; resolves to the job id as soon as the job is recorded. */
  async start(input: PlotImportInput): Promise<string> {
    const id = crypto.randomUUID();
    await insertJob(this.db, id, input.fileName);
    const state: ImportJobState = {
      id,
      status: "running",
      phase: "parsing",
      processed: 0,
      total: 0,
      progressRatio: 0,
      importId: null,
      error: null,
    };
    this.live.set(id, state);
    const run = runPlotImport(this.db, {
      ...input,
      onProgress: (p) => {
        state.phase = p.phase;
        state.processed = p.processed;
        state.total = p.total;
        // Staging is the long part: it fills 0–0.8; validation and commit the rest.
        const staged = p.total > 0 ? p.processed / p.total : 0;
        state.progressRatio =
          p.phase === "parsing"
            ? 0
            : p.phase === "staging"
              ? 0.8 * staged
              : p.phase === "validating"
                ? 0.85
                : p.phase === "committing"
                  ? 0.95
                  : 1;
      },
    })
      .then(async (report) => {
        state.status = "succeeded";
        state.phase = "done";
        state.progressRatio = 1;
        state.importId = report.importId;
        await finishJob(this.db, id, {
          status: "succeeded",
          importId: report.importId,
          processed: state.processed,
          total: state.total,
          result: report,
        });
      })
      .catch(async (e: unknown) => {
        const code: ErrorCode = e instanceof AppError ? e.code : "internal_error";
        const params = e instanceof AppError ? e.params : { requestId: id };
        if (!(e instanceof AppError))
          this.log("error", "import job failed", {
            jobId: id,
            error: e instanceof Error ? e.stack : String(e),
          });
        state.status = "failed";
        state.error = {
          code,
          message: { "zh-CN": errorMessage(code, "zh-CN", params), en: errorMessage(code, "en", params) },
        };
        await finishJob(this.db, id, {
          status: "failed",
          importId: null,
          processed: state.processed,
          total: state.total,
          error: {
            ...state.error,
            status: ERRORS[code].status,
            details: e instanceof AppError ? e.details : undefined,
          },
        });
      })
      .catch((e: unknown) => {
        this.log("error", "import job bookkeeping failed", {
          jobId: id,
          error: e instanceof Error ? e.message : String(e),
        });
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
    return id;
  }

  /** A job's state: live if this process runs it, else as stored; null when unknown. */
  async get(id: string): Promise<ImportJobState | null> {
    const live = this.live.get(id);
    if (live) return { ...live };
    const row = await getJob(this.db, id);
    if (!row) return null;
    const err = row.error as ImportJobState["error"];
    return {
      id: row.id,
      status: row.status,
      phase: row.status === "running" ? "staging" : "done",
      processed: row.processed,
      total: row.total,
      progressRatio: row.status === "running" ? 0 : 1,
      importId: row.importId,
      error: err ? { code: err.code, message: err.message } : null,
    };
  }

  /** Waits for every running job (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }
}
