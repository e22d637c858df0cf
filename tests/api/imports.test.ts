import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import { ImportReportSchema } from "../../api/schemas/imports.ts";
import { esriWkt } from "../../data/importers/crs_catalogue.ts";
import { wgs84ToGcj02 } from "../../geo/gcj02.ts";
import { gkSquaresZip, plotCount, postImport, wenshanPark } from "../helpers/imports.ts";
import { fixtureParts, zipParts } from "../helpers/real_fixtures.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe.each(ADAPTERS)("POST /api/imports on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let park: Awaited<ReturnType<typeof wenshanPark>>;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    park = await wenshanPark(t.db);
  });
  afterAll(async () => t.cleanup());

  const codes = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}-${i + 1}`);

  test("dry run: GBK and GK zone 35 read from LDID and .prj, field mapping suggested, 1% area flag, nothing written", async () => {
    const before = await plotCount(t.db);
    const zip = gkSquaresZip({
      ...park,
      codes: codes("DRY", 3),
      sizeM: 40,
      declaredM2: (i) => (i === 1 ? 1600 * 1.05 : 1600),
    });
    const { status, body } = await postImport(
      app,
      { bytes: zip, name: "宗地.zip" },
      { target: "plots", parkId: String(park.id), dryRun: "true" },
    );
    expect(status).toBe(200);
    ImportReportSchema.parse(body);
    expect(body).toMatchObject({
      committed: false,
      dryRun: true,
      importId: null,
      featureCount: 3,
      errorCount: 0,
    });
    expect(body.encoding).toMatchObject({ name: "gbk", source: "ldid" });
    expect(body.crs).toMatchObject({ epsg: 4523, source: "prj" });
    expect(body.fields).toEqual(["宗地编码", "用地面积", "地类编码"]);
    expect(body.mapping).toMatchObject({
      code: "宗地编码",
      declaredAreaM2: "用地面积",
      landUseCode: "地类编码",
    });
    const flagged = body.issues.filter((i) => i.kind === "declared_area_mismatch");
    expect(flagged.map((i) => i.code)).toEqual(["DRY-2"]);
    expect(flagged[0]?.deviationRatio).toBeCloseTo(0.05, 2);
    expect(body.summary).toMatchObject({ inserted: 3, updated: 0 });
    // 3 squares of 40 m in GK: 4,800 m² = 7.2 亩 within GK scale error (≤ 0.06 %).
    expect(body.totalAreaMu).toBeGreaterThan(7.2 * 0.999);
    expect(body.totalAreaMu).toBeLessThan(7.2 * 1.001);
    expect(await plotCount(t.db)).toBe(before);
  });

  test("dry run lists in-file overlaps (亩), duplicate shapes and repaired self-intersections", async () => {
    const bowtie = (e: number, n: number) => ({
      geometry: {
        type: "Polygon" as const,
        coordinates: [
          [
            [e, n],
            [e + 40, n + 40],
            [e + 40, n],
            [e, n + 40],
            [e, n],
          ],
        ],
      },
      properties: { 宗地编码: "OV-BOW" },
    });
    // Square 2 slides 30 m west: it overlaps square 1 by 10 m × 40 m = 400 m² = 0.6 亩.
    const withDup = gkSquaresZip({
      ...park,
      codes: ["OV-1", "OV-2", "OV-3"],
      sizeM: 40,
      shiftM: (i) => (i === 1 ? -30 : 0),
      extra: [bowtie(35_421_000, 2_585_000)],
      duplicateLast: "OV-3-COPY",
    });
    const { status, body } = await postImport(
      app,
      { bytes: withDup, name: "ov.zip" },
      { target: "plots", parkId: String(park.id), dryRun: "true", srid: "4523" },
    );
    expect(status).toBe(200);
    const kinds = (k: string) => body.issues.filter((i) => i.kind === k);
    expect(kinds("overlaps_in_file").map((i) => [i.code, i.detail])).toEqual([["OV-1", "OV-2"]]);
    expect(kinds("overlaps_in_file")[0]?.areaMu).toBeCloseTo(0.6, 2);
    expect(kinds("duplicate_geometry").map((i) => [i.code, i.detail])).toEqual([["OV-3-COPY", "OV-3"]]);
    expect(kinds("invalid_geometry")).toMatchObject([{ code: "OV-BOW", severity: "repaired" }]);
    expect(kinds("invalid_geometry")[0]?.detail).toMatch(/Self-intersection/i);
  });

  test("commit, re-import by code updates in place with a change summary, history, undo of the last import", async () => {
    const before = await plotCount(t.db);
    const first = gkSquaresZip({ ...park, codes: codes("RE", 3), sizeM: 40, declaredM2: () => 1600 });
    // Two people import: history records each signed-in account.
    const planner = await signIn(app, t.db, { role: "planner" });
    const c1 = await postImport(
      planner,
      { bytes: first, name: "v1.zip" },
      { target: "plots", parkId: String(park.id), saveMappingAs: "国土局宗地" },
    );
    expect(c1.status).toBe(201);
    expect(c1.body).toMatchObject({ committed: true, summary: { inserted: 3, updated: 0 } });
    expect(await plotCount(t.db)).toBe(before + 3);

    const second = gkSquaresZip({
      ...park,
      codes: codes("RE", 3),
      sizeM: 40,
      declaredM2: () => 1600,
      shiftM: (i) => (i === 0 ? 5 : 0),
    });
    const c2 = await postImport(
      app,
      { bytes: second, name: "v2.zip" },
      { target: "plots", parkId: String(park.id), mappingName: "国土局宗地" },
    );
    expect(c2.status).toBe(201);
    expect(c2.body.mappingSource).toBe("saved:国土局宗地");
    expect(c2.body.summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, geometryChanged: 1 });
    expect(c2.body.summary.changes).toEqual([
      { code: "RE-1", fields: ["geometry"], areaDeltaM2: expect.any(Number) },
    ]);
    expect(await plotCount(t.db)).toBe(before + 3);
    // The import writes the staged area (the area trigger keeps it, migration 0014): still exactly
    // ST_Area(geom::geography), also for the moved plot, and 亩 = m² × 15 / 10,000.
    const areas = await t.db.query<{ code: string; stored: number; computed: number; mu: number }>(
      `SELECT code, area_m2::float8 AS stored, ST_Area(geom::geography)::float8 AS computed, area_mu::float8 AS mu
         FROM plots WHERE code LIKE 'RE-%' ORDER BY code`,
    );
    expect(areas).toHaveLength(3);
    for (const a of areas) {
      expect(a.stored).toBe(a.computed);
      expect(a.mu).toBeCloseTo((a.stored * 15) / 10_000, 9);
    }
    // Outside an import the trigger computes the area as before.
    await t.db.query(
      "UPDATE plots SET geom = ST_Multi(ST_Scale(geom, 1, 1)), area_m2 = 1 WHERE code = 'RE-2'",
    );
    const [edited] = await t.db.query<{ ok: boolean }>(
      "SELECT area_m2 = ST_Area(geom::geography) AS ok FROM plots WHERE code = 'RE-2'",
    );
    expect(edited?.ok).toBe(true);

    // Each plot's history (GET /api/plots/:id/audit) shows the imports that created and changed it.
    const [re1] = await t.db.query<{ id: number }>("SELECT id FROM plots WHERE code = 'RE-1'");
    const audit = (await (await app.request(`/api/plots/${re1?.id}/audit`)).json()) as Array<{
      entity: string;
      action: string;
      username: string;
      before: Record<string, unknown> | null;
      after: { fileName: string; undone: boolean } | null;
    }>;
    expect(audit.map((e) => [e.entity, e.action, e.username, e.after?.fileName])).toEqual([
      ["import", "import_update", "t_admin_all", "v2.zip"],
      ["import", "import_insert", "t_planner_all", "v1.zip"],
    ]);
    expect(audit[0]?.before).toMatchObject({ declared_area_m2: 1600, land_use_code: "0601" });

    const hist = await (await app.request("/api/imports")).json();
    expect(
      hist.imports.slice(0, 2).map((i: { createdBy: string; fileName: string }) => [i.createdBy, i.fileName]),
    ).toEqual([
      ["t_admin_all", "v2.zip"],
      ["t_planner_all", "v1.zip"],
    ]);

    const notLast = await app.request(`/api/imports/${c1.body.importId}/undo`, {
      method: "POST",
      headers: { "Accept-Language": "en" },
    });
    expect(notLast.status).toBe(409);
    expect((await notLast.json()).error.code).toBe("import_not_last");

    const moved = await t.db.query<{ x: number }>(
      "SELECT ST_XMin(geom)::float8 AS x FROM plots WHERE code = 'RE-1'",
    );
    const u2 = await app.request(`/api/imports/${c2.body.importId}/undo`, { method: "POST" });
    expect(u2.status).toBe(200);
    expect(await u2.json()).toMatchObject({ deleted: 0, restored: 1 });
    const back = await t.db.query<{ x: number }>(
      "SELECT ST_XMin(geom)::float8 AS x FROM plots WHERE code = 'RE-1'",
    );
    expect(back[0]?.x).toBeLessThan(moved[0]?.x ?? 0);
    const u1 = await app.request(`/api/imports/${c1.body.importId}/undo`, { method: "POST" });
    expect(await u1.json()).toMatchObject({ deleted: 3, restored: 0 });
    expect(await plotCount(t.db)).toBe(before);
  });

  test("dry run lists overlaps with stored plots (亩), found only through the file's extent", async () => {
    const [stored] = await t.db.query<{ code: string; geom: string; mu: number }>(
      "SELECT code, ST_AsGeoJSON(geom) AS geom, area_mu::float8 AS mu FROM plots WHERE park_id = $1 ORDER BY id LIMIT 1",
      [park.id],
    );
    if (!stored) throw new Error("no stored plot in the park");
    const fc = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: JSON.parse(stored.geom), properties: { 宗地编码: "OVX-1" } }],
    };
    const { status, body } = await postImport(
      app,
      { bytes: new TextEncoder().encode(JSON.stringify(fc)), name: "over.geojson" },
      { target: "plots", parkId: String(park.id), dryRun: "true" },
    );
    expect(status).toBe(200);
    const over = body.issues.filter((i) => i.kind === "overlaps_existing");
    expect(over.map((i) => [i.code, i.detail])).toEqual([["OVX-1", stored.code]]);
    expect(over[0]?.areaMu).toBeCloseTo(stored.mu, 3);
  });

  test("KML dry run: placemarks with ExtendedData, WGS84 by definition, 宗地编码 mapped, nothing written", async () => {
    const before = await plotCount(t.db);
    const d = 0.0004;
    const ring = [
      [park.lng, park.lat],
      [park.lng + d, park.lat],
      [park.lng + d, park.lat + d],
      [park.lng, park.lat + d],
      [park.lng, park.lat],
    ]
      .map(([x, y]) => `${x},${y},0`)
      .join(" ");
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>KML-1</name><ExtendedData><Data name="宗地编码"><value>KML-1</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark></Document></kml>`;
    const { status, body } = await postImport(
      app,
      { bytes: new TextEncoder().encode(kml), name: "宗地.kml" },
      { target: "plots", parkId: String(park.id), dryRun: "true" },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      format: "kml",
      featureCount: 1,
      errorCount: 0,
      mapping: { code: "宗地编码" },
    });
    expect(body.crs).toMatchObject({ epsg: 4326 });
    expect(body.summary.inserted).toBe(1);
    expect(await plotCount(t.db)).toBe(before);
  });

  test("GeoJSON from AMap (GCJ-02) is shifted back on request and lands on the WGS84 positions", async () => {
    const square = (lng: number, lat: number) => {
      const d = 0.0004;
      return [
        [lng, lat],
        [lng + d, lat],
        [lng + d, lat + d],
        [lng, lat + d],
        [lng, lat],
      ];
    };
    const truth = [square(park.lng + 0.002, park.lat), square(park.lng + 0.003, park.lat)];
    const fc = {
      type: "FeatureCollection",
      features: truth.map((ring, i) => ({
        type: "Feature",
        properties: { 宗地编码: `GCJ-${i + 1}`, 供地状态: "已供" },
        geometry: { type: "Polygon", coordinates: [ring.map(([x = 0, y = 0]) => wgs84ToGcj02(x, y))] },
      })),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(fc));
    const r = await postImport(
      app,
      { bytes, name: "amap.geojson" },
      { target: "plots", parkId: String(park.id), sourceCoordinates: "gcj02" },
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ format: "geojson", sourceCoordinates: "gcj02", summary: { inserted: 2 } });
    const stored = await t.db.query<{ code: string; status: string; g: { coordinates: number[][][][] } }>(
      "SELECT code, status, ST_AsGeoJSON(geom, 15)::json AS g FROM plots WHERE code LIKE 'GCJ-%' ORDER BY code",
    );
    expect(stored.map((s) => [s.code, s.status])).toEqual([
      ["GCJ-1", "supplied"],
      ["GCJ-2", "supplied"],
    ]);
    stored.forEach((s, i) => {
      const ring = s.g.coordinates[0]?.[0] ?? [];
      for (const p of truth[i] ?? []) {
        const nearest = Math.min(
          ...ring.map((q) => Math.hypot((q[0] ?? 0) - (p[0] ?? 0), (q[1] ?? 0) - (p[1] ?? 0))),
        );
        expect(nearest).toBeLessThan(1e-8);
      }
    });
    expect((await app.request(`/api/imports/${r.body.importId}/undo`, { method: "POST" })).status).toBe(200);
  });

  test("CSV saved by Excel in GBK with a WKT column and Chinese headers", async () => {
    const d = 0.0003;
    const [x, y] = [park.lng + 0.004, park.lat];
    const wkt = `"POLYGON ((${x} ${y}, ${x + d} ${y}, ${x + d} ${y + d}, ${x} ${y + d}, ${x} ${y}))"`;
    const text = `宗地编码,地类编码,用地面积亩,WKT\r\nCSV-1,0601,1.5,${wkt}\r\n`;
    const { default: iconv } = await import("iconv-lite");
    const bytes = new Uint8Array(iconv.encode(text, "gbk"));
    const r = await postImport(
      app,
      { bytes, name: "宗地.csv" },
      { target: "plots", parkId: String(park.id), dryRun: "true" },
    );
    expect(r.status).toBe(200);
    expect(r.body.encoding).toMatchObject({ name: "gbk", source: "detected" });
    expect(r.body.mapping).toMatchObject({
      code: "宗地编码",
      landUseCode: "地类编码",
      declaredAreaMu: "用地面积亩",
    });
    expect(r.body.featureCount).toBe(1);
  });

  test("a large upload runs as a background job with progress and the same result", async () => {
    const before = await plotCount(t.db);
    const zip = gkSquaresZip({ ...park, codes: codes("JOB", 4), sizeM: 30, shiftM: () => 400 });
    const { status, body } = await postImport(
      app,
      { bytes: zip, name: "job.zip" },
      { target: "plots", parkId: String(park.id), background: "true" },
    );
    expect(status).toBe(202);
    expect(body.progressUrl).toBe(`/api/imports/jobs/${body.jobId}`);
    let job: { status: string; progressRatio: number; importId: number | null } = {
      status: "running",
      progressRatio: 0,
      importId: null,
    };
    for (let i = 0; i < 200 && job.status === "running"; i++) {
      job = await (await app.request(body.progressUrl)).json();
      if (job.status === "running") await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: "succeeded", progressRatio: 1, importId: expect.any(Number) });
    expect(await plotCount(t.db)).toBe(before + 4);
    const u = await app.request(`/api/imports/${job.importId}/undo`, { method: "POST" });
    expect(u.status).toBe(200);
    const missing = await app.request("/api/imports/jobs/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
  });

  describe("hostile or broken input: 4xx in Chinese and English, plot count unchanged", () => {
    const good = () => gkSquaresZip({ ...park, codes: codes("BAD", 2), sizeM: 40 });
    const entries = (zip: Uint8Array) => unzipSync(zip);
    const cases: [string, () => Uint8Array, string, string][] = [
      [
        "truncated .shp",
        () => {
          const e = entries(good());
          const shp = e["宗地/zd.shp"] ?? new Uint8Array();
          return zipSync({ ...e, "宗地/zd.shp": shp.slice(0, shp.length - 30) });
        },
        "import_truncated_file",
        "x.zip",
      ],
      [
        ".shp without .dbf",
        () => {
          const { "宗地/zd.dbf": _, ...rest } = entries(good());
          return zipSync(rest);
        },
        "import_missing_sidecar",
        "x.zip",
      ],
      [
        "zip entry with ../",
        () => zipSync({ ...entries(good()), "../../etc/zd.cpg": new Uint8Array([65]) }),
        "import_unsafe_zip_entry",
        "x.zip",
      ],
      [
        "zip bomb by ratio",
        () => zipSync({ ...entries(good()), "pad.dbf": new Uint8Array(16 << 20) }, { level: 9 }),
        "import_zip_ratio",
        "x.zip",
      ],
      ["empty file", () => new Uint8Array(), "import_empty_file", "x.zip"],
      [
        "unknown projection",
        () =>
          zipSync({
            ...entries(good()),
            "宗地/zd.prj": new TextEncoder().encode(
              esriWkt(4523)
                .replace("Gauss_Kruger", "Foo_Bar")
                .replace("CGCS2000_3_Degree_GK_Zone_35", "Mystery"),
            ),
          }),
        "import_unknown_projection",
        "x.zip",
      ],
      ["unsupported format", () => new TextEncoder().encode("hello"), "import_unsupported_format", "x.docx"],
      [
        "coordinates impossible under the .prj (real mapshaper chinese.shp)",
        () => zipParts(fixtureParts("mapshaper_dbf_cp936", "chinese")),
        "import_coordinates_out_of_range",
        "chinese.zip",
      ],
      [
        "one point among polygons (all or nothing)",
        () =>
          gkSquaresZip({
            ...park,
            codes: codes("MIX", 2),
            sizeM: 40,
            extra: [
              {
                geometry: { type: "Point", coordinates: [35_420_000, 2_585_000] },
                properties: { 宗地编码: "MIX-P" },
              },
            ],
          }),
        "import_validation_failed",
        "x.zip",
      ],
    ];
    test.each(cases)("%s", async (_name, make, code, fileName) => {
      const before = await plotCount(t.db);
      const bytes = make();
      const zh = await postImport(
        app,
        { bytes, name: fileName },
        { target: "plots", parkId: String(park.id) },
        { lang: "zh-CN" },
      );
      const en = await postImport(
        app,
        { bytes, name: fileName },
        { target: "plots", parkId: String(park.id) },
        { lang: "en" },
      );
      expect(zh.status).toBeGreaterThanOrEqual(400);
      expect(zh.status).toBeLessThan(500);
      expect(zh.body.error.code).toBe(code);
      expect(en.body.error.code).toBe(code);
      expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(en.body.error.message).toMatch(/^[\x20-\x7e]+$/);
      expect(await plotCount(t.db)).toBe(before);
    });

    test("zip bomb by total size (limit from the app's deps)", async () => {
      const small = await signIn(
        createApp({
          db: t.db,
          log: () => {},
          zipLimits: { maxTotalBytes: 1000, maxRatio: 200, ratioFloorBytes: 1 << 20, maxEntries: 100 },
        }),
        t.db,
      );
      const before = await plotCount(t.db);
      const r = await postImport(
        small,
        { bytes: good(), name: "x.zip" },
        { target: "plots", parkId: String(park.id) },
        { lang: "en" },
      );
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe("import_zip_too_large");
      expect(await plotCount(t.db)).toBe(before);
    });

    test("an upload over maxUploadBytes is refused with 413 before parsing", async () => {
      const tiny = await signIn(createApp({ db: t.db, log: () => {}, maxUploadBytes: 500 }), t.db);
      const before = await plotCount(t.db);
      const r = await postImport(
        tiny,
        { bytes: good(), name: "x.zip" },
        { target: "plots", parkId: String(park.id) },
        { lang: "en" },
      );
      expect(r.status).toBe(413);
      expect(r.body.error).toMatchObject({ code: "import_file_too_large" });
      expect(r.body.error.message).toContain("limit");
      expect(await plotCount(t.db)).toBe(before);
    });

    test("a code already used in another park blocks the whole import (422 with the report)", async () => {
      const [other] = await t.db.query<{ code: string }>(
        "SELECT code FROM plots WHERE park_id <> $1 LIMIT 1",
        [park.id],
      );
      const before = await plotCount(t.db);
      const zip = gkSquaresZip({ ...park, codes: ["NEW-1", other?.code ?? "?"], sizeM: 40 });
      const r = await postImport(
        app,
        { bytes: zip, name: "x.zip" },
        { target: "plots", parkId: String(park.id) },
        { lang: "en" },
      );
      expect(r.status).toBe(422);
      expect(r.body.error.details?.issues.some((i) => i.kind === "code_in_other_park")).toBe(true);
      expect(await plotCount(t.db)).toBe(before);
    });

    test("bad form input is 400 invalid_request, unknown park 404", async () => {
      const r = await postImport(
        app,
        { bytes: good(), name: "x.zip" },
        { target: "parcels", parkId: String(park.id) },
        { lang: "en" },
      );
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
      const p = await postImport(
        app,
        { bytes: good(), name: "x.zip" },
        { target: "plots", parkId: "999999" },
        { lang: "en" },
      );
      expect(p.status).toBe(404);
      expect(p.body.error.code).toBe("park_not_found");
    });
  });
});
