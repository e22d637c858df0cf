import pg from "pg";
import { isConnectionError } from "./connection_errors.ts";
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
export const GENERIC_POOL_MAX = 3;

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
  /**
   * Server-side `statement_timeout` of every pool connection, ms; absent or 0 = the server's setting
   * (benches, the importer CLI and tests build million-row datasets). The API server passes
   * ZA_DB_STATEMENT_TIMEOUT_MS (15 s). Maintenance work
   * (migrations, the metrics-facts refresh, imports) lifts it per transaction with
   * `liftStatementTimeout` (timeouts.ts).
   */
  statementTimeoutMs?: number;
  /** Give up opening a connection (TCP + startup) after this many ms, so requests fail fast with 503. */
  connectTimeoutMs?: number;
  /** Schema to create and use first in search_path (tests use a throwaway one). */
  schema?: string;
}

/** Opens a node-postgres pool on `DATABASE_URL`. */
export async function openPg(url: string, opts: PgOptions = {}): Promise<Db> {
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  // Shared by the main pool and the generic-plan pool: the same timeouts, keep-alive and name.
  const common = {
    connectionString: url,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    // Names the connections in pg_stat_activity (a connection string's application_name wins).
    application_name: "zoneatlas",
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    // Notice a vanished server (no RST, e.g. a failed-over host) on idle sockets: first probe after 10 s
    // idle; the OS's probe interval and count decide when the socket is declared dead.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  const pool = new pg.Pool({
    ...common,
    max: opts.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process; the pool
  // drops it and opens a fresh one for the next query.
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
        ...common,
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
      // A checked-out client has no pool listener: when the server goes away between two statements
      // of this transaction, pg emits 'error' on the client, which would crash the process unheard.
      // The failure reaches the caller through the next statement (or COMMIT) instead.
      let lost: Error | undefined;
      const onLost = (err: Error) => {
        lost = err;
      };
      client.on("error", onLost);
      try {
        await client.query("BEGIN");
        const out = await fn(queryable(client));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        if (!lost && isConnectionError(err)) lost = err as Error;
        if (!lost)
          await client.query("ROLLBACK").catch((rollbackErr: Error) => {
            lost = rollbackErr;
            console.error(`[db] rollback failed: ${rollbackErr.message}`);
          });
        throw err;
      } finally {
        client.removeListener("error", onLost);
        // A broken connection is destroyed (release with an error), not handed to the next request.
        client.release(lost);
      }
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: opts.max ?? 10,
    }),
    listen: (channel, onNotify) =>
      listenPg(url, schema, opts.connectTimeoutMs ?? 5_000, channel, onNotify, listeners),
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
  connectTimeoutMs: number,
  channel: string,
  onNotify: (payload: string | null) => void,
  listeners: Set<() => Promise<void>>,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name "${channel}"`);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // One retry at a time: pg may report one loss twice ('error' for the FATAL message, then for the
  // closed socket), and a failed attempt reports through both its promise and its client.
  const scheduleRetry = () => {
    if (stopped || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      reconnect();
    }, RELISTEN_MS);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "zoneatlas-listen",
      ...(schema ? { options: `-c search_path=${schema},public` } : {}),
    });
    let dead = false;
    c.on("notification", (m) => {
      if (m.channel === channel) onNotify(m.payload ?? "");
    });
    c.on("error", (err) => {
      if (dead) return;
      dead = true;
      console.error(`[db] LISTEN ${channel} connection lost: ${err.message}`);
      c.end().catch((endErr: Error) => console.error(`[db] closing LISTEN connection: ${endErr.message}`));
      if (client === c) client = null;
      scheduleRetry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      dead = true;
      c.end().catch((endErr: Error) => console.error(`[db] closing LISTEN connection: ${endErr.message}`));
      throw err;
    }
    if (stopped) {
      await c.end();
      return;
    }
    client = c;
  };
  const reconnect = () => {
    connect().then(
      // Notifications sent while we were away are lost: the subscriber reloads what they describe.
      () => {
        if (!stopped) onNotify(null);
      },
      (err: Error) => {
        console.error(`[db] LISTEN ${channel} reconnect failed: ${err.message}`);
        scheduleRetry();
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
