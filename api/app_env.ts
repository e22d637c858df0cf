import type { Db } from "./db/db.ts";
import type { Lang } from "./errors.ts";

/** A log sink; the default writes JSON lines to stderr. */
export type Log = (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;

/** What `createApp` needs from the outside world. */
export interface AppDeps {
  db: Db;
  log: Log;
}

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: { deps: AppDeps; lang: Lang; requestId: string };
}
