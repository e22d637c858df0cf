import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { CandidatesResult } from "../../api/expansion/candidates.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { type ExpansionFixture, insertExpansionFixture } from "../helpers/expansion_fixture.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

const post = async <T>(app: ReturnType<typeof createApp>, path: string, body: unknown, lang = "zh-CN") => {
  const res = await app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": lang },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
};

/**
 * The independent computation: the same rules written another way — buffer on the geography type
 * (PostGIS picks its own planar projection, not our Gauss-Krüger zone), intersection with the union
 * of required features and differences in EPSG:4326, one ST_Difference per excluded source.
 */
const INDEPENDENT_SQL = `
WITH p AS (SELECT geom, zone_id FROM parks WHERE id = $1),
reach AS (SELECT ST_Buffer(geom::geography, $2::float8)::geometry AS g FROM p),
req AS (SELECT ST_Union(f.geom) AS g FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id, p
         WHERE l.zone_id = p.zone_id AND l.type = ANY($4::text[])),
ex AS (SELECT ST_Union(f.geom) AS g FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id, p
         WHERE l.zone_id = p.zone_id AND l.type = ANY($3::text[])),
pk AS (SELECT ST_Union(geom) AS g FROM parks), pl AS (SELECT ST_Union(geom) AS g FROM plots pl, reach WHERE pl.geom && reach.g),
step AS (SELECT ST_Difference(ST_Difference(ST_Intersection(reach.g, COALESCE(req.g, reach.g)),
                 COALESCE(ex.g, 'SRID=4326;POLYGON EMPTY'::geometry)), ST_Union(pk.g, COALESCE(pl.g, pk.g))) AS g
           FROM reach, req, ex, pk, pl),
pieces AS (SELECT (ST_Dump(g)).geom AS g FROM step)
SELECT COALESCE(sum(ST_Area(g::geography)), 0)::float8 AS total_m2, count(*)::int AS n
  FROM pieces WHERE ST_Area(g::geography) >= $5::float8`;

describe.each(ADAPTERS)("POST /api/expansion/candidates on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let fx: ExpansionFixture;
  const warned: unknown[] = [];

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    fx = await insertExpansionFixture(t.db);
    app = await signIn(
      createApp({
        db: t.db,
        log: (level, msg, fields) => level === "warn" && warned.push({ msg, fields }),
      }),
      t.db,
    );
  });
  afterAll(async () => t.cleanup());

  const independent = async (
    parkId: number,
    maxDistanceM: number,
    exclude: string[],
    require: string[],
    minMu: number,
  ) => {
    const [r] = await t.db.query<{ total_m2: number; n: number }>(INDEPENDENT_SQL, [
      parkId,
      maxDistanceM,
      exclude,
      require,
      minMu * M2_PER_MU,
    ]);
    if (!r) throw new Error("no row");
    return r;
  };

  /** One scalar per statement (a combined statement returned no row on PGlite's planner). */
  const scalar = async (sql: string, params: unknown[]): Promise<number> => {
    const [row] = await t.db.query<{ v: number | null }>(sql, params);
    return row?.v ?? 0;
  };
  const C = "ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)";
  const measureCandidate = async (gj: string, parkId: number, exclude: string[], require: string[]) => ({
    excl_m2: await scalar(
      `SELECT sum(ST_Area(ST_Intersection(${C}, f.geom)::geography))::float8 AS v
         FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id JOIN parks p ON p.zone_id = l.zone_id
        WHERE p.id = $2 AND l.type = ANY($3::text[]) AND ST_Intersects(${C}, f.geom)`,
      [gj, parkId, exclude],
    ),
    outside_req_m2:
      require.length === 0
        ? 0
        : await scalar(
            `SELECT ST_Area(ST_Difference(${C}, ST_Union(f.geom))::geography)::float8 AS v
               FROM constraint_features f JOIN constraint_layers l ON l.id = f.layer_id JOIN parks p ON p.zone_id = l.zone_id
              WHERE p.id = $2 AND l.type = ANY($3::text[])`,
            [gj, parkId, require],
          ),
    max_dist_m: await scalar(
      `SELECT max(ST_Distance((d).geom::geography, p.geom::geography))::float8 AS v
         FROM parks p, ST_DumpPoints(${C}) d WHERE p.id = $2`,
      [gj, parkId],
    ),
    area_m2: await scalar(`SELECT ST_Area(${C}::geography)::float8 AS v`, [gj]),
    existing_m2: await scalar(
      `SELECT sum(ST_Area(ST_Intersection(${C}, x.geom)::geography))::float8 AS v
         FROM (SELECT geom FROM parks UNION ALL SELECT geom FROM plots) x WHERE ST_Intersects(${C}, x.geom)`,
      [gj],
    ),
  });

  /** Every invariant of the "Done when", checked per candidate with geography functions. */
  const assertInvariants = async (
    res: CandidatesResult,
    parkId: number,
    maxDistanceM: number,
    exclude: string[],
    require: string[],
    minMu: number,
  ) => {
    for (const f of res.features) {
      const r = await measureCandidate(JSON.stringify(f.geometry), parkId, exclude, require);
      expect(r.excl_m2, `candidate ${f.id} overlaps an exclusion layer`).toBeLessThan(1);
      expect(r.existing_m2, `candidate ${f.id} overlaps a park or plot`).toBeLessThan(1);
      if (require.length > 0)
        expect(r.outside_req_m2, `candidate ${f.id} leaves the required layers`).toBeLessThan(1);
      // GK planar buffer vs geodesic distance: ≤ 0.06 % scale error in a 3° zone, plus 1 m.
      expect(r.max_dist_m).toBeLessThanOrEqual(maxDistanceM * 1.0006 + 1);
      expect(f.properties.areaMu).toBeGreaterThanOrEqual(minMu);
      expect(r.area_m2 / M2_PER_MU).toBeGreaterThanOrEqual(minMu * (1 - 1e-6));
      expect(Math.abs(r.area_m2 - f.properties.areaM2) / r.area_m2).toBeLessThan(1e-6);
    }
  };

  test("fixture park: candidates obey every rule and match the independent computation within 1 %", async () => {
    const { status, body } = await post<CandidatesResult>(app, "/api/expansion/candidates", {
      parkId: fx.parkId,
    });
    expect(status).toBe(200);
    expect(body.features.length).toBeGreaterThanOrEqual(2); // the red line splits the land
    expect(body.method.metricCrs).toBe("EPSG:4523");
    expect(body.warnings).toEqual([]);
    const exclude = ["permanent_farmland", "ecological_redline"];
    await assertInvariants(body, fx.parkId, 2000, exclude, ["development_boundary"], 50);
    const ind = await independent(fx.parkId, 2000, exclude, ["development_boundary"], 50);
    expect(body.features).toHaveLength(ind.n);
    expect(Math.abs(body.totalAreaMu * M2_PER_MU - ind.total_m2) / ind.total_m2).toBeLessThan(0.01);
    // ranked by score, ranks 1…n
    const scores = body.features.map((f) => f.properties.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.features.map((f) => f.properties.rank)).toEqual(body.features.map((_, i) => i + 1));
    const top = body.features[0]?.properties;
    expect(top?.sharedBoundaryRatio).toBeGreaterThan(0);
    expect(top?.reasons.length).toBeGreaterThan(0);
  });

  test("excluding flood too, a larger minimum and a shorter reach: still independent-equal", async () => {
    const req = {
      parkId: fx.parkId,
      maxDistanceM: 1500,
      minAreaMu: 120,
      excludeTypes: ["permanent_farmland", "ecological_redline", "flood"],
    };
    const { status, body } = await post<CandidatesResult>(app, "/api/expansion/candidates", req);
    expect(status).toBe(200);
    await assertInvariants(body, fx.parkId, 1500, req.excludeTypes, ["development_boundary"], 120);
    const ind = await independent(fx.parkId, 1500, req.excludeTypes, ["development_boundary"], 120);
    expect(body.features).toHaveLength(ind.n);
    expect(Math.abs(body.totalAreaMu * M2_PER_MU - ind.total_m2) / ind.total_m2).toBeLessThan(0.01);
  });

  test("demo parks in both zones (EPSG:4523 and 4521): invariants and independent totals hold", async () => {
    const exclude = ["permanent_farmland", "ecological_redline"];
    for (const parkId of [1, 4, 6]) {
      const { status, body } = await post<CandidatesResult>(app, "/api/expansion/candidates", { parkId });
      expect(status).toBe(200);
      expect(body.isDemo).toBe(true);
      expect(body.method.metricCrs).toBe(parkId === 1 ? "EPSG:4523" : "EPSG:4521");
      await assertInvariants(body, parkId, 2000, exclude, ["development_boundary"], 50);
      const ind = await independent(parkId, 2000, exclude, ["development_boundary"], 50);
      expect(body.features).toHaveLength(ind.n);
      if (ind.total_m2 > 0)
        expect(Math.abs(body.totalAreaMu * M2_PER_MU - ind.total_m2) / ind.total_m2).toBeLessThan(0.01);
    }
  });

  test("weights change the ranking: all weight on size puts the largest piece first", async () => {
    const { body } = await post<CandidatesResult>(app, "/api/expansion/candidates", {
      parkId: fx.parkId,
      weights: { proximity: 0, adjacency: 0, compactness: 0, size: 1 },
      minAreaMu: 10,
    });
    const areas = body.features.map((f) => Math.min(f.properties.areaMu, 500));
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
  });

  test("a zone without constraint layers: runs, warns loudly in the asked language and logs", async () => {
    warned.length = 0;
    const { status, body } = await post<CandidatesResult>(
      app,
      "/api/expansion/candidates",
      { parkId: fx.emptyZoneParkId },
      "en",
    );
    expect(status).toBe(200);
    expect(body.warnings[0]?.code).toBe("constraints_missing");
    expect(body.warnings[0]?.types.sort()).toEqual([
      "development_boundary",
      "ecological_redline",
      "permanent_farmland",
    ]);
    expect(body.warnings[0]?.message).toMatch(/^WARNING: /);
    expect(body.features.length).toBeGreaterThan(0);
    expect(warned).toHaveLength(1);
  });

  test("constraint_unions follow inserts, updates and layer deletes (triggers), and candidates with them", async () => {
    const unions = async () =>
      t.db.query<{ type: string; feature_count: number; m2: number }>(
        `SELECT type, feature_count, ST_Area(geom::geography)::float8 AS m2 FROM constraint_unions WHERE zone_id = $1 ORDER BY type`,
        [fx.zoneId],
      );
    const before = await unions();
    expect(before.map((u) => [u.type, u.feature_count])).toEqual([
      ["development_boundary", 2],
      ["ecological_redline", 1],
      ["flood", 1],
      ["permanent_farmland", 2],
    ]);
    const total = async () =>
      (await post<CandidatesResult>(app, "/api/expansion/candidates", { parkId: fx.parkId })).body
        .totalAreaMu;
    const t0 = await total();
    // move the red-line strip 5 km north, out of reach: more candidate land
    await t.db.query(
      `UPDATE constraint_features f SET geom = ST_Translate(f.geom, 0, 0.045)
         FROM constraint_layers l WHERE l.id = f.layer_id AND l.zone_id = $1 AND l.type = 'ecological_redline'`,
      [fx.zoneId],
    );
    const t1 = await total();
    expect(t1).toBeGreaterThan(t0 + 100);
    const ind = await independent(
      fx.parkId,
      2000,
      ["permanent_farmland", "ecological_redline"],
      ["development_boundary"],
      50,
    );
    expect(Math.abs(t1 * M2_PER_MU - ind.total_m2) / ind.total_m2).toBeLessThan(0.01);
    // drop the farmland layer: its union goes, and the analysis now warns about it
    await t.db.query(`DELETE FROM constraint_layers WHERE zone_id = $1 AND type = 'permanent_farmland'`, [
      fx.zoneId,
    ]);
    expect((await unions()).map((u) => u.type)).toEqual([
      "development_boundary",
      "ecological_redline",
      "flood",
    ]);
    const res = await post<CandidatesResult>(app, "/api/expansion/candidates", { parkId: fx.parkId });
    expect(res.body.warnings[0]?.types).toEqual(["permanent_farmland"]);
    expect(res.body.totalAreaMu).toBeGreaterThan(t1);
  });

  test("bad input → 400/404 envelopes, never 500", async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ parkId: 999_999 }, 404, "park_not_found"],
      [{ parkId: fx.parkId, maxDistanceM: -5 }, 400, "invalid_request"],
      [{ parkId: fx.parkId, excludeTypes: ["lava"] }, 400, "invalid_request"],
      [{ parkId: fx.parkId, excludeTypes: ["development_boundary"] }, 400, "invalid_request"],
      [
        { parkId: fx.parkId, weights: { proximity: 0, adjacency: 0, compactness: 0, size: 0 } },
        400,
        "invalid_request",
      ],
      [{}, 400, "invalid_request"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post<ErrorBody>(app, "/api/expansion/candidates", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
  });
});
