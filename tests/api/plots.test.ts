import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { PlotFeatureProperties } from "../../api/schemas/plots.ts";
import { PlotFeaturePropertiesSchema } from "../../api/schemas/plots.ts";
import type { Zone } from "../../api/schemas/zones.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type Plots = FeatureCollection<Geometry, PlotFeatureProperties>;

describe.each(ADAPTERS)("plots API on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let zones: Zone[];

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    zones = (await getJson<Zone[]>(app, "/api/zones")).body;
  });
  afterAll(async () => t.cleanup());

  test("GET /api/plots?park= returns that park's plots as GeoJSON with the documented properties", async () => {
    const park = zones[0]?.parks[0];
    const { status, body } = await getJson<Plots>(app, `/api/plots?park=${park?.id}`);
    expect(status).toBe(200);
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(park?.plotCount ?? -1);
    for (const f of body.features) {
      PlotFeaturePropertiesSchema.parse(f.properties);
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.parkId).toBe(park?.id);
      expect(f.properties.areaMu).toBeGreaterThan(0);
      expect(f.geometry.type).toBe("MultiPolygon");
    }
    const withFirm = body.features.find((f) => f.properties.enterpriseName !== null);
    expect(withFirm?.properties.enterpriseId).toEqual(expect.any(Number));
  });

  test("the demo holds ≥ 600 plots, ≥ 30 in every park, with every status present", async () => {
    const all = (await getJson<Plots>(app, "/api/plots")).body;
    expect(all.features.length).toBeGreaterThanOrEqual(600);
    for (const z of zones) for (const p of z.parks) expect(p.plotCount).toBeGreaterThanOrEqual(30);
    const statuses = new Set(all.features.map((f) => f.properties.status));
    expect([...statuses].sort()).toEqual(
      ["approved_unsupplied", "available", "built", "reclaimed", "supplied", "under_construction"].sort(),
    );
  });

  test("zone and status filters narrow the list", async () => {
    const lc = zones.find((z) => z.code === "lincang-hitech");
    const inZone = (await getJson<Plots>(app, `/api/plots?zone=${lc?.id}`)).body;
    const expected = lc?.parks.reduce((n, p) => n + p.plotCount, 0);
    expect(inZone.features).toHaveLength(expected ?? -1);
    const built = (await getJson<Plots>(app, `/api/plots?zone=${lc?.id}&status=built`)).body;
    expect(built.features.length).toBeGreaterThan(0);
    expect(built.features.every((f) => f.properties.status === "built")).toBe(true);
  });

  test.each([
    ["/api/plots?park=abc", "park"],
    ["/api/plots?park=-3", "park"],
    ["/api/plots?status=demolished", "status"],
    ["/api/plots?zone=1.5", "zone"],
  ])("%s → 400 naming %s", async (path, field) => {
    const { status, body } = await getJson<ErrorBody>(app, path, "en");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain(`parameter ${field}:`);
  });

  test("unknown park or zone → 404", async () => {
    expect((await getJson<ErrorBody>(app, "/api/plots?park=987654")).body.error.code).toBe("park_not_found");
    const zone = await getJson<ErrorBody>(app, "/api/plots?zone=987654");
    expect(zone.status).toBe(404);
    expect(zone.body.error.code).toBe("zone_not_found");
  });
});
