import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { ParkDetail, Zone } from "../../api/schemas/zones.ts";
import { ZoneSchema } from "../../api/schemas/zones.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe.each(ADAPTERS)("zones and parks API on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let zones: Zone[];
  const byCode = (code: string) => {
    const z = zones.find((zone) => zone.code === code);
    if (!z) throw new Error(`zone ${code} missing`);
    return z;
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    zones = (await getJson<Zone[]>(app, "/api/zones")).body;
  });
  afterAll(async () => t.cleanup());

  test("GET /api/health names the adapter and the PostGIS version", async () => {
    const { status, body } = await getJson<{ ok: boolean; db: string; postgis: string }>(app, "/api/health");
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.db).toBe(kind);
    expect(body.postgis).toMatch(/^3\.\d+/);
  });

  test("GET /api/zones lists 文山高新区 with exactly three parks", () => {
    for (const z of zones) ZoneSchema.parse(z);
    const ws = byCode("wenshan-hitech");
    expect(ws.name).toBe("文山高新区");
    expect(ws.parks.map((p) => p.name).sort()).toEqual(
      ["文山三七药物产业园区", "砚山工业园区", "马塘工业园区"].sort(),
    );
    expect(ws.parks.every((p) => p.role === "park")).toBe(true);
    expect(ws.isDemo).toBe(true);
  });

  test("GET /api/zones lists 临沧高新区 as 一核四园: one core and four enclaves tied to it", () => {
    const lc = byCode("lincang-hitech");
    expect(lc.name).toBe("临沧高新区");
    const cores = lc.parks.filter((p) => p.role === "core");
    const enclaves = lc.parks.filter((p) => p.role === "enclave");
    expect(cores).toHaveLength(1);
    expect(enclaves).toHaveLength(4);
    expect(lc.parks).toHaveLength(5);
    expect(enclaves.every((p) => p.partnerParkId === cores[0]?.id)).toBe(true);
    expect(enclaves.map((p) => p.county).sort()).toEqual(
      ["云县", "凤庆县", "沧源佤族自治县", "镇康县"].sort(),
    );
  });

  test("each zone's bbox frames all its parks and parks carry sizes in 亩", () => {
    for (const z of zones) {
      const [x0, y0, x1, y1] = z.bbox ?? [0, 0, 0, 0];
      for (const p of z.parks) {
        expect(p.bbox[0]).toBeGreaterThanOrEqual(x0);
        expect(p.bbox[1]).toBeGreaterThanOrEqual(y0);
        expect(p.bbox[2]).toBeLessThanOrEqual(x1);
        expect(p.bbox[3]).toBeLessThanOrEqual(y1);
        expect(p.boundaryAreaMu).toBeGreaterThan(0);
        expect(p.plotCount).toBeGreaterThanOrEqual(30);
      }
    }
    const sanqi = byCode("wenshan-hitech").parks.find((p) => p.code === "wenshan-sanqi");
    expect(sanqi?.approvedAreaMu).toBeCloseTo(23.4e6 / M2_PER_MU, 6); // 35,100 亩
  });

  test("GET /api/parks/:id returns the boundary; unknown id → 404 in the asked language", async () => {
    const park = byCode("lincang-hitech").parks[0];
    const ok = await getJson<ParkDetail>(app, `/api/parks/${park?.id}`);
    expect(ok.status).toBe(200);
    expect(ok.body.boundary.type).toBe("MultiPolygon");
    expect(ok.body.zoneName).toBe("临沧高新区");

    const zh = await getJson<ErrorBody>(app, "/api/parks/999999");
    expect(zh.status).toBe(404);
    expect(zh.body.error).toEqual({ code: "park_not_found", message: "园区 999999 不存在" });
    const en = await getJson<ErrorBody>(app, "/api/parks/999999", "en");
    expect(en.body.error.message).toBe("Park 999999 does not exist");
  });

  test("malformed ids → 400 invalid_request naming the field", async () => {
    const { status, body } = await getJson<ErrorBody>(app, "/api/parks/abc", "en");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^Invalid request parameter id:/);
    expect(body.error.details).toEqual([expect.objectContaining({ path: "id" })]);
  });

  test("unknown routes → 404 route_not_found", async () => {
    const { status, body } = await getJson<ErrorBody>(app, "/api/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("route_not_found");
  });

  test("GET /api/zones/:id/context returns roads, rivers and county outlines", async () => {
    const z = byCode("wenshan-hitech");
    const { status, body } = await getJson<{ features: { properties: { kind: string } }[] }>(
      app,
      `/api/zones/${z.id}/context`,
    );
    expect(status).toBe(200);
    const kinds = new Set(body.features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(["county", "river", "road"]);
    expect((await getJson<ErrorBody>(app, "/api/zones/424242/context")).body.error.code).toBe(
      "zone_not_found",
    );
  });

  test("GET /api/constraints?zone= lists farmland, redline and development boundary with 亩", async () => {
    const z = byCode("lincang-hitech");
    const { status, body } = await getJson<{ features: { properties: { type: string; areaMu: number } }[] }>(
      app,
      `/api/constraints?zone=${z.id}`,
    );
    expect(status).toBe(200);
    const types = new Set(body.features.map((f) => f.properties.type));
    for (const t of ["permanent_farmland", "ecological_redline", "development_boundary"])
      expect(types.has(t)).toBe(true);
    expect(body.features.every((f) => f.properties.areaMu > 0)).toBe(true);
    const only = await getJson<{ features: { properties: { type: string } }[] }>(
      app,
      `/api/constraints?zone=${z.id}&type=ecological_redline`,
    );
    expect(only.body.features.length).toBeGreaterThan(0);
    expect(only.body.features.every((f) => f.properties.type === "ecological_redline")).toBe(true);
    const missing = await getJson<ErrorBody>(app, "/api/constraints", "en");
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/parameter zone/);
  });
});
