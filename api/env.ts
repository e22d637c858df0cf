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
  /** Max connections in the node-postgres pool (keep below the server's max_connections). */
  ZA_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
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
