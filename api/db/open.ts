import { probeCapabilities } from "./capabilities.ts";
import type { Db } from "./db.ts";
import { migrate } from "./migrate.ts";
import { openPg } from "./pg.ts";
import { openPglite } from "./pglite.ts";
import { isEmpty, seedDemo } from "./seed.ts";

export interface OpenDbOptions {
  /** A PostgreSQL URL; absent → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent → in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from this `dumpDataDir()` tarball (test templates). */
  pgliteDump?: Blob;
  /** Load the demo dataset when the database is empty. */
  demo: boolean;
  poolMax?: number;
  /** node-postgres only: `statement_timeout` of the pool's connections, ms (0 = none). */
  statementTimeoutMs?: number;
  /** node-postgres only: connect timeout, ms. */
  connectTimeoutMs?: number;
  /** node-postgres only: a schema to use first (tests). */
  schema?: string;
}

export interface OpenedDb {
  db: Db;
  migrated: number[];
  seeded: boolean;
}

/** Connects, migrates, probes capabilities and (optionally) seeds the demo data. */
export async function openDb(opts: OpenDbOptions): Promise<OpenedDb> {
  const db = opts.databaseUrl
    ? await openPg(opts.databaseUrl, {
        ...(opts.poolMax ? { max: opts.poolMax } : {}),
        ...(opts.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: opts.statementTimeoutMs }),
        ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
        ...(opts.schema ? { schema: opts.schema } : {}),
      })
    : await openPglite(opts.dataDir, opts.pgliteDump);
  try {
    const migrated = await migrate(db);
    db.capabilities = await probeCapabilities(db);
    const seeded = opts.demo && (await isEmpty(db)) ? await seedDemo(db) : false;
    return { db, migrated, seeded };
  } catch (err) {
    await db.close();
    throw err;
  }
}
