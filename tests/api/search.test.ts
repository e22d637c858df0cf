import type { FeatureCollection, Geometry } from "geojson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../api/app.ts";
import type { PlotFeatureProperties } from "../../api/schemas/plots.ts";
import { type SearchResponse, SearchResponseSchema } from "../../api/schemas/search.ts";
import type { Zone } from "../../api/schemas/zones.ts";
import { type ErrorBody, getJson } from "../helpers/api.ts";
import { signIn } from "../helpers/session.ts";
import { ADAPTERS, openAdapterDb, type TestDb } from "../helpers/test_db.ts";

type Plots = FeatureCollection<Geometry, PlotFeatureProperties>;

describe.each(ADAPTERS)("search API on %s", (kind) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let zones: Zone[];
  let plots: Plots;

  beforeAll(async () => {
    t = await openAdapterDb(kind);
    app = await signIn(createApp({ db: t.db, log: () => {} }), t.db);
    zones = (await getJson<Zone[]>(app, "/api/zones")).body;
    plots = (await getJson<Plots>(app, "/api/plots")).body;
  });
  afterAll(async () => t.cleanup());

  const search = async (qs: string) => {
    const res = await getJson<SearchResponse>(app, `/api/search?${qs}`);
    expect(res.status).toBe(200);
    return SearchResponseSchema.parse(res.body).results;
  };

  test("a full plot code finds that plot first, with its zone and park", async () => {
    const plot = plots.features[10]?.properties;
    if (!plot) throw new Error("no plots");
    const [hit] = await search(`q=${encodeURIComponent(plot.code.toLowerCase())}`);
    const zone = zones.find((z) => z.parks.some((p) => p.id === plot.parkId));
    expect(hit).toEqual({
      kind: "plot",
      id: plot.id,
      label: plot.code,
      labelEn: null,
      zoneId: zone?.id,
      parkId: plot.parkId,
      plotId: plot.id,
    });
  });

  test("part of an enterprise name finds the firm once, with its largest plot to open", async () => {
    const firmPlots = plots.features.filter((f) => f.properties.enterpriseName !== null);
    const name = firmPlots[0]?.properties.enterpriseName ?? "";
    const part = name.slice(2, 6);
    const results = await search(`q=${encodeURIComponent(part)}&limit=50`);
    const firm = results.filter((r) => r.kind === "enterprise" && r.label === name);
    expect(firm).toHaveLength(1);
    const own = firmPlots.filter((f) => f.properties.enterpriseName === name).map((f) => f.properties);
    const largest = [...own].sort((a, b) => b.areaMu - a.areaMu || a.id - b.id)[0];
    expect(firm[0]?.plotId).toBe(largest?.id);
    for (const r of results.filter((x) => x.kind === "enterprise"))
      expect(`${r.label} ${r.labelEn ?? ""}`.toLowerCase()).toContain(part.toLowerCase());
  });

  test("a park name (Chinese or English) finds the park; the zone filter keeps other zones out", async () => {
    const [wenshan, lincang] = zones;
    const park = lincang?.parks.find((p) => p.role === "enclave");
    if (!wenshan || !lincang || !park) throw new Error("demo zones missing");
    const byName = await search(`q=${encodeURIComponent(park.name)}`);
    expect(byName[0]).toMatchObject({ kind: "park", id: park.id, zoneId: lincang.id, plotId: null });
    const byEnglish = await search(`q=${encodeURIComponent(park.nameEn.slice(0, 8).toUpperCase())}`);
    expect(byEnglish.some((r) => r.kind === "park" && r.id === park.id)).toBe(true);
    expect(await search(`q=${encodeURIComponent(park.name)}&zone=${wenshan.id}`)).toEqual([]);
  });

  test("wildcards are literal: % and _ match nothing in the demo data", async () => {
    expect(await search("q=%25")).toEqual([]);
    expect(await search("q=_")).toEqual([]);
  });

  test("limit bounds the answer; exact and prefix hits come before substrings", async () => {
    const results = await search("q=GB&limit=7");
    expect(results).toHaveLength(7);
    const code = plots.features[0]?.properties.code ?? "";
    const ranked = await search(`q=${encodeURIComponent(code.slice(0, 12))}&limit=50`);
    expect(ranked.every((r) => r.label.toLowerCase().startsWith(code.slice(0, 12).toLowerCase()))).toBe(true);
  });

  test.each([
    ["/api/search", "q"],
    ["/api/search?q=%20%20", "q"],
    [`/api/search?q=${"x".repeat(101)}`, "q"],
    ["/api/search?q=a&zone=abc", "zone"],
    ["/api/search?q=a&limit=0", "limit"],
    ["/api/search?q=a&limit=51", "limit"],
  ])("%s → 400 naming %s", async (path, field) => {
    const { status, body } = await getJson<ErrorBody>(app, path, "en");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain(`parameter ${field}:`);
  });

  test("an unknown zone → 404 zone_not_found in the asked language", async () => {
    const { status, body } = await getJson<ErrorBody>(app, "/api/search?q=a&zone=987654", "en");
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: "zone_not_found", message: "Zone 987654 does not exist" });
  });
});
