import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { LandProperties, LandZone } from "../../api/schemas/land.ts";
import type { PlotListProperties } from "../../api/schemas/plots.ts";
import {
  addConfidentialNumbers,
  type ConfidentialValues,
  findLeaks,
  loadConfidential,
} from "../helpers/leak_check.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

/** Route prefixes of the public investor portal; everything else is staff (protected with issue #9). */
const PUBLIC_PREFIXES = ["/api/land", "/api/match", "/api/inquiries"];

describe.each(ADAPTERS)("investor portal confidentiality on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let conf: ConfidentialValues;
  /** `METHOD path-pattern` of every public route the walk reached. */
  const walked = new Set<string>();
  const payloads: Array<{ what: string; body: unknown }> = [];

  async function call(
    method: "GET" | "POST",
    path: string,
    pattern: string,
    body?: unknown,
  ): Promise<unknown> {
    const res = await app.request(path, {
      method,
      headers: { "Content-Type": "application/json", "Accept-Language": "en" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    walked.add(`${method} ${pattern}`);
    payloads.push({ what: `${method} ${path} → ${res.status}`, body: json });
    return json;
  }

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = createApp({ db: t.db, log: () => {} });
    conf = await loadConfidential(t.db);
    // Per-plot figures the staff map shows (the firm's statistics split over its plots) are confidential too.
    const staff = await (await signIn(app, t.db, { role: "reviewer" })).request("/api/plots");
    const plots = (await staff.json()) as FeatureCollection<Geometry, PlotListProperties>;
    addConfidentialNumbers(
      conf,
      plots.features.flatMap((f) => [f.properties.outputPerMuWan, f.properties.taxPerMuWan]),
    );

    const zones = (await call("GET", "/api/land/zones", "/api/land/zones")) as LandZone[];
    await call("GET", "/api/land", "/api/land");
    for (const z of zones) {
      const land = (await call("GET", `/api/land?zone=${z.id}`, "/api/land")) as FeatureCollection<
        Geometry,
        LandProperties
      >;
      await call("GET", `/api/land?zone=${z.id}&standard=true&industry=C32&minMu=1`, "/api/land");
      for (const f of land.features) await call("GET", `/api/land/${f.properties.id}`, "/api/land/:id");
      for (const p of z.parks) {
        await call("GET", `/api/land/parks/${p.id}`, "/api/land/parks/:id");
        for (const industry of ["C3216", "C2740", "tea", "物流"])
          await call("POST", "/api/match", "/api/match", {
            industry,
            areaMu: 30,
            investmentWan: 9000,
            expectedOutputWan: 15_000,
            energyTce: 900,
            preferredParkId: p.id,
            limit: 200,
          });
      }
    }
    // Error answers are payloads too.
    const [built] = await t.db.query<{ id: number }>("SELECT id FROM plots WHERE status = 'built' LIMIT 1");
    await call("GET", `/api/land/${built?.id}`, "/api/land/:id");
    await call("GET", "/api/land/parks/999999", "/api/land/parks/:id");
    await call("POST", "/api/inquiries", "/api/inquiries", {
      contactName: "Leak test",
      email: "leak@example.com",
      message: "hello",
      lang: "en",
    });
    await call("POST", "/api/inquiries", "/api/inquiries", { contactName: "x", message: "no contact" });
  });
  afterAll(async () => t.cleanup());

  test("the detector is not vacuous: the staff plot list trips it on names, firms and figures", async () => {
    const reviewer = await signIn(app, t.db, { role: "reviewer" });
    const staff = (await (await reviewer.request("/api/plots")).json()) as unknown;
    const leaks = findLeaks(staff, conf);
    expect(leaks.some((l) => l.includes("enterpriseName: confidential field name"))).toBe(true);
    expect(leaks.some((l) => l.includes("value contains"))).toBe(true);
    expect(leaks.some((l) => l.includes("enterprise figure"))).toBe(true);
    expect(conf.strings.size).toBeGreaterThan(900);
    expect(conf.numbers.size).toBeGreaterThan(5000);
  });

  test("the walk reached every public route of the app", () => {
    const publicRoutes = app.routes
      .filter(
        (r) => r.method !== "ALL" && PUBLIC_PREFIXES.some((p) => r.path === p || r.path.startsWith(`${p}/`)),
      )
      .map((r) => `${r.method} ${r.path.replace(/\/$/, "")}`);
    expect(publicRoutes.length).toBeGreaterThanOrEqual(6);
    expect([...new Set(publicRoutes)].filter((r) => !walked.has(r))).toEqual([]);
  });

  test("no public payload carries a confidential field name or value", () => {
    expect(payloads.length).toBeGreaterThan(120);
    const leaks = payloads.flatMap((p) => findLeaks(p.body, conf).map((l) => `${p.what} ${l}`));
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  test("a publicly named enterprise does appear on its park profile (the rule is not 'hide everything')", () => {
    const named = payloads.filter((p) => JSON.stringify(p.body).includes('"publicEnterprises":[{'));
    expect(named.length).toBeGreaterThan(0);
  });
});
