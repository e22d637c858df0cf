import type { ZipLimits } from "../data/importers/zip_entries.ts";
import type { AuthUser } from "./auth/session.ts";
import type { SessionCache } from "./auth/session_cache.ts";
import type { Db } from "./db/db.ts";
import type { Lang } from "./errors.ts";
import type { ImportJobs } from "./imports/import_jobs.ts";
import type { TileService } from "./tiles/tile_service.ts";

/** A log sink; the default writes JSON lines to stderr. */
export type Log = (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;

/** What `createApp` needs from the outside world. */
export interface AppDeps {
  db: Db;
  log: Log;
  /**
   * The vector-tile service (it LISTENs for version notifications, so it is started outside
   * `createApp`); omitted → started on the first tile request with `tileCacheBytes`.
   */
  tiles?: Promise<TileService>;
  /**
   * Session lookups kept in memory (it LISTENs for session changes); started on the first lookup when
   * omitted.
   */
  sessions?: Promise<SessionCache>;
  /** Bytes of rendered tiles to keep in memory (env `ZA_TILE_CACHE_MB`). */
  tileCacheBytes?: number;
  /** Chromium for PDF rendering (env `ZA_CHROMIUM_PATH`, default /usr/bin/chromium); absent file → 503. */
  chromiumPath?: string;
  /** Background import runner; created by `createApp` when omitted. */
  importJobs?: ImportJobs;
  /** Largest upload `POST /api/imports` accepts, bytes (default 512 MiB). */
  maxUploadBytes?: number;
  /** Zip-bomb limits for uploads (default DEFAULT_ZIP_LIMITS). */
  zipLimits?: ZipLimits;
  /** The pool's statement timeout, ms, named in `db_timeout` messages (env `ZA_DB_STATEMENT_TIMEOUT_MS`). */
  statementTimeoutMs?: number;
  /** Largest request body of every other route, bytes (env `ZA_BODY_LIMIT_KB`, default 2 MiB). */
  bodyLimitBytes?: number;
  /** Uploads larger than this many bytes import as background jobs (env `ZA_IMPORT_BACKGROUND_MB`, default 8 MB). */
  backgroundImportBytes?: number;
}

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    requestId: string;
    /** The signed-in account (session cookie), loaded once on first call; null without a live session. */
    auth: () => Promise<AuthUser | null>;
  };
}
