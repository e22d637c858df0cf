import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { ensurePostgisAvailable, MIGRATIONS_TABLE } from "../../api/db/migrate.ts";
import { openPglite } from "../../api/db/pglite.ts";
import { loadTemplate } from "../helpers/pglite_template.ts";
import { dropSchema, throwawaySchema } from "../helpers/test_db.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Runs `npm start`'s server entry (without the web build) and returns exit code and output. */
function start(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const res = spawnSync(process.execPath, ["--import", "tsx", "api/main.ts"], {
    cwd: ROOT,
    env: { ...inherited, PORT: "0", ...env },
    encoding: "utf8",
    // Generous: PGlite boots in WASM and the e2e suite may be loading both cores meanwhile.
    timeout: 150_000,
  });
  if (res.error) throw res.error;
  if (res.signal) throw new Error(`api/main.ts was killed by ${res.signal}; stdout: ${res.stdout}`);
  return { code: res.status, stderr: res.stderr.trim(), stdout: res.stdout };
}

describe("startup refuses bad databases with one line and touches nothing", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("a PGlite data directory written by a newer schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), "za-newer-"));
    dirs.push(dir);
    const db = await openPglite(dir, loadTemplate(false));
    await db.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES (4242, 'future', 'x')`);
    await db.close();
    const out = start({ ZA_DATA_DIR: dir });
    expect(out.stderr).toMatch(
      /^ZoneAtlas cannot start: .*newer ZoneAtlas \(schema version 4242.*data was not touched/,
    );
    expect(out.stderr.split("\n")).toHaveLength(1);
    expect(out.code).toBe(1);
    const again = await openPglite(dir);
    const rows = await again.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE} WHERE version = 4242`,
    );
    expect(rows[0]?.n).toBe(1);
    await again.close();
  }, 180_000);

  test.skipIf(!process.env.DATABASE_URL)("a PostgreSQL database holding someone else's tables", async () => {
    const url = process.env.DATABASE_URL ?? "";
    const schema = throwawaySchema();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.land_ledger (id int); INSERT INTO ${schema}.land_ledger VALUES (1)`,
    );
    try {
      const u = new URL(url);
      u.searchParams.set("options", `-c search_path=${schema},public`);
      const out = start({ DATABASE_URL: u.toString() });
      expect(out.code).toBe(1);
      expect(out.stderr.split("\n")).toHaveLength(1);
      expect(out.stderr).toMatch(
        /already holds tables that ZoneAtlas did not create \(land_ledger\); refusing to migrate/,
      );
      const left = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
        [schema],
      );
      expect(left.rows).toEqual([{ table_name: "land_ledger" }]);
    } finally {
      await client.end();
      await dropSchema(schema);
    }
  });
});

test("a server without PostGIS stops startup with one line naming the package to install", async () => {
  // The server's answer is the real edge here: a PostgreSQL 15 whose pg_available_extensions lacks postgis.
  const noPostgis: Pick<Db, "query" | "location"> = {
    location: "postgres://gis@db.example:5432/land",
    query: async <T>() => [{ available: false, installed: false, server: "150004" }] as T[],
  };
  const err = await ensurePostgisAvailable(noPostgis as Db).catch((e: unknown) => e as Error);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toMatch(
    /^PostGIS is not available on the PostgreSQL 15 server at postgres:\/\/gis@db\.example:5432\/land: install it there \(Debian\/Ubuntu: apt-get install postgresql-15-postgis-3/,
  );
  expect((err as Error).message).not.toContain("\n");
});
