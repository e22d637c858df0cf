import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps, AppEnv, Log } from "./app_env.ts";
import { sessionMiddleware } from "./auth/session.ts";
import { globalBodyLimit } from "./body_limit.ts";
import { isConnectionError, isStatementTimeout } from "./db/connection_errors.ts";
import { AppError, ERRORS, type ErrorCode, errorMessage, pickLang } from "./errors.ts";
import { ImportJobs } from "./imports/import_jobs.ts";
import { authRoutes } from "./routes/auth.ts";
import { constraintsRoutes } from "./routes/constraints.ts";
import { expansionRoutes } from "./routes/expansion.ts";
import { expansionProposalsRoutes } from "./routes/expansion_proposals.ts";
import { exportsRoutes } from "./routes/exports.ts";
import { findingsRoutes } from "./routes/findings.ts";
import { healthRoutes } from "./routes/health.ts";
import { importsRoutes } from "./routes/imports.ts";
import { inquiriesRoutes } from "./routes/inquiries.ts";
import { landRoutes } from "./routes/land.ts";
import { matchRoutes } from "./routes/match.ts";
import { parksRoutes } from "./routes/parks.ts";
import { plotEditsRoutes } from "./routes/plot_edits.ts";
import { plotsRoutes } from "./routes/plots.ts";
import { searchRoutes } from "./routes/search.ts";
import { staffBenefitSharingRoutes } from "./routes/staff_benefit_sharing.ts";
import { staffInquiriesRoutes } from "./routes/staff_inquiries.ts";
import { staffReferralsRoutes } from "./routes/staff_referrals.ts";
import { tilesRoutes } from "./routes/tiles.ts";
import { zonesRoutes } from "./routes/zones.ts";
import { tilesReadYourWrites } from "./tiles/read_your_writes.ts";

/** Writes one JSON line per event to stderr. */
export const jsonLog: Log = (level, msg, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })}\n`);
};

/**
 * Builds the HTTP API (everything under /api). No I/O happens here; `deps` carries the database.
 * Every error leaves as `{error: {code, message, details?}}`, message in the Accept-Language's language.
 */
export function createApp(deps: Partial<AppDeps> & Pick<AppDeps, "db">) {
  const full: AppDeps = { log: jsonLog, ...deps };
  full.importJobs ??= new ImportJobs(full.db, full.log);
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const lang = pickLang(c.req.header("Accept-Language"));
    const requestId = c.req.header("X-Request-Id")?.slice(0, 64) || crypto.randomUUID();
    c.set("deps", full);
    c.set("lang", lang);
    c.set("requestId", requestId);
    // Set before the handler runs, so every response built with c.body/c.json carries them: a header
    // set after the response exists makes Hono rebuild it as a streamed Response (≈ 45 µs a request,
    // docs/performance.md). A handler returning a Response of its own still gets them below.
    c.header("X-Request-Id", requestId);
    c.header("Content-Language", lang);
    await next();
    if (!c.res.headers.has("X-Request-Id")) {
      c.header("X-Request-Id", requestId);
      c.header("Content-Language", lang);
    }
  });

  // 413 for oversized bodies before any route reads them (uploads have their own limit).
  app.use("/api/*", globalBodyLimit);

  // Session (lazy) and double-submit CSRF on state-changing requests that carry a session cookie.
  app.use("/api/*", sessionMiddleware);

  // A write's own next tile request sees the write (other processes: LISTEN/NOTIFY).
  app.use("/api/*", tilesReadYourWrites);

  const fail = (
    code: ErrorCode,
    lang: AppEnv["Variables"]["lang"],
    params: Record<string, string | number>,
    details?: unknown,
  ) => ({
    status: ERRORS[code].status,
    body: {
      error: {
        code,
        message: errorMessage(code, lang, params),
        ...(details === undefined ? {} : { details }),
      },
    },
  });

  app.notFound((c) => {
    const { status, body } = fail("route_not_found", c.var.lang ?? "zh-CN", { path: c.req.path });
    return c.json(body, status);
  });

  app.onError((err, c) => {
    const lang = c.var.lang ?? "zh-CN";
    const requestId = c.var.requestId ?? "-";
    let out: ReturnType<typeof fail>;
    if (err instanceof AppError) {
      out = fail(err.code, lang, err.params, err.details);
    } else if (err instanceof HTTPException && err.status === 400) {
      out = /json/i.test(err.message)
        ? fail("invalid_json", lang, {})
        : fail("invalid_request", lang, { field: "body", reason: err.message });
    } else if (isConnectionError(err)) {
      full.log("warn", "database unavailable", { requestId, error: err.message });
      out = fail("db_unavailable", lang, {});
      c.header("Retry-After", "5");
    } else if (isStatementTimeout(err)) {
      full.log("warn", "statement timeout", { requestId, path: c.req.path, error: err.message });
      out = fail("db_timeout", lang, { limitMs: full.statementTimeoutMs ?? 0 });
      c.header("Retry-After", "5");
    } else {
      full.log("error", "unhandled error", {
        requestId,
        path: c.req.path,
        error: err.message,
        stack: err.stack,
      });
      out = fail("internal_error", lang, { requestId });
    }
    c.header("X-Request-Id", requestId);
    return c.json(out.body, out.status);
  });

  const routes = app
    .basePath("/api")
    .route("/health", healthRoutes)
    // Accounts and sessions (issue 9); role guards on the other routes come next (docs/security.md).
    .route("/auth", authRoutes)
    .route("/zones", zonesRoutes)
    .route("/parks", parksRoutes)
    .route("/plots", plotsRoutes)
    // PATCH /plots/:id and GET /plots/:id/audit (issue 9: optimistic concurrency, audit log).
    .route("/plots", plotEditsRoutes)
    // Review workflow (issue 9): findings, transitions, evidence photos.
    .route("/findings", findingsRoutes)
    .route("/constraints", constraintsRoutes)
    .route("/tiles", tilesRoutes)
    .route("/expansion/proposals", expansionProposalsRoutes)
    .route("/expansion", expansionRoutes)
    // Investor portal (issue 8): public, no login; public fields only (tests/api/invest_leak.test.ts).
    .route("/land", landRoutes)
    .route("/match", matchRoutes)
    .route("/inquiries", inquiriesRoutes)
    // The investment office: officers and planners only (docs/security.md).
    .route("/staff/inquiries", staffInquiriesRoutes)
    .route("/staff/referrals", staffReferralsRoutes)
    .route("/staff/benefit-sharing", staffBenefitSharingRoutes)
    .route("/imports", importsRoutes)
    .route("/exports", exportsRoutes)
    .route("/search", searchRoutes);

  return routes;
}

/** The API's type, for web/'s typed client. */
export type ApiApp = ReturnType<typeof createApp>;
