import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DbStartupError } from "../../api/db/db.ts";
import { loadMigrations, MIGRATIONS_TABLE, migrate } from "../../api/db/migrate.ts";
import { openDb } from "../../api/db/open.ts";
import { openPglite } from "../../api/db/pglite.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const SQUARE = JSON.stringify({
  type: "Polygon",
  coordinates: [
    [
      [104.2, 23.3],
      [104.201, 23.3],
      [104.201, 23.301],
      [104.2, 23.301],
      [104.2, 23.3],
    ],
  ],
});

describe.each(ADAPTERS)("migrations on %s", (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  test("a fresh database gets every migration once, recorded in the migrations table", async () => {
    t = await openAdapterDb(kind, { demo: false });
    const rows = await t.db.query<{ version: number }>(
      `SELECT version FROM ${MIGRATIONS_TABLE} ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
  });

  test("refuses a database holding tables it did not create, and touches nothing", async () => {
    t = await openAdapterDb(kind, { demo: false });
    const { db } = t;
    // Make the current schema "foreign": drop our tables, add someone else's.
    await db.exec(
      `DROP TABLE ${MIGRATIONS_TABLE}; CREATE TABLE cadastre_legacy (id int); INSERT INTO cadastre_legacy VALUES (7);`,
    );
    await expect(migrate(db)).rejects.toThrow(/cadastre_legacy.*refusing to migrate/);
    const rows = await db.query<{ id: number }>("SELECT id FROM cadastre_legacy");
    expect(rows).toEqual([{ id: 7 }]);
    const ours = await db.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`,
      [MIGRATIONS_TABLE],
    );
    expect(ours).toHaveLength(0);
  });

  test("refuses a database written by a newer schema", async () => {
    t = await openAdapterDb(kind, { demo: false });
    await t.db.query(
      `INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES (9999, 'from_the_future', 'x')`,
    );
    const err = await migrate(t.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbStartupError);
    expect((err as Error).message).toMatch(/newer ZoneAtlas \(schema version 9999/);
  });

  test("refuses a migration file edited after it was applied", async () => {
    t = await openAdapterDb(kind, { demo: false });
    const edited = loadMigrations().map((m) => (m.version === 2 ? { ...m, checksum: "edited" } : m));
    await expect(migrate(t.db, edited)).rejects.toThrow(/0002_create_zones_parks\.sql was changed/);
  });

  test("plot area in m² and 亩 is computed by the database on the ellipsoid and follows geometry edits", async () => {
    t = await openAdapterDb(kind, { demo: false });
    const { db } = t;
    const [zone] = await db.query<{ id: number }>(
      `INSERT INTO zones (code, name, name_en, province, level, policy_profile) VALUES ('z', '测试区', 'Test', '云南省', 'provincial', 'p') RETURNING id`,
    );
    const [park] = await db.query<{ id: number }>(
      `INSERT INTO parks (zone_id, code, name, name_en, role, host_county, host_county_en, geom)
       VALUES ($1, 'p', '测试园', 'Test park', 'park', '文山市', 'Wenshan', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(104.2, 23.3), 4326), 0.05)))
       RETURNING id`,
      [zone?.id],
    );
    const [plot] = await db.query<{ id: number; area_m2: number; area_mu: number; expected: number }>(
      `INSERT INTO plots (park_id, code, land_use_code, land_use_edition, status, geom)
       VALUES ($1, 'P1', '0601', 'GB/T 21010-2017', 'available', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)))
       RETURNING id, area_m2::float8, area_mu::float8, ST_Area(geom::geography)::float8 AS expected`,
      [park?.id, SQUARE],
    );
    expect(plot?.area_m2).toBeCloseTo(plot?.expected ?? Number.NaN, 6);
    expect(plot?.area_m2).toBeGreaterThan(11_000); // ≈ 102.3 m × 111 m at 23.3°N
    expect(plot?.area_m2).toBeLessThan(11_500);
    expect(plot?.area_mu).toBeCloseTo((plot?.area_m2 ?? 0) / M2_PER_MU, 9);
    const [after] = await db.query<{ area_m2: number; expected: number }>(
      `UPDATE plots SET geom = ST_Multi(ST_Scale(geom, 1, 1)) , code = 'P1' WHERE id = $1 RETURNING area_m2::float8, ST_Area(geom::geography)::float8 AS expected`,
      [plot?.id],
    );
    expect(after?.area_m2).toBeCloseTo(after?.expected ?? Number.NaN, 6);
    await db.query(`UPDATE plots SET geom = ST_Multi(ST_Buffer(ST_Centroid(geom), 0.002)) WHERE id = $1`, [
      plot?.id,
    ]);
    const [grown] = await db.query<{ area_m2: number; area_mu: number }>(
      "SELECT area_m2::float8, area_mu::float8 FROM plots WHERE id = $1",
      [plot?.id],
    );
    expect(grown?.area_m2).toBeGreaterThan((plot?.area_m2 ?? 0) * 3);
    expect(grown?.area_mu).toBeCloseTo((grown?.area_m2 ?? 0) / M2_PER_MU, 9);
  });

  test("rejects invalid geometry and unknown status at the database", async () => {
    t = await openAdapterDb(kind, { demo: false });
    await expect(
      t.db.query(
        `INSERT INTO zones (code, name, name_en, province, level, policy_profile) VALUES ('z', '区', 'Z', '云南省', 'city', 'p')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("PGlite data directory", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  test("persists between opens, and a directory written by a newer schema is refused untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "za-pglite-"));
    dirs.push(dir);
    const first = await openDb({ dataDir: dir, demo: false });
    expect(first.migrated.length).toBeGreaterThan(0);
    await first.db.query(
      `INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES (9999, 'from_the_future', 'x')`,
    );
    await first.db.close();

    await expect(openDb({ dataDir: dir, demo: false })).rejects.toThrow(
      /newer ZoneAtlas.*data was not touched/,
    );

    const raw = await openPglite(dir);
    const rows = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`);
    expect(rows[0]?.n).toBe(loadMigrations().length + 1);
    await raw.close();
    // Three cold PGlite boots on disk (CREATE EXTENSION postgis without the test template): ~40 s on a
    // quiet 2-core machine, more when another job shares it.
  }, 240_000);
});
