import { readFileSync } from "node:fs";
import { area, bbox, booleanClockwise, booleanWithin, intersect, kinks } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { beforeAll, describe, expect, test } from "vitest";
import {
  DEMO_FILES,
  type DemoDataset,
  DemoDatasetSchema,
  type DemoPlotProperties,
} from "../../api/schemas/demo_dataset.ts";
import { DEMO_AS_OF, generateDemoDataset } from "../../data/demo/generate.ts";
import { serializeDemoDataset } from "../../data/demo/serialize.ts";

const DEMO_DIR = new URL("../../data/demo/", import.meta.url);
const OCCUPIED = ["supplied", "under_construction", "built"];

let ds: DemoDataset;
beforeAll(() => {
  ds = generateDemoDataset();
});

const plotsOf = (parkCode: string) => ds.plots.features.filter((f) => f.properties.parkCode === parkCode);
const allParks = () => ds.zones.flatMap((z) => z.parks);
const asFeature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({
  type: "Feature",
  properties: {},
  geometry,
});

/** Full years from `from` to `to` (both `YYYY-MM-DD`). */
function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  if (fy === undefined || fm === undefined || fd === undefined) return 0;
  if (ty === undefined || tm === undefined || td === undefined) return 0;
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The 2012 idle-land rules (国土资源部令第53号 art. 2, 8, 14) as in domain.md §5. */
function idleStage(p: DemoPlotProperties, today: string): "none" | "fee" | "forfeiture" | "exempt" {
  if (!OCCUPIED.includes(p.status) || p.agreedStartDate === null) return "none";
  const started = p.actualStartDate !== null && p.actualStartDate <= today;
  let from: string | null = null;
  let trigger: "not_started" | "stalled" | null = null;
  if (!started) [from, trigger] = [p.agreedStartDate, "not_started"];
  else if (
    p.suspendedSince !== null &&
    ((p.developedAreaRatio ?? 1) < 1 / 3 ||
      (p.investedExclLandWan ?? 0) / (p.totalInvestmentExclLandWan ?? Number.POSITIVE_INFINITY) < 0.25)
  ) {
    [from, trigger] = [p.suspendedSince, "stalled"];
  }
  if (from === null) return "none";
  const y = fullYears(from, today);
  if (y < 1) return "none";
  if (p.delayCause === "government" || p.delayCause === "force_majeure") return "exempt";
  return y >= 2 && trigger === "not_started" ? "forfeiture" : "fee";
}

describe("demo dataset", () => {
  test("matches the shared schema", () => {
    expect(() => DemoDatasetSchema.parse(ds)).not.toThrow();
  });

  test("committed files equal fresh generator output byte for byte", () => {
    const fresh = serializeDemoDataset(generateDemoDataset());
    for (const file of Object.values(DEMO_FILES)) {
      expect(readFileSync(new URL(file, DEMO_DIR), "utf8"), file).toBe(fresh[file]);
    }
    expect(Object.keys(fresh).sort()).toEqual(Object.values(DEMO_FILES).sort());
  });

  test("has 文山高新区 with three parks and 临沧高新区 with one core and four enclaves", () => {
    const wenshan = ds.zones.find((z) => z.code === "wenshan-hitech");
    const lincang = ds.zones.find((z) => z.code === "lincang-hitech");
    expect(ds.zones).toHaveLength(2);
    expect(wenshan?.name).toBe("文山高新区");
    expect(wenshan?.parks.map((p) => p.role)).toEqual(["park", "park", "park"]);
    expect(lincang?.name).toBe("临沧高新区");
    expect(lincang?.parks.filter((p) => p.role === "core").map((p) => p.code)).toEqual(["lincang-core"]);
    const enclaves = lincang?.parks.filter((p) => p.role === "enclave") ?? [];
    expect(enclaves).toHaveLength(4);
    for (const e of enclaves) expect(e.partnerParkCode).toBe("lincang-core");
  });

  test("has at least 600 plots, at least 30 per park, with unique codes", () => {
    expect(ds.plots.features.length).toBeGreaterThanOrEqual(600);
    for (const park of allParks()) expect(plotsOf(park.code).length, park.code).toBeGreaterThanOrEqual(30);
    const codes = ds.plots.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("every plot lies within its park boundary", () => {
    for (const park of allParks()) {
      const outside = plotsOf(park.code).filter((f) => !booleanWithin(f.geometry, park.geometry));
      expect(
        outside.map((f) => f.properties.code),
        park.code,
      ).toEqual([]);
    }
  });

  test("no two plots of a park overlap (intersection < 1 m²)", () => {
    for (const park of allParks()) {
      const plots = plotsOf(park.code).map((f) => ({ f, b: bbox(f.geometry) }));
      const overlaps: string[] = [];
      for (let i = 0; i < plots.length; i++) {
        for (let j = i + 1; j < plots.length; j++) {
          const a = plots[i];
          const b = plots[j];
          if (a === undefined || b === undefined) continue;
          if (a.b[0] > b.b[2] || b.b[0] > a.b[2] || a.b[1] > b.b[3] || b.b[1] > a.b[3]) continue;
          const x = intersect({
            type: "FeatureCollection",
            features: [asFeature(a.f.geometry), asFeature(b.f.geometry)],
          });
          if (x !== null && area(x) >= 1) overlaps.push(`${a.f.properties.code}×${b.f.properties.code}`);
        }
      }
      expect(overlaps, park.code).toEqual([]);
    }
  });

  test("every polygon is simple with a counter-clockwise outer ring (RFC 7946)", () => {
    const polygons: [string, Polygon | MultiPolygon][] = [
      ...ds.plots.features.map((f) => [f.properties.code, f.geometry] as [string, Polygon | MultiPolygon]),
      ...allParks().map((p) => [p.code, p.geometry] as [string, Polygon | MultiPolygon]),
      ...ds.constraints.features.map(
        (f) => [f.properties.name ?? "", f.geometry] as [string, Polygon | MultiPolygon],
      ),
    ];
    const bad = polygons.filter(([, g]) => {
      const outers = g.type === "Polygon" ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
      return kinks(g).features.length > 0 || outers.some((r) => r === undefined || booleanClockwise(r));
    });
    expect(bad.map(([name]) => name)).toEqual([]);
  });

  test("has plots of every status; every park has built, available and approved-unsupplied plots", () => {
    const statuses = new Set(ds.plots.features.map((f) => f.properties.status));
    expect([...statuses].sort()).toEqual(
      ["approved_unsupplied", "available", "built", "reclaimed", "supplied", "under_construction"].sort(),
    );
    for (const park of allParks()) {
      const s = new Set(plotsOf(park.code).map((f) => f.properties.status));
      expect([s.has("built"), s.has("available"), s.has("approved_unsupplied")], park.code).toEqual([
        true,
        true,
        true,
      ]);
    }
    const standard = ds.plots.features.filter((f) => f.properties.isStandardLand);
    expect(standard.length).toBeGreaterThan(0);
    expect(
      standard.every(
        (f) => f.properties.status === "available" && f.properties.stdMinInvestmentPerMuWan !== null,
      ),
    ).toBe(true);
  });

  test("unoccupied plots have no enterprise; occupied plots reference an existing one", () => {
    const codes = new Set(ds.enterprises.map((e) => e.creditCode));
    expect(codes.size).toBe(ds.enterprises.length);
    for (const f of ds.plots.features) {
      const c = f.properties.enterpriseCreditCode;
      if (OCCUPIED.includes(f.properties.status))
        expect(c !== null && codes.has(c), f.properties.code).toBe(true);
      else expect(c, f.properties.code).toBeNull();
    }
  });

  test(`has idle plots under the 2012 rules as of ${DEMO_AS_OF}, including forfeiture and exempt cases`, () => {
    const stages = ds.plots.features.map((f) => idleStage(f.properties, DEMO_AS_OF));
    const idle = stages.filter((s) => s === "fee" || s === "forfeiture").length;
    expect(idle / stages.length).toBeGreaterThan(0.03);
    expect(idle / stages.length).toBeLessThan(0.08);
    expect(stages).toContain("forfeiture");
    expect(stages).toContain("exempt");
  });

  test("statistics cover 2020–2024 and almost every built plot's firm reports", () => {
    const years = new Set(ds.enterprises.flatMap((e) => e.stats.map((s) => s.year)));
    expect([...years].sort()).toEqual([2020, 2021, 2022, 2023, 2024]);
    const byCode = new Map(ds.enterprises.map((e) => [e.creditCode, e]));
    const builtFirms = new Set(
      ds.plots.features
        .filter((f) => f.properties.status === "built")
        .map((f) => f.properties.enterpriseCreditCode),
    );
    const silent = [...builtFirms].filter((c) => c !== null && byCode.get(c)?.stats.length === 0);
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.length).toBeLessThanOrEqual(10);
  });

  test("investor part: every offered plot is available or reclaimed, every park offers land and has a profile", () => {
    const byCode = new Map(ds.plots.features.map((f) => [f.properties.code, f.properties]));
    const offered = ds.invest.landOffers.map((o) => byCode.get(o.plotCode));
    expect(offered.every((p) => p?.status === "available" || p?.status === "reclaimed")).toBe(true);
    const supply = ds.plots.features.filter((f) => ["available", "reclaimed"].includes(f.properties.status));
    expect(ds.invest.landOffers).toHaveLength(supply.length);
    const parksWithOffers = new Set(offered.map((p) => p?.parkCode));
    expect([...parksWithOffers].sort()).toEqual(
      allParks()
        .map((p) => p.code)
        .sort(),
    );
    expect(ds.invest.parkProfiles.map((p) => p.parkCode).sort()).toEqual(
      allParks()
        .map((p) => p.code)
        .sort(),
    );
    expect(offered.some((p) => p?.isStandardLand)).toBe(true);
  });

  test("investor part: referrals stay inside one zone, agreements tie each enclave to its core, named firms exist", () => {
    const zoneOf = new Map(ds.zones.flatMap((z) => z.parks.map((p) => [p.code, z.code])));
    expect(ds.invest.referrals.length).toBeGreaterThanOrEqual(2);
    for (const r of ds.invest.referrals) {
      expect(zoneOf.get(r.fromParkCode)).toBe(r.zoneCode);
      expect(zoneOf.get(r.toParkCode)).toBe(r.zoneCode);
      expect(r.fromParkCode).not.toBe(r.toParkCode);
    }
    const enclaves = allParks().filter((p) => p.role === "enclave");
    expect(ds.invest.shareAgreements.map((a) => a.enclaveParkCode).sort()).toEqual(
      enclaves.map((p) => p.code).sort(),
    );
    for (const a of ds.invest.shareAgreements) {
      const park = enclaves.find((p) => p.code === a.enclaveParkCode);
      expect(a.partnerParkCode).toBe(park?.partnerParkCode);
      expect(a.hostInputRatio + a.hostTiltRatio).toBeCloseTo(park?.hostBenefitShareRatio ?? Number.NaN, 9);
    }
    const firms = new Set(ds.enterprises.map((e) => e.creditCode));
    expect(ds.invest.publicEnterprises.length).toBeGreaterThan(0);
    expect(ds.invest.publicEnterprises.every((c) => firms.has(c))).toBe(true);
  });
});
