import pg from "pg";
import type { Db } from "../../api/db/db.ts";
import { openDb } from "../../api/db/open.ts";
import { loadTemplate } from "./pglite_template.ts";

/** Adapters the database-facing suites run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ADAPTERS: ReadonlyArray<"pglite" | "postgres"> = process.env.DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDb {
  db: Db;
  /** Closes the database and drops a throwaway schema. */
  cleanup(): Promise<void>;
}

let counter = 0;
/** A unique throwaway schema name for this process. */
export const throwawaySchema = () => `za_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;

/** Drops a schema on the DATABASE_URL server. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database on `kind` (PGlite in memory, or a throwaway schema on DATABASE_URL),
 * with the demo dataset unless `demo` is false.
 */
export async function openAdapterDb(
  kind: "pglite" | "postgres",
  opts: { demo?: boolean } = {},
): Promise<TestDb> {
  const demo = opts.demo ?? true;
  if (kind === "pglite") {
    const dump = loadTemplate(demo);
    const { db } = await openDb({ demo, ...(dump ? { pgliteDump: dump } : {}) });
    return { db, cleanup: () => db.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const schema = throwawaySchema();
  const { db } = await openDb({ databaseUrl: url, schema, demo, poolMax: 4 });
  return {
    db,
    cleanup: async () => {
      await db.close();
      await dropSchema(schema);
    },
  };
}

/** A fresh migrated in-memory PGlite with the demo dataset seeded. */
export async function openTestDb(): Promise<Db> {
  return (await openAdapterDb("pglite", { demo: true })).db;
}
