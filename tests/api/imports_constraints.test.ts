import { unzipSync, zipSync } from "fflate";
import type { Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { CheckResult } from "../../api/expansion/check.ts";
import { ConstraintImportReportSchema } from "../../api/schemas/target_imports.ts";
import { esriWkt } from "../../data/importers/crs_catalogue.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { gkSquaresZip, postImport, wenshanPark } from "../helpers/imports.ts";
import { gkReference } from "../helpers/real_fixtures.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe.each(ADAPTERS)("POST /api/imports target=constraints on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let park: Awaited<ReturnType<typeof wenshanPark>>;
  let zoneId: number;

  const featureCount = async () => {
    const [r] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM constraint_features");
    return r?.n ?? -1;
  };
  const codes = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}-${i + 1}`);
  /** A 40 m self-intersecting bow-tie in GK zone 35 next to the squares (ST_MakeValid: two triangles, 800 m²). */
  const bowtie = () => {
    const [e = 0, n = 0] = gkReference(105, 35_500_000).forward([park.lng, park.lat]);
    const x = e + 30;
    const y = n + 100;
    return {
      geometry: {
        type: "Polygon" as const,
        coordinates: [
          [
            [x, y],
            [x + 40, y + 40],
            [x + 40, y],
            [x, y + 40],
            [x, y],
          ],
        ],
      },
      properties: { 宗地编码: "BOW" },
    };
  };
  /** A GeoJSON FeatureCollection of one 0.001° square polygon and `other`. */
  const mixedGeoJson = (other: Geometry) => {
    const { lng: x, lat: y } = park;
    const square: Geometry = {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + 0.001, y],
          [x + 0.001, y + 0.001],
          [x, y + 0.001],
          [x, y],
        ],
      ],
    };
    const fc = {
      type: "FeatureCollection",
      features: [square, other].map((geometry) => ({ type: "Feature", geometry, properties: {} })),
    };
    return new TextEncoder().encode(JSON.stringify(fc));
  };
  const fields = (extra: Record<string, string> = {}) => ({
    target: "constraints",
    zoneId: String(zoneId),
    layerType: "ecological_redline",
    ...extra,
  });
  /** A 0.004° × 0.003° box north-east of the park's point, which holds the imported squares. */
  const box = () => ({
    type: "Polygon",
    coordinates: [
      [
        [park.lng - 0.0005, park.lat - 0.0005],
        [park.lng + 0.0035, park.lat - 0.0005],
        [park.lng + 0.0035, park.lat + 0.0025],
        [park.lng - 0.0005, park.lat + 0.0025],
        [park.lng - 0.0005, park.lat - 0.0005],
      ],
    ],
  });
  const check = async (): Promise<CheckResult> => {
    const res = await app.request("/api/expansion/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ geometry: box(), zoneId }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as CheckResult;
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    park = await wenshanPark(t.db);
    const [z] = await t.db.query<{ zone_id: number }>("SELECT zone_id FROM parks WHERE id = $1", [park.id]);
    zoneId = z?.zone_id ?? -1;
  });
  afterAll(async () => t.cleanup());

  test("dry run: GBK and GK zone 35 from LDID and .prj, area in 亩 on the ellipsoid, bow-tie repaired, nothing written", async () => {
    const before = await featureCount();
    const zip = gkSquaresZip({ ...park, codes: codes("ECO", 3), sizeM: 40, extra: [bowtie()] });
    const { status, body } = await postImport(
      app,
      { bytes: zip, name: "生态红线.zip" },
      fields({ dryRun: "true" }),
    );
    expect(status).toBe(200);
    const report = ConstraintImportReportSchema.parse(body);
    expect(report).toMatchObject({
      committed: false,
      dryRun: true,
      layerId: null,
      layerName: "生态红线",
      layerType: "ecological_redline",
      featureCount: 4,
      importedCount: 4,
      errorCount: 0,
    });
    expect(report.encoding).toMatchObject({ name: "gbk", source: "ldid" });
    expect(report.crs).toMatchObject({ epsg: 4523, source: "prj" });
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: "repaired", kind: "invalid_geometry", index: 3 }),
    ]);
    // 3 squares of 1,600 m² + the repaired bow-tie's 800 m², within GK scale error.
    const expectedMu = (3 * 1600 + 800) / M2_PER_MU;
    expect(report.totalAreaMu).toBeGreaterThan(expectedMu * 0.999);
    expect(report.totalAreaMu).toBeLessThan(expectedMu * 1.001);
    expect(await featureCount()).toBe(before);
  });

  test("commit: one new layer of the zone, listed by GET /api/constraints and seen by POST /api/expansion/check", async () => {
    const conflictBefore = (await check()).conflictsMu.ecological_redline ?? 0;
    const before = await featureCount();
    const zip = gkSquaresZip({ ...park, codes: codes("ECO", 3), sizeM: 40 });
    const { status, body } = await postImport(
      app,
      { bytes: zip, name: "x.zip" },
      fields({ layerName: "导入红线" }),
    );
    expect(status).toBe(201);
    const report = ConstraintImportReportSchema.parse(body);
    expect(report).toMatchObject({ committed: true, layerName: "导入红线", importedCount: 3 });
    expect(report.layerId).toBeGreaterThan(0);
    expect(await featureCount()).toBe(before + 3);

    const list = await app.request(`/api/constraints?zone=${zoneId}&type=ecological_redline`);
    const fc = (await list.json()) as { features: { properties: { layerName?: string; areaMu: number } }[] };
    const mine = fc.features.filter((f) => JSON.stringify(f.properties).includes("导入红线"));
    expect(mine).toHaveLength(3);

    // The derived per-zone union (constraint_unions, maintained by triggers) includes the new layer.
    const conflictAfter = (await check()).conflictsMu.ecological_redline ?? 0;
    expect(conflictAfter - conflictBefore).toBeGreaterThan(7.2 * 0.995);
    expect(conflictAfter - conflictBefore).toBeLessThan(7.2 * 1.005);

    const history = await app.request(`/api/imports/${report.importId}`);
    expect(await history.json()).toMatchObject({
      target: "constraints",
      createdBy: "t_admin_all",
      insertedCount: 3,
    });
    const again = await postImport(app, { bytes: zip, name: "x.zip" }, fields({ layerName: "导入红线" }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("constraint_layer_exists");
    expect(await featureCount()).toBe(before + 3);
  });

  test("undo of the latest constraint import deletes its layer; features, union and expansion check are as before", async () => {
    const layers = async () =>
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM constraint_layers"))[0]?.n ?? -1;
    const unionArea = async () =>
      (
        await t.db.query<{ m2: number }>(
          `SELECT coalesce(sum(ST_Area(geom::geography)), 0)::float8 AS m2 FROM constraint_unions
            WHERE zone_id = $1 AND type = 'ecological_redline'`,
          [zoneId],
        )
      )[0]?.m2 ?? -1;
    const [featuresBefore, layersBefore, unionBefore] = [
      await featureCount(),
      await layers(),
      await unionArea(),
    ];
    const conflictBefore = (await check()).conflictsMu.ecological_redline ?? 0;
    const older = await postImport(
      app,
      { bytes: gkSquaresZip({ ...park, codes: codes("UNDO-A", 1), sizeM: 40 }), name: "a.zip" },
      fields({ layerName: "撤销甲" }),
    );
    const newer = await postImport(
      app,
      { bytes: gkSquaresZip({ ...park, codes: codes("UNDO-B", 2), sizeM: 40 }), name: "b.zip" },
      fields({ layerName: "撤销乙" }),
    );
    expect([older.status, newer.status]).toEqual([201, 201]);
    expect(await featureCount()).toBe(featuresBefore + 3);

    const notLast = await app.request(`/api/imports/${older.body.importId}/undo`, {
      method: "POST",
      headers: { "Accept-Language": "en" },
    });
    expect(notLast.status).toBe(409);
    expect(((await notLast.json()) as { error: { code: string } }).error.code).toBe("import_not_last");

    const u2 = await app.request(`/api/imports/${newer.body.importId}/undo`, { method: "POST" });
    expect(u2.status).toBe(200);
    const newLayer = ConstraintImportReportSchema.parse(newer.body).layerId;
    expect(await u2.json()).toMatchObject({ deleted: 2, restored: 0, layerId: newLayer });
    const u1 = await app.request(`/api/imports/${older.body.importId}/undo`, { method: "POST" });
    expect(await u1.json()).toMatchObject({ deleted: 1, restored: 0 });

    expect(await featureCount()).toBe(featuresBefore);
    expect(await layers()).toBe(layersBefore);
    expect(await unionArea()).toBeCloseTo(unionBefore, 3);
    expect((await check()).conflictsMu.ecological_redline ?? 0).toBeCloseTo(conflictBefore, 6);
    const hist = await (await app.request(`/api/imports/${newer.body.importId}`)).json();
    expect(hist.undoneAt).toEqual(expect.any(String));
    // Undone twice: nothing left to undo.
    const twice = await app.request(`/api/imports/${newer.body.importId}/undo`, { method: "POST" });
    expect(twice.status).toBe(409);
  });

  describe("hostile or broken input: 4xx in Chinese and English, constraint_features unchanged", () => {
    const good = () => gkSquaresZip({ ...park, codes: codes("BAD", 2), sizeM: 40 });
    const cases: [string, () => Uint8Array, string, string][] = [
      [
        "truncated .shp",
        () => {
          const e = unzipSync(good());
          const shp = e["宗地/zd.shp"] ?? new Uint8Array();
          return zipSync({ ...e, "宗地/zd.shp": shp.slice(0, shp.length - 30) });
        },
        "import_truncated_file",
        "x.zip",
      ],
      [
        ".shp without .dbf",
        () => {
          const { "宗地/zd.dbf": _, ...rest } = unzipSync(good());
          return zipSync(rest);
        },
        "import_missing_sidecar",
        "x.zip",
      ],
      [
        "zip entry with ../",
        () => zipSync({ ...unzipSync(good()), "../../etc/zd.cpg": new Uint8Array([65]) }),
        "import_unsafe_zip_entry",
        "x.zip",
      ],
      [
        "zip bomb by ratio",
        () => zipSync({ ...unzipSync(good()), "pad.dbf": new Uint8Array(16 << 20) }, { level: 9 }),
        "import_zip_ratio",
        "x.zip",
      ],
      ["empty file", () => new Uint8Array(), "import_empty_file", "x.zip"],
      [
        "unknown projection",
        () =>
          zipSync({
            ...unzipSync(good()),
            "宗地/zd.prj": new TextEncoder().encode(
              esriWkt(4523)
                .replace("Gauss_Kruger", "Foo_Bar")
                .replace("CGCS2000_3_Degree_GK_Zone_35", "Mystery"),
            ),
          }),
        "import_unknown_projection",
        "x.zip",
      ],
      [
        "a line among polygons (GeoJSON): 422, nothing written",
        () =>
          mixedGeoJson({
            type: "LineString",
            coordinates: [
              [park.lng, park.lat],
              [park.lng + 0.001, park.lat],
            ],
          }),
        "import_validation_failed",
        "x.geojson",
      ],
    ];
    test.each(cases)("%s", async (_name, make, code, fileName) => {
      const before = await featureCount();
      const bytes = make();
      const zh = await postImport(app, { bytes, name: fileName }, fields({ layerName: "坏" }), {
        lang: "zh-CN",
      });
      const en = await postImport(app, { bytes, name: fileName }, fields({ layerName: "坏" }), {
        lang: "en",
      });
      expect(zh.status).toBeGreaterThanOrEqual(400);
      expect(zh.status).toBeLessThan(500);
      expect(zh.body.error.code).toBe(code);
      expect(en.body.error.code).toBe(code);
      expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(en.body.error.message).toMatch(/^[\x20-\x7e]+$/);
      expect(await featureCount()).toBe(before);
    });

    test("the 422 report lists the non-polygon feature", async () => {
      const bytes = mixedGeoJson({ type: "Point", coordinates: [park.lng, park.lat] });
      const { status, body } = await postImport(app, { bytes, name: "p.geojson" }, fields());
      expect(status).toBe(422);
      expect(body.error.details?.issues).toEqual([
        expect.objectContaining({ severity: "error", kind: "not_polygon", index: 1, detail: "Point" }),
      ]);
    });

    test("missing zoneId or layerType is 400, an unknown zone 404, an unknown layer type 400", async () => {
      const zip = good();
      const noZone = await postImport(
        app,
        { bytes: zip, name: "x.zip" },
        { target: "constraints", layerType: "flood" },
      );
      expect(noZone.status).toBe(400);
      expect(noZone.body.error.code).toBe("invalid_request");
      const badType = await postImport(app, { bytes: zip, name: "x.zip" }, fields({ layerType: "lava" }));
      expect(badType.status).toBe(400);
      const unknown = await postImport(app, { bytes: zip, name: "x.zip" }, fields({ zoneId: "999999" }));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe("zone_not_found");
    });
  });
});
