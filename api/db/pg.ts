import pg from "pg";
import type { Db, Queryable, QueryOptions } from "./db.ts";

// Return DATE columns as 'YYYY-MM-DD' strings, as PGlite's `::text` casts would, never as local-time Dates.
pg.types.setTypeParser(1082, (v) => v);

/**
 * `generic`: where statements asking for generic plans go (a pool whose connections force them); absent
 * inside a transaction, whose one connection runs everything.
 */
function queryable(client: pg.Pool | pg.PoolClient, generic?: () => pg.Pool): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = [], opts: QueryOptions = {}) {
      const values = params as unknown[];
      const target = opts.name && opts.generic && generic ? generic() : client;
      const res = await (opts.name
        ? target.query({ name: opts.name, text: sql, values })
        : target.query(sql, values));
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/** Connections of the pool for generic-plan statements (tiles): a map view asks for a handful at a time. */
const GENERIC_POOL_MAX = 3;

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
  // Statements that ask for generic plans (QueryOptions.generic) run on a small second pool opened on first
  // use with plan_cache_mode = force_generic_plan: PostgreSQL otherwise kept re-planning the z13–z16 tile
  // statement per call (≈ 0.5 ms of a 0.5–2 ms tile, docs/performance.md). Only there, because on an
  // unnamed statement that setting would also skip the custom plan every other query gets.
  let genericPool: pg.Pool | undefined;
  const generic = () => {
    if (!genericPool) {
      genericPool = new pg.Pool({
        connectionString: url,
        max: Math.min(GENERIC_POOL_MAX, opts.max ?? 10),
        options: `${schema ? `-c search_path=${schema},public ` : ""}-c plan_cache_mode=force_generic_plan`,
      });
      genericPool.on("error", (err) => console.error(`[db] idle client error: ${err.message}`));
    }
    return genericPool;
  };
  const q = queryable(pool, generic);
  const listeners = new Set<() => Promise<void>>();
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
    listen: (channel, onNotify) => listenPg(url, schema, channel, onNotify, listeners),
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await Promise.all([pool.end(), genericPool?.end()]);
    },
  };
}

/** Retry delay after the listening connection drops, ms. */
const RELISTEN_MS = 1_000;

/**
 * LISTEN on a dedicated connection (outside the pool, which would hand it to queries). When the
 * connection drops it reconnects every second and then calls `onNotify(null)`.
 */
async function listenPg(
  url: string,
  schema: string | undefined,
  channel: string,
  onNotify: (payload: string | null) => void,
  listeners: Set<() => Promise<void>>,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name "${channel}"`);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      ...(schema ? { options: `-c search_path=${schema},public` } : {}),
    });
    c.on("notification", (m) => {
      if (m.channel === channel) onNotify(m.payload ?? "");
    });
    c.on("error", (err) => {
      console.error(`[db] LISTEN ${channel} connection lost: ${err.message}`);
      c.end().catch((endErr: Error) => console.error(`[db] closing LISTEN connection: ${endErr.message}`));
      if (client === c) client = null;
      if (!stopped) retry = setTimeout(reconnect, RELISTEN_MS);
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
  };
  const reconnect = () => {
    connect().then(
      () => onNotify(null),
      (err: Error) => {
        console.error(`[db] LISTEN ${channel} reconnect failed: ${err.message}`);
        if (!stopped) retry = setTimeout(reconnect, RELISTEN_MS);
      },
    );
  };
  await connect();
  const stop = async () => {
    stopped = true;
    clearTimeout(retry);
    listeners.delete(stop);
    const c = client;
    client = null;
    if (c) await c.end();
  };
  listeners.add(stop);
  return stop;
}
