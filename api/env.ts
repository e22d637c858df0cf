import { resolve } from "node:path";
import { z } from "zod";

/** Environment variables ZoneAtlas reads. This module is their only reader. */
export const EnvSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  /** Interface to listen on; set 0.0.0.0 to serve other machines. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** A PostgreSQL + PostGIS server; unset → embedded PGlite. */
  DATABASE_URL: z.string().min(1).optional(),
  /** PGlite data directory (ignored with DATABASE_URL). */
  ZA_DATA_DIR: z.string().min(1).default(".zoneatlas"),
  /** `auto` loads the illustrative demo dataset into an empty database; `off` never does. */
  ZA_DEMO: z.enum(["auto", "off"]).default("auto"),
  /**
   * Max connections in the node-postgres pool, per API process. Keep instances × this below the
   * server's max_connections minus its reserved and admin slots (docs/operations.md).
   */
  ZA_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * `statement_timeout` of the pool's connections, ms (0 = none). The slowest request statement,
   * zone metrics over 1 M plots, takes 2–8 s (docs/performance.md); migrations, the metrics-facts
   * refresh and imports lift it for their own transaction.
   */
  ZA_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** Opening a database connection gives up after this many ms, so requests answer 503 quickly. */
  ZA_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** On SIGTERM/SIGINT, in-flight requests get this many ms to finish before connections are cut. */
  ZA_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Largest request body in KiB for every route but uploads (POST /api/imports has its own limit). */
  ZA_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1_048_576).default(2_048),
  /** Megabytes of rendered vector tiles kept in memory per process. */
  ZA_TILE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(256),
  /** Chromium executable for PDF application packs; when missing, PDFs answer 503 and HTML still works. */
  ZA_CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** Uploads above this many megabytes are imported as background jobs (POST /api/imports answers 202). */
  ZA_IMPORT_BACKGROUND_MB: z.coerce.number().min(0).max(65_536).default(8),
  /** Directory of the built web app. */
  ZA_WEB_DIR: z.string().min(1).default("dist/web"),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parses `process.env`; throws a readable message naming the bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return {
    ...parsed.data,
    ZA_DATA_DIR: resolve(parsed.data.ZA_DATA_DIR),
    ZA_WEB_DIR: resolve(parsed.data.ZA_WEB_DIR),
  };
}
