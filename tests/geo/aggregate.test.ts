import { describe, expect, test } from "vitest";
import {
  AGGREGATE_KEYS,
  aggregateLand,
  DEFAULT_TDT_SCORING,
  GeoError,
  guizhouOutputTarget,
  idleAssessments,
  isIndustrialLandUse,
  known,
  landPotentials,
  standardizedScore,
  tdtScores,
  trackTarget,
} from "../../geo/index.ts";
import { makePlot } from "./factories.ts";
import { FIXTURE_PARK } from "./fixture_park.ts";

const agg = aggregateLand(FIXTURE_PARK);
const DIGITS = 10;

describe("aggregateLand on the fixture park (computed by hand; see fixture_park.ts)", () => {
  test.each([
    // total = 30+60+15+9+45+12+75+150+18+6
    ["areaMu", 420],
    // A + B21 = (30+60+15+9) + (45+12+75+18+6) = 114 + 156
    ["supplyReadyMu", 270],
    // D = A + plots 5, 6, 10 = 114 + 45 + 12 + 6
    ["suppliedMu", 177],
    ["builtMu", 114],
    // G = plot 6 only (12 亩)
    ["idleMu", 12],
    ["approvedUnsuppliedMu", 150],
    ["availableMu", 75],
    // E = available 75 + reclaimed 18
    ["suppliableMu", 93],
    // A2 = built plots 1, 2 (0601) and 3 (100101) = 30 + 60 + 15
    ["industrialMu", 105],
  ] as const)("%s = %f 亩", (key, mu) => {
    expect(agg[key].value).toBeCloseTo(mu, DIGITS);
  });

  test.each([
    ["developmentRate", 270 / 420], // (A+B21)/(A+B)
    ["supplyRate", 177 / 270], // D/(A+B21)
    ["builtRate", 114 / 177], // A/D
    ["industrialLandRate", 105 / 114], // A2/A
    ["far", 56_000 / 70_000], // (16,000+28,000+12,000) m² / (20,000+40,000+10,000) m²: plot 4 has no floor area
    ["buildingDensity", 30_400 / 76_000], // (9,000+14,000+5,000+2,400) / (20,000+40,000+10,000+6,000) = 0.4
    ["industrialFar", 56_000 / 70_000], // A2: plots 1–3
    ["industrialCoverage", 38_000 / 70_000], // (12,000 + 20,000 + 6,000) / 70,000
    // cumulative FAI to 2024: E101 3,000+1,500+500 = 5,000; E102 (2,000+1,000)×5/6 = 2,500; E103 800 → 8,300 / 105 亩
    ["investmentPerMuWan", 8_300 / 105],
    ["investmentPerHaWan", (8_300 / 105) * 15],
    // 2024 tax: E101 900 + E102 600×5/6 = 500 → 1,400 / (30+60) 亩; plot 3 has no 2024 statistics
    ["taxPerMuWan", 1_400 / 90],
    ["taxPerHaWan", (1_400 / 90) * 15],
    // output: 30,000 + 24,000×5/6 = 50,000 / 90 亩
    ["outputPerMuWan", 50_000 / 90],
    // H = plots 1 and 3 (high-tech firms) = 45 亩 of A = 114
    ["highTechLandRate", 45 / 114],
    // G / D with plot 10 (undetermined) left out: 12 / (177 − 6)
    ["idleRate", 12 / 171],
  ] as const)("%s = %f", (key, value) => {
    expect(agg[key].value).toBeCloseTo(value, DIGITS);
    expect(agg[key].reason).toBeNull();
  });

  test("coverage: how many plots and firms stand behind each figure; missing plots are reported", () => {
    expect(agg.far.coverage).toEqual({ plots: 3, eligiblePlots: 4, missingPlots: 1, enterprises: 3 });
    expect(agg.buildingDensity.coverage).toEqual({
      plots: 4,
      eligiblePlots: 4,
      missingPlots: 0,
      enterprises: 3,
    });
    expect(agg.taxPerMuWan.coverage).toEqual({ plots: 2, eligiblePlots: 3, missingPlots: 1, enterprises: 2 });
    expect(agg.investmentPerMuWan.coverage).toEqual({
      plots: 3,
      eligiblePlots: 3,
      missingPlots: 0,
      enterprises: 3,
    });
    expect(agg.idleRate.coverage).toEqual({ plots: 6, eligiblePlots: 7, missingPlots: 1, enterprises: 4 });
    expect(agg.areaMu.coverage).toEqual({ plots: 10, eligiblePlots: 10, missingPlots: 0, enterprises: 4 });
  });

  test("the idle finding behind idleMu: plot 6, 1 full year after 2023-06-30, fee 120 × 20 % = 24", () => {
    const idle = idleAssessments(FIXTURE_PARK);
    expect(idle.get(6)).toMatchObject({ status: "idle_unstarted", stage: "fee", feeWan: 24, years: 1 });
    expect(idle.get(10)?.missingInputs).toEqual(["agreedStartDate"]);
    expect(idle.has(7)).toBe(false);
  });

  test("every key of the API contract is present; JSON round-trips without NaN or Infinity", () => {
    expect(Object.keys(agg).sort()).toEqual([...AGGREGATE_KEYS].sort());
    expect(JSON.parse(JSON.stringify(agg))).toEqual(agg);
  });
});

describe("aggregateLand on degenerate parks", () => {
  test("an empty park: areas 0, every rate and intensity null with zero_denominator", () => {
    const empty = aggregateLand({ plots: [], enterprises: [], stats: [], year: 2024 });
    expect(empty.areaMu.value).toBe(0);
    for (const k of ["developmentRate", "supplyRate", "builtRate", "far", "taxPerMuWan", "idleRate"] as const)
      expect(empty[k].reason?.code).toBe("zero_denominator");
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
  });
  test("a park with only available land: supply rate 0, built rate null (no supplied land)", () => {
    const a = aggregateLand({
      plots: [makePlot({ id: 1, status: "available", areaM2: 6_000 })],
      enterprises: [],
      stats: [],
      year: 2024,
    });
    expect(a.supplyRate.value).toBe(0);
    expect(a.builtRate).toMatchObject({ value: null, reason: { code: "zero_denominator" } });
  });
  test("built industrial land with no statistics at all: tax per mu is missing_input, not 0", () => {
    const a = aggregateLand({
      plots: [makePlot({ id: 1, status: "built", areaM2: 6_000, enterpriseId: 9 })],
      enterprises: [],
      stats: [],
      year: 2024,
    });
    expect(a.taxPerMuWan).toMatchObject({
      value: null,
      reason: { code: "missing_input" },
      coverage: { plots: 0, eligiblePlots: 1, missingPlots: 1 },
    });
    // enterprise 9 is unknown, so its plot is left out of H/A rather than counted as not high-tech
    expect(a.highTechLandRate.coverage.missingPlots).toBe(1);
  });
  test("zero-area plots give null-with-reason, never NaN", () => {
    const a = aggregateLand({
      plots: [makePlot({ id: 1, status: "built", areaM2: 0, builtFloorAreaM2: 0 })],
      enterprises: [],
      stats: [],
      year: 2024,
    });
    expect(a.far.reason?.code).toBe("zero_denominator");
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
  });
});

describe("land-use classes", () => {
  test.each([
    ["0601", "GB/T 21010-2017", true],
    ["0604", "GB/T 21010-2017", true],
    ["0602", "GB/T 21010-2017", false],
    ["0505", "GB/T 21010-2017", false],
    ["100103", "国土空间调查、规划、用途管制用地用海分类指南(2023)", true],
    ["110102", "国土空间调查、规划、用途管制用地用海分类指南(2023)", true],
    ["1102", "国土空间调查、规划、用途管制用地用海分类指南(2023)", false],
    ["0601", "国土空间调查、规划、用途管制用地用海分类指南(2023)", false],
  ] as const)("%s (%s) industrial: %s", (code, edition, expected) => {
    expect(isIndustrialLandUse(code, edition)).toBe(expected);
  });
});

describe("TD/T scores of the fixture park", () => {
  const s = tdtScores(agg);
  test("standardized scores: S = min(100, 100·X/T); negative S = 100·(1 − X/X_max)", () => {
    expect(s.indicators.supplyRate?.value).toBeCloseTo((100 * 177) / 270, DIGITS);
    expect(s.indicators.industrialLandRate?.value).toBe(100); // 0.921/0.5 → capped
    expect(s.indicators.far?.value).toBeCloseTo(80, DIGITS);
    expect(s.indicators.investmentPerHaWan?.value).toBeCloseTo((100 * (8_300 / 7)) / 9_000, DIGITS);
    expect(s.indicators.idleRate?.value).toBeCloseTo(100 * (1 - 12 / 171), DIGITS);
  });
  test("weighted total with the default weights, by hand", () => {
    const degree = 0.5 * ((100 * 177) / 270) + 0.5 * ((100 * 114) / 177);
    const structure = 100; // both capped
    const intensity = 0.25 * (80 + 100 + 80 + 100); // density 0.4/0.35 and coverage 0.543/0.5 capped
    const benefit = 0.5 * ((100 * (8_300 / 7)) / 9_000) + 0.5 * ((100 * ((1_400 / 90) * 15)) / 700);
    const management = 100 * (1 - 12 / 171);
    const total =
      0.72 * (0.25 * degree + 0.18 * structure + 0.57 * intensity) + 0.18 * benefit + 0.1 * management;
    expect(s.subObjectives.intensity?.value).toBeCloseTo(90, DIGITS);
    expect(s.total.value).toBeCloseTo(total, DIGITS);
  });
  test("a null indicator makes the levels above it null with the indicator named", () => {
    const t = tdtScores({
      ...agg,
      far: { value: null, reason: { code: "zero_denominator", zh: "x", en: "x" } },
    });
    expect(t.subObjectives.intensity?.reason?.en).toBe("score missing for: 综合容积率");
    expect(t.total.value).toBeNull();
    expect(t.subObjectives.degree?.value).not.toBeNull();
  });
  test("weights that do not sum to 1 and non-positive ideals are programmer errors", () => {
    expect(() =>
      tdtScores(agg, {
        ...DEFAULT_TDT_SCORING,
        objectiveWeights: { status: 0.7, benefit: 0.2, management: 0.2 },
      }),
    ).toThrow(GeoError);
    expect(() => standardizedScore(known(1), { key: "far", direction: "positive", ideal: 0 })).toThrow(
      GeoError,
    );
  });
});

describe("potentials and targets of the fixture park", () => {
  const p = landPotentials(agg, FIXTURE_PARK.plots, 2024, { industrialLandRate: 1, industrialFar: 1 });
  test("expansion E = 93; structure A·(1 − 105/114) = 9; intensity A2·(1 − 0.8)/1 = 21; management G = 12", () => {
    expect(p.expansionMu.value).toBeCloseTo(93, DIGITS);
    expect(p.structureMu.value).toBeCloseTo(9, DIGITS);
    expect(p.intensityMu.value).toBeCloseTo(21, DIGITS);
    expect(p.managementMu.value).toBeCloseTo(12, DIGITS);
  });
  test("尚可供地年数: supplied 2022–2024 = plot 3 (15) + 6 (12) + 5 (45) + 10 (6) = 78 → 26 亩/yr → 93/26", () => {
    expect(p.annualSupplyMu.value).toBeCloseTo(26, DIGITS);
    expect(p.yearsOfSupply.value).toBeCloseTo(93 / 26, DIGITS);
  });
  test("5-year maximum basis: 2022 = 27, 2023 = 45, 2024 = 6 → 93/45", () => {
    const m = landPotentials(
      agg,
      FIXTURE_PARK.plots,
      2024,
      { industrialLandRate: 1, industrialFar: 1 },
      { method: "max", windowYears: 5 },
    );
    expect(m.yearsOfSupply.value).toBeCloseTo(93 / 45, DIGITS);
  });
  test("no supply in the window: years of supply null with a reason; ideals below X clamp to 0", () => {
    const q = landPotentials(agg, [], 2024, { industrialLandRate: 0.5, industrialFar: 0.5 });
    expect(q.yearsOfSupply).toMatchObject({ value: null, reason: { code: "zero_denominator" } });
    expect([q.structureMu.value, q.intensityMu.value]).toEqual([0, 0]);
  });
  test("Guizhou output target: provincial 300 万元/亩, gap 555.56 − 300; national 500", () => {
    const t = trackTarget(agg.outputPerMuWan, guizhouOutputTarget("provincial"));
    expect(t.gap).toBeCloseTo(50_000 / 90 - 300, DIGITS);
    expect(t.onTrack).toBe(true);
    expect(trackTarget(known(450), guizhouOutputTarget("national"))).toMatchObject({
      gap: -50,
      onTrack: false,
    });
    expect(trackTarget(agg.builtRate, { target: 0.9, direction: "max" }).onTrack).toBe(true);
  });
});
