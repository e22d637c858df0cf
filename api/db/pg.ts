import pg from "pg";
import type { Db, Queryable } from "./db.ts";

// Return DATE columns as 'YYYY-MM-DD' strings, as PGlite's `::text` casts would, never as local-time Dates.
pg.types.setTypeParser(1082, (v) => v);

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/** Strips the password from a connection string for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch (err) {
    // Not a URL (e.g. a libpq key=value string): show nothing that could hold a secret.
    return `(unparseable connection string: ${(err as Error).message})`;
  }
}

export interface PgOptions {
  /** Connections in the pool; keep below the server's max_connections. */
  max?: number;
  /** Schema to create and use first in search_path (tests use a throwaway one). */
  schema?: string;
}

/** Opens a node-postgres pool on `DATABASE_URL`. */
export async function openPg(url: string, opts: PgOptions = {}): Promise<Db> {
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", (err) => console.error(`[db] idle client error: ${err.message}`));
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const q = queryable(pool);
  return {
    kind: "postgres",
    location: redactUrl(url) + (schema ? ` (schema ${schema})` : ""),
    capabilities: { mvt: false, postgisVersion: "unknown" },
    query: q.query,
    exec: q.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(queryable(client));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch((rollbackErr: Error) => {
          console.error(`[db] rollback failed: ${rollbackErr.message}`);
        });
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
