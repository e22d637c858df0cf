import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Db, DbStartupError, type Queryable } from "./db.ts";
import { liftStatementTimeout } from "./timeouts.ts";

/** One forward-only migration file, `data/migrations/NNNN_verb_object.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** sha256 of the file; an applied migration must never change. */
  checksum: string;
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** The table recording applied migrations (in the database's current schema). */
export const MIGRATIONS_TABLE = "za_schema_migrations";
/** Serialises migrations and seeding across processes sharing one server. */
const LOCK_KEY = 7_390_114_201;

/** Default location of the migration files, read as files by path (never imported). */
export const MIGRATIONS_DIR = new URL("../../data/migrations/", import.meta.url).pathname;

/** Reads and orders the migration files of `dir`. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE_RE.exec(file);
    if (!m?.[1] || !m[2]) {
      if (file.endsWith(".sql")) throw new Error(`migration file name "${file}" is not NNNN_verb_object.sql`);
      continue;
    }
    const sql = readFileSync(join(dir, file), "utf8");
    out.push({
      version: Number(m[1]),
      name: m[2],
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
    });
  }
  out.forEach((mig, i) => {
    if (mig.version !== i + 1)
      throw new Error(`migrations must be numbered 0001, 0002, … without gaps (found ${mig.version})`);
  });
  return out;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function hasMigrationsTable(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_name = $1) AS ok`,
    [MIGRATIONS_TABLE],
  );
  return rows[0]?.ok === true;
}

/** Tables, views and sequences in the current schema not created by an extension (e.g. PostGIS's spatial_ref_sys). */
async function foreignRelations(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Stops startup with one line when PostGIS cannot be installed on the server. */
export async function ensurePostgisAvailable(db: Db): Promise<void> {
  const rows = await db.query<{ available: boolean; installed: boolean; server: string }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS available,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') AS installed,
            current_setting('server_version_num') AS server`,
  );
  const r = rows[0];
  if (r && !r.available && !r.installed) {
    const major = Math.floor(Number(r.server) / 10_000);
    throw new DbStartupError(
      `PostGIS is not available on the PostgreSQL ${major} server at ${db.location}: install it there ` +
        `(Debian/Ubuntu: apt-get install postgresql-${major}-postgis-3; others: https://postgis.net/install/) and start ZoneAtlas again.`,
    );
  }
}

/**
 * Applies pending migrations in one transaction and records them in `za_schema_migrations`.
 * Refuses a non-empty database that is not ours, a database written by a newer schema, and
 * an applied migration whose file has changed — touching nothing in each case.
 * @returns the versions applied now.
 */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  await ensurePostgisAvailable(db);
  return db.transaction(async (tx) => {
    await liftStatementTimeout(tx);
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    let applied: AppliedRow[] = [];
    if (await hasMigrationsTable(tx)) {
      applied = await tx.query<AppliedRow>(
        `SELECT version, name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY version`,
      );
    } else {
      const foreign = await foreignRelations(tx);
      if (foreign.length > 0) {
        throw new DbStartupError(
          `The database at ${db.location} already holds tables that ZoneAtlas did not create (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}); refusing to migrate. Use an empty database or schema.`,
        );
      }
      await tx.exec(`CREATE TABLE ${MIGRATIONS_TABLE} (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
    }
    const known = new Map(migrations.map((m) => [m.version, m]));
    const newest = migrations.at(-1)?.version ?? 0;
    for (const a of applied) {
      const m = known.get(a.version);
      if (!m) {
        throw new DbStartupError(
          `The database at ${db.location} was written by a newer ZoneAtlas (schema version ${a.version} "${a.name}"; this version knows up to ${newest}). Upgrade ZoneAtlas; the data was not touched.`,
        );
      }
      if (m.checksum !== a.checksum) {
        throw new DbStartupError(
          `Migration ${String(a.version).padStart(4, "0")}_${a.name}.sql was changed after it was applied; migrations are forward-only. Restore the file and add a new migration instead.`,
        );
      }
    }
    const done = new Set(applied.map((a) => a.version));
    const now: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES ($1, $2, $3)`, [
        m.version,
        m.name,
        m.checksum,
      ]);
      now.push(m.version);
    }
    return now;
  });
}
