import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { CheckResult } from "../../api/expansion/check.ts";
import type { ErrorBody } from "../helpers/api.ts";
import { getJson } from "../helpers/api.ts";
import { type ExpansionFixture, insertExpansionFixture, rect } from "../helpers/expansion_fixture.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

describe.each(ADAPTERS)("POST /api/expansion/check and GET /api/expansion/eligibility on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let fx: ExpansionFixture;
  const post = async <T>(body: unknown, lang = "zh-CN") => {
    const res = await app.request("/api/expansion/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": lang },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    fx = await insertExpansionFixture(t.db);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
  });
  afterAll(async () => t.cleanup());

  test("clean land south of the park passes", async () => {
    const { status, body } = await post<CheckResult>({
      geometry: rect(-500, 0, -1000, -600),
      zoneId: fx.zoneId,
    });
    expect(status).toBe(200);
    expect(body.verdict).toBe("pass");
    expect(body.conflictsMu.permanent_farmland).toBe(0);
    expect(body.insideBoundaryRatio).toBeCloseTo(1, 6);
    expect(body.areaMu).toBeCloseTo((500 * 400) / (10_000 / 15), -1);
  });

  test("a polygon half on farmland fails with the conflict in 亩; the zone is found from the nearest park", async () => {
    // farmland block x −2000…−800; this box x −1200…−600 overlaps it by 400 m × 200 m = 120 亩
    const { status, body } = await post<CheckResult>({ geometry: rect(-1200, -600, -700, -500) });
    expect(status).toBe(200);
    expect(body.zoneId).toBe(fx.zoneId);
    expect(body.verdict).toBe("fail");
    expect(body.conflictsMu.permanent_farmland).toBeGreaterThan(115);
    expect(body.conflictsMu.permanent_farmland).toBeLessThan(125);
  });

  test("outside the development boundary fails; overlap with flood warns; existing plots are reported", async () => {
    const out = await post<CheckResult>({ geometry: rect(-2800, -2000, -2500, -1800), zoneId: fx.zoneId });
    expect(out.body.verdict).toBe("fail");
    expect(out.body.insideBoundaryRatio).toBeLessThan(0.01);
    const flood = await post<CheckResult>({ geometry: rect(-300, 300, -1600, -1400), zoneId: fx.zoneId });
    expect(flood.body.verdict).toBe("warn");
    expect(flood.body.conflictsMu.flood).toBeGreaterThan(100);
    const onPlot = await post<CheckResult>({ geometry: rect(700, 1200, -200, 200), zoneId: fx.zoneId });
    expect(onPlot.body.existingLandMu).toBeGreaterThan(100);
    expect(onPlot.body.landUseMu["0604"]).toBeGreaterThan(100);
    expect(onPlot.body.verdict).toBe("warn");
  });

  test("a self-intersecting bow-tie: 400 with the crossing location, or repaired on request", async () => {
    const a = rect(-500, 0, -1000, -600).coordinates[0] ?? [];
    // (x0,y0) → (x1,y1) → (x1,y0) → (x0,y1): the diagonals cross at the centre
    const bowTie = { type: "Polygon", coordinates: [[a[0], a[2], a[1], a[3], a[0]]] };
    const rejected = await post<ErrorBody>({ geometry: bowTie, zoneId: fx.zoneId }, "en");
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.code).toBe("geometry_invalid");
    expect(rejected.body.error.message).toMatch(/Self-intersection/);
    const loc = (rejected.body.error.details as { location: [number, number] }).location;
    const cx = ((a[0]?.[0] ?? 0) + (a[1]?.[0] ?? 0)) / 2;
    const cy = ((a[0]?.[1] ?? 0) + (a[2]?.[1] ?? 0)) / 2;
    expect(loc[0]).toBeCloseTo(cx, 6);
    expect(loc[1]).toBeCloseTo(cy, 6);
    const repaired = await post<CheckResult>({ geometry: bowTie, zoneId: fx.zoneId, repair: true });
    expect(repaired.status).toBe(200);
    expect(repaired.body.repaired?.location?.[0]).toBeCloseTo(cx, 6);
    expect(repaired.body.geometry.coordinates).toHaveLength(2); // two triangles
    expect(repaired.body.areaMu).toBeGreaterThan(0);
  });

  test("zero area → 400 geometry_zero_area; bad bodies → 400; unknown zone → 404", async () => {
    const p = rect(0, 100, 0, 100).coordinates[0] ?? [];
    const flat = { type: "Polygon", coordinates: [[p[0], p[1], p[0], p[1], p[0]]] };
    const z = await post<ErrorBody>({ geometry: flat, zoneId: fx.zoneId, repair: true });
    expect(z.status).toBe(400);
    expect(z.body.error.code).toBe("geometry_zero_area");
    const zNoRepair = await post<ErrorBody>({ geometry: flat, zoneId: fx.zoneId });
    expect(zNoRepair.body.error.code).toBe("geometry_zero_area");
    const bad = await post<ErrorBody>({ geometry: { type: "Point", coordinates: [1, 2] } });
    expect(bad.body.error.code).toBe("invalid_request");
    const nz = await post<ErrorBody>({ geometry: rect(0, 100, 0, 100), zoneId: 99_999 });
    expect(nz.status).toBe(404);
    expect(nz.body.error.code).toBe("zone_not_found");
  });

  test("a zone with no constraint layers: the check runs, warns loudly and cannot pass", async () => {
    const emptyZone = (
      await t.db.query<{ zone_id: number }>("SELECT zone_id FROM parks WHERE id = $1", [fx.emptyZoneParkId])
    )[0]?.zone_id;
    const { status, body } = await post<CheckResult>({
      geometry: rect(-500, 500, 6100, 6500),
      zoneId: emptyZone,
    });
    expect(status).toBe(200);
    expect(body.verdict).toBe("warn");
    expect(body.insideBoundaryRatio).toBeNull();
    expect(body.warnings[0]?.code).toBe("constraints_missing");
  });

  test("eligibility: park and zone checklists with default thresholds, overridable", async () => {
    type Elig = {
      profile: { id: string; configurable: boolean };
      park: { checklist: { items: { indicator: string; pass: boolean | null; threshold: number }[] } };
      zone: { checklist: { eligible: boolean | null } };
    };
    const { status, body } = await getJson<Elig>(app, "/api/expansion/eligibility?park=1");
    expect(status).toBe(200);
    expect(body.profile.configurable).toBe(true);
    expect(body.park.checklist.items.map((i) => i.indicator)).toEqual([
      "developmentRate",
      "supplyRate",
      "builtRate",
      "idleRate",
      "outputPerMuWan",
    ]);
    expect(body.zone.checklist.eligible === null || typeof body.zone.checklist.eligible === "boolean").toBe(
      true,
    );
    const lax = await getJson<Elig>(app, "/api/expansion/eligibility?park=1&minBuiltRate=0&maxIdleRate=1");
    expect(lax.body.profile.id).toBe("custom");
    expect(lax.body.park.checklist.items[2]?.pass).toBe(true);
    expect(lax.body.park.checklist.items[3]?.pass).toBe(true);
    const nf = await getJson<ErrorBody>(app, "/api/expansion/eligibility?park=99999");
    expect(nf.body.error.code).toBe("park_not_found");
  });
});
