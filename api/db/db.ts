/** Options of {@link Queryable.query}. */
export interface QueryOptions {
  /** Prepared-statement name (see `query`). */
  readonly name?: string;
  /**
   * With `name`: always run the statement with its generic plan (planned once per connection), never a
   * custom plan re-planned per call. For hot statements whose plan does not depend on the parameter values
   * (tile statements: the same index-driven joins at every zoom). The server adapter sends them over
   * connections opened with `plan_cache_mode = force_generic_plan`; the embedded adapter ignores it.
   */
  readonly generic?: boolean;
}

/** Something that runs SQL: the database itself, or an open transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement and returns its rows. Cast numbers in SQL (`::float8`,
   * `::int`) and dates (`::text`) so both adapters return the same JS types.
   * `opts.name` names a hot statement: the server adapter prepares it once per connection and then
   * only binds and executes it (no parse and rewrite per call; PostgreSQL may cache its plan). The
   * name must always go with the same SQL text. The embedded adapter runs it unnamed.
   */
  query<T>(sql: string, params?: readonly unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** What the connected PostGIS can do, found by probing at startup — never by adapter name. */
export interface DbCapabilities {
  /** `ST_AsMVT` works (false on PGlite's PostGIS, built without protobuf-c). */
  readonly mvt: boolean;
  /** `postgis_lib_version()`, e.g. `3.3.2`. */
  readonly postgisVersion: string;
}

/** The one database port. Adapters: `pglite.ts` (embedded, default) and `pg.ts` (DATABASE_URL). */
export interface Db extends Queryable {
  /** For reporting only (`/api/health`); code must branch on `capabilities`, never on this. */
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for the startup line: a directory, `memory`, or the server URL without password. */
  readonly location: string;
  /** Filled in by `openDb` after the PostGIS probe. */
  capabilities: DbCapabilities;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to PostgreSQL notifications on `channel` (LISTEN). `onNotify` gets each payload, or
   * `null` after the listening connection was lost and re-established (notifications may have been
   * missed: reload what they describe). Resolves to the unsubscribe function.
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** Connection-pool occupancy for `/api/health` (server adapter only; PGlite has no pool). */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

/** How full the connection pool is: open connections, idle ones, requests waiting for one, and the cap. */
export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

/** A startup failure with a one-line, actionable message (printed without a stack). */
export class DbStartupError extends Error {
  override readonly name = "DbStartupError";
}
