import { describe, expect, test } from "vitest";
import {
  economicIndicators,
  GeoError,
  M2_PER_MU,
  plotIndicators,
  safeRatio,
  scaleStats,
} from "../../geo/index.ts";
import { makePlot, makeStats } from "./factories.ts";

const LABELS = {
  numerator: { zh: "税收", en: "tax" },
  denominator: { zh: "面积", en: "area", field: "areaM2" },
};

describe("safeRatio", () => {
  test("divides finite numbers", () => {
    expect(safeRatio(3, 4, LABELS)).toEqual({ value: 0.75, reason: null });
  });
  test("allows a negative numerator (net tax, value added)", () => {
    expect(safeRatio(-3, 4, LABELS).value).toBe(-0.75);
  });
  test.each([
    [1, 0, "zero_denominator"],
    [0, 0, "zero_denominator"],
    [1, -2, "negative_denominator"],
    [null, 2, "missing_input"],
    [1, undefined, "missing_input"],
    [Number.NaN, 2, "non_finite_input"],
    [1, Number.POSITIVE_INFINITY, "non_finite_input"],
  ] as const)("%s / %s → null with %s", (n, d, code) => {
    const r = safeRatio(n, d, LABELS);
    expect(r.value).toBeNull();
    expect(r.reason?.code).toBe(code);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  test("names the denominator field of a zero area", () => {
    expect(safeRatio(1, 0, LABELS).reason).toMatchObject({ field: "areaM2", en: "area is zero" });
  });
});

describe("plotIndicators (hand-computed)", () => {
  // 20,000 m² = 30 亩 = 2 ha
  const plot = makePlot({
    areaM2: 20_000,
    builtFloorAreaM2: 16_000,
    buildingFootprintM2: 9_000,
    structuresYardM2: 3_000,
    investedExclLandWan: 4_500,
    landPriceWan: 600,
  });
  const stats = makeStats(1, 2024, {
    outputWan: 15_000,
    valueAddedWan: 3_000,
    taxWan: 450,
    revenueWan: 16_000,
    energyTce: 1_200,
    emissionsT: 6,
    electricityKwh: 2_000_000,
    employees: 150,
    rndWan: 480,
  });
  const ind = plotIndicators(plot, stats, 2024);

  test("areas: 20,000 m² = 30 亩 = 2 ha", () => {
    expect(ind.areaMu).toBeCloseTo(30, 12);
    expect(ind.areaHa).toBe(2);
  });
  test("FAR 16,000 / 20,000 = 0.8; coverage (9,000 + 3,000) / 20,000 = 0.6; density 9,000 / 20,000 = 0.45", () => {
    expect(ind.far.value).toBeCloseTo(0.8, 14);
    expect(ind.coverage.value).toBeCloseTo(0.6, 14);
    expect(ind.buildingDensity.value).toBeCloseTo(0.45, 14);
  });
  test("investment incl. land (4,500 + 600) / 30 = 170 万元/亩; excl. land 4,500 / 30 = 150", () => {
    expect(ind.investmentPerMuWan.value).toBeCloseTo(170, 12);
    expect(ind.investmentExclLandPerMuWan.value).toBeCloseTo(150, 12);
  });
  test("per-mu figures: output 500, value added 100, tax 15, revenue 533.33 万元/亩", () => {
    expect(ind.outputPerMuWan.value).toBeCloseTo(500, 12);
    expect(ind.valueAddedPerMuWan.value).toBeCloseTo(100, 12);
    expect(ind.taxPerMuWan.value).toBeCloseTo(15, 12);
    expect(ind.revenuePerMuWan.value).toBeCloseTo(16_000 / 30, 12);
  });
  test("resource productivity: 2.5 万元/tce, 500 万元/t, 20 万元/person, R&D 3 %, tax 2.25 元/kWh", () => {
    expect(ind.valueAddedPerTceWan.value).toBeCloseTo(2.5, 14);
    expect(ind.valueAddedPerTonneWan.value).toBeCloseTo(500, 12);
    expect(ind.valueAddedPerEmployeeWan.value).toBeCloseTo(20, 14);
    expect(ind.rndIntensityRatio.value).toBeCloseTo(0.03, 14);
    expect(ind.taxPerKwhYuan.value).toBeCloseTo(2.25, 14); // 450 万元 = 4,500,000 元 / 2,000,000 kWh
    expect(ind.revenuePerTceWan.value).toBeCloseTo(16_000 / 1_200, 12);
    expect(ind.revenuePerTonneWan.value).toBeCloseTo(16_000 / 6, 10);
  });

  test("no statistics: every economic figure is null with 'no statistics', never zero", () => {
    const none = plotIndicators(plot, null, 2024);
    expect(none.taxPerMuWan).toMatchObject({
      value: null,
      reason: { code: "missing_input", en: "no statistics for 2024" },
    });
    expect(none.far.value).toBeCloseTo(0.8, 14);
  });
  test("a missing structures area makes coverage null (not footprint-only)", () => {
    const r = plotIndicators({ ...plot, structuresYardM2: null }, stats, 2024);
    expect(r.coverage).toMatchObject({
      value: null,
      reason: { code: "missing_input", field: "structuresYardM2" },
    });
    expect(r.buildingDensity.value).toBeCloseTo(0.45, 14);
  });
  test("a missing land price makes the incl.-land investment null", () => {
    const r = plotIndicators({ ...plot, landPriceWan: null }, stats, 2024);
    expect(r.investmentPerMuWan.reason?.field).toBe("landPriceWan");
    expect(r.investmentExclLandPerMuWan.value).toBeCloseTo(150, 12);
  });
  test("zero area: every per-area figure is null with zero_denominator; JSON has no NaN/Infinity", () => {
    const r = plotIndicators({ ...plot, areaM2: 0 }, stats, 2024);
    for (const k of [
      "far",
      "coverage",
      "buildingDensity",
      "investmentPerMuWan",
      "taxPerMuWan",
      "outputPerMuWan",
    ] as const)
      expect(r[k].reason?.code).toBe("zero_denominator");
    expect(r.valueAddedPerTceWan.value).toBeCloseTo(2.5, 14);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  test("zero energy and zero staff give null, not Infinity", () => {
    const r = economicIndicators({ ...stats, energyTce: 0, employees: 0 }, 20_000, 2024);
    expect(r.valueAddedPerTceWan.reason?.code).toBe("zero_denominator");
    expect(r.valueAddedPerEmployeeWan.reason?.code).toBe("zero_denominator");
  });
  test("the 亩 conversion is the exact 10000/15 m²", () => {
    expect(plotIndicators(makePlot({ areaM2: M2_PER_MU * 102.76 }), null, 2024).areaMu).toBeCloseTo(
      102.76,
      12,
    );
  });
});

describe("scaleStats (pro-rata split of an enterprise over its plots)", () => {
  test("scales additive figures, keeps ids and nulls", () => {
    const s = scaleStats(makeStats(7, 2024, { taxWan: 600, employees: 90, energyTce: null }), 5 / 6);
    expect(s.taxWan).toBeCloseTo(500, 12);
    expect(s.employees).toBeCloseTo(75, 12);
    expect(s.energyTce).toBeNull();
    expect([s.enterpriseId, s.year]).toEqual([7, 2024]);
  });
  test("a share outside [0, 1] is a programmer error", () => {
    expect(() => scaleStats(makeStats(1, 2024), 1.5)).toThrow(GeoError);
  });
});
