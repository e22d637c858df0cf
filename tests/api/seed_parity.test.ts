import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { sphericalArea } from "../../geo/area.ts";
import { AREA_PARITY_REL_TOL } from "../../geo/thresholds.ts";
import { openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const TABLES = [
  "zones",
  "parks",
  "enterprises",
  "enterprise_stats",
  "plots",
  "constraint_layers",
  "constraint_features",
  "context_features",
];

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = r?.n ?? -1;
  }
  return out;
}

interface AreaRow {
  code: string;
  area_m2: number;
  geometry: { type: "MultiPolygon"; coordinates: number[][][][] };
}
const areas = (db: Db) =>
  db.query<AreaRow>(
    "SELECT code, area_m2::float8, ST_AsGeoJSON(geom)::json AS geometry FROM plots ORDER BY code",
  );

describe("demo seed on PGlite", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openAdapterDb("pglite");
  });
  afterAll(async () => t.cleanup());

  test("PostGIS's ellipsoidal plot area and geo/'s spherical area agree within AREA_PARITY_REL_TOL", async () => {
    const rows = await areas(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(600);
    let worst = 0;
    for (const r of rows) {
      const rel = Math.abs(sphericalArea(r.geometry) - r.area_m2) / r.area_m2;
      worst = Math.max(worst, rel);
    }
    expect(worst).toBeLessThan(AREA_PARITY_REL_TOL);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("demo seed: PGlite and PostgreSQL agree", () => {
  let lite: TestDb;
  let server: TestDb;
  beforeAll(async () => {
    lite = await openAdapterDb("pglite");
    server = await openAdapterDb("postgres");
  });
  afterAll(async () => {
    await lite.cleanup();
    await server.cleanup();
  });

  test("same row counts in every table", async () => {
    expect(await counts(server.db)).toEqual(await counts(lite.db));
  });

  test("same plots and total plot area within 0.01 %", async () => {
    const a = await areas(lite.db);
    const b = await areas(server.db);
    expect(b.map((r) => r.code)).toEqual(a.map((r) => r.code));
    const sum = (rows: AreaRow[]) => rows.reduce((s, r) => s + r.area_m2, 0);
    expect(Math.abs(sum(a) - sum(b)) / sum(a)).toBeLessThan(1e-4);
  });
});
