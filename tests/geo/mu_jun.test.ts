import { describe, expect, test } from "vitest";
import {
  assignGrades,
  benchmarksFor,
  DEFAULT_GRADE_SHARES,
  evaluateMuJun,
  GeoError,
  gradeCounts,
  isAboveScaleRevenue,
  MU_JUN_PROFILES,
  type MuJunFirmYear,
  muJunScore,
  SHANDONG_MU_JUN_PROFILE,
  ZHEJIANG_MU_JUN_PROFILE,
} from "../../geo/index.ts";
import { makeStats } from "./factories.ts";

const Z = ZHEJIANG_MU_JUN_PROFILE;

describe("muJunScore: domain.md §8 worked example", () => {
  const values = {
    taxPerMuWan: 30,
    valueAddedPerMuWan: 150,
    valueAddedPerTceWan: 3.0,
    valueAddedPerTonneWan: 5000,
    valueAddedPerEmployeeWan: 20,
    rndIntensityRatio: 0.03,
  };
  const benchmarks = {
    taxPerMuWan: 24.097,
    valueAddedPerMuWan: 136.16,
    valueAddedPerTceWan: 2.694,
    valueAddedPerTonneWan: 4929.81,
    valueAddedPerEmployeeWan: 18.14,
    rndIntensityRatio: 0.0302,
  };

  test("x = (30, 150, 3.0, 5000, 20, 0.03) → 37.35 + 22.03 + 22.27 + 10.14 + 11.03 + 9.93 = 112.76", () => {
    const s = muJunScore(values, benchmarks, Z.aboveScale);
    const exact =
      (30 / 24.097) * 30 +
      (150 / 136.16) * 20 +
      (3.0 / 2.694) * 20 +
      (5000 / 4929.81) * 10 +
      (20 / 18.14) * 10 +
      (0.03 / 0.0302) * 10;
    expect(s.score).toBeCloseTo(exact, 12);
    expect(Math.round((s.score ?? 0) * 100) / 100).toBe(112.76);
    expect(s.terms.map((t) => Math.round((t.points ?? 0) * 100) / 100)).toEqual([
      37.35, 22.03, 22.27, 10.14, 11.03, 9.93,
    ]);
    expect(s.reasons[0]?.zh).toBe(
      "综合得分 112.76 = 亩均税收 37.35 + 亩均增加值 22.03 + 单位能耗增加值 22.27 + 单位排放增加值 10.14 + 全员劳动生产率 11.03 + 研发经费支出占营业收入比重 9.93",
    );
  });

  test("below-scale: 税收/11.5932·50 + 电耗税收/0.2352·50; at 2× and 1× the benchmarks → 100 + 50 = 150", () => {
    const s = muJunScore(
      { taxPerMuWan: 23.1864, taxPerKwhYuan: 0.2352 },
      { taxPerMuWan: 11.5932, taxPerKwhYuan: 0.2352 },
      Z.belowScale,
    );
    expect(s.score).toBeCloseTo(150, 12);
  });

  test("an optional per-term cap of 1.2 limits the tax term to 36 points (30/24.097 = 1.245)", () => {
    const s = muJunScore(values, benchmarks, Z.aboveScale, 1.2);
    expect(s.terms[0]?.points).toBeCloseTo(36, 12);
    expect(s.terms[1]?.ratio).toBeCloseTo(150 / 136.16, 12); // under the cap: unchanged
  });

  test("a missing value or a zero benchmark makes the score null with the indicators named", () => {
    const s = muJunScore(
      { ...values, valueAddedPerTceWan: null },
      { ...benchmarks, rndIntensityRatio: 0 },
      Z.aboveScale,
    );
    expect(s.score).toBeNull();
    expect(s.missing).toEqual(["valueAddedPerTceWan", "rndIntensityRatio"]);
    expect(s.reasons[0]?.en).toBe(
      "not scored: value or benchmark missing for value added per tce, R&D intensity",
    );
  });
});

describe("Shandong profile", () => {
  test("five indicators and class names", () => {
    expect(SHANDONG_MU_JUN_PROFILE.aboveScale.map((t) => t.zh)).toEqual([
      "单位用地税收",
      "单位能耗销售收入",
      "单位排放销售收入",
      "研发投入强度",
      "全员劳动生产率",
    ]);
    expect(Object.values(SHANDONG_MU_JUN_PROFILE.classes).map((c) => c.zh)).toEqual([
      "A 类（优先发展类）",
      "B 类（支持发展类）",
      "C 类（提升发展类）",
      "D 类（限制发展类）",
    ]);
  });
  test("score 20/16·40 + 12/10·15 + 3000/3000·15 + 0.02/0.025·15 + 30/24·15 = 50 + 18 + 15 + 12 + 18.75 = 113.75", () => {
    const s = muJunScore(
      {
        taxPerMuWan: 20,
        revenuePerTceWan: 12,
        revenuePerTonneWan: 3000,
        rndIntensityRatio: 0.02,
        valueAddedPerEmployeeWan: 30,
      },
      {
        taxPerMuWan: 16,
        revenuePerTceWan: 10,
        revenuePerTonneWan: 3000,
        rndIntensityRatio: 0.025,
        valueAddedPerEmployeeWan: 24,
      },
      SHANDONG_MU_JUN_PROFILE.aboveScale,
    );
    expect(s.score).toBeCloseTo(113.75, 12);
  });
  test("profiles are plain JSON data", () => {
    for (const p of Object.values(MU_JUN_PROFILES)) expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(Object.keys(MU_JUN_PROFILES)).toEqual(["zhejiang", "shandong"]);
  });
});

describe("benchmarksFor: ratio of sums over the group", () => {
  // F1: 30 亩, F2: 60 亩; F3 has no statistics and is left out; F4 is below scale (its own class).
  const group: MuJunFirmYear[] = [
    {
      enterpriseId: 1,
      isAboveScale: true,
      landAreaM2: 20_000,
      stats: makeStats(1, 2024, {
        taxWan: 900,
        valueAddedWan: 3000,
        energyTce: 1000,
        emissionsT: 2,
        employees: 100,
        rndWan: 300,
        revenueWan: 10_000,
      }),
    },
    {
      enterpriseId: 2,
      isAboveScale: true,
      landAreaM2: 40_000,
      stats: makeStats(2, 2024, {
        taxWan: 600,
        valueAddedWan: 6000,
        energyTce: 3000,
        emissionsT: 8,
        employees: 300,
        rndWan: 100,
        revenueWan: 20_000,
      }),
    },
    { enterpriseId: 3, isAboveScale: true, landAreaM2: 10_000, stats: null },
    {
      enterpriseId: 4,
      isAboveScale: false,
      landAreaM2: 5_000,
      stats: makeStats(4, 2024, { taxWan: 30, electricityKwh: 500_000 }),
    },
  ];
  const b = benchmarksFor(group);

  test("above scale: tax (900 + 600) / (30 + 60) = 16.667 (not the mean of 30 and 10 = 20)", () => {
    expect(b.aboveScale.taxPerMuWan?.value).toBeCloseTo(1500 / 90, 12);
    expect(b.aboveScale.taxPerMuWan?.firms).toBe(2);
    expect(b.aboveScale.valueAddedPerMuWan?.value).toBeCloseTo(100, 12); // 9000 / 90
    expect(b.aboveScale.valueAddedPerTceWan?.value).toBeCloseTo(2.25, 12); // 9000 / 4000
    expect(b.aboveScale.valueAddedPerTonneWan?.value).toBeCloseTo(900, 12); // 9000 / 10
    expect(b.aboveScale.valueAddedPerEmployeeWan?.value).toBeCloseTo(22.5, 12); // 9000 / 400
    expect(b.aboveScale.rndIntensityRatio?.value).toBeCloseTo(400 / 30_000, 12);
  });
  test("below scale: 30 万元 / 7.5 亩 = 4; 300,000 元 / 500,000 kWh = 0.6 元/kWh", () => {
    expect(b.belowScale.taxPerMuWan?.value).toBeCloseTo(4, 12);
    expect(b.belowScale.taxPerKwhYuan?.value).toBeCloseTo(0.6, 12);
  });
  test("an indicator nobody reported is null with a reason", () => {
    const only4 = benchmarksFor([group[3] as MuJunFirmYear]);
    expect(only4.aboveScale.taxPerMuWan).toMatchObject({
      value: null,
      firms: 0,
      reason: { code: "missing_input" },
    });
  });
});

describe("grades", () => {
  test("20 firms scoring 100 … 81: ranks 1–5 A, 6–15 B, 16–19 C, 20 D", () => {
    const scores = Array.from({ length: 20 }, (_, i) => 100 - i);
    const g = assignGrades(scores, { method: "percentile", shares: DEFAULT_GRADE_SHARES });
    expect(g.join("")).toBe(`${"A".repeat(5)}${"B".repeat(10)}${"C".repeat(4)}D`);
  });
  test("ties share the better rank: [90, 90, 80, 70] → A, A, B, C; a lone firm is A; nulls stay ungraded", () => {
    const p = { method: "percentile", shares: DEFAULT_GRADE_SHARES } as const;
    expect(assignGrades([90, 90, 80, 70], p)).toEqual(["A", "A", "B", "C"]);
    expect(assignGrades([42], p)).toEqual(["A"]);
    expect(assignGrades([null, 10], p)).toEqual([null, "A"]);
  });
  test("score bands A ≥ 120, B ≥ 100, C ≥ 80", () => {
    expect(
      assignGrades([130, 100, 99.9, 79, null], { method: "bands", minScores: { A: 120, B: 100, C: 80 } }),
    ).toEqual(["A", "B", "C", "D", null]);
  });
  test("shares that do not sum to 1, or bands out of order, are programmer errors", () => {
    expect(() =>
      assignGrades([1], { method: "percentile", shares: { A: 0.3, B: 0.5, C: 0.2, D: 0.05 } }),
    ).toThrow(GeoError);
    expect(() => assignGrades([1], { method: "bands", minScores: { A: 80, B: 100, C: 60 } })).toThrow(
      GeoError,
    );
  });
});

describe("evaluateMuJun end to end", () => {
  // Four above-scale firms on 30 亩 each, identical except tax 10/20/30/40 万元. Every non-tax
  // term equals its benchmark (70 points); tax benchmark = 100/120 亩, so the tax term is
  // 30 × t/25 = 12, 24, 36, 48 → scores 82, 94, 106, 118 → ranks 4, 3, 2, 1 → C, B, B, A.
  const firm = (id: number, tax: number): MuJunFirmYear => ({
    enterpriseId: id,
    isAboveScale: true,
    landAreaM2: 20_000,
    stats: makeStats(id, 2024, {
      taxWan: tax,
      valueAddedWan: 3000,
      energyTce: 1000,
      emissionsT: 2,
      employees: 100,
      rndWan: 300,
      revenueWan: 10_000,
    }),
  });
  const group = [
    firm(1, 10),
    firm(2, 20),
    firm(3, 30),
    firm(4, 40),
    {
      enterpriseId: 5,
      isAboveScale: false,
      landAreaM2: 5_000,
      stats: makeStats(5, 2024, { taxWan: 30, electricityKwh: 500_000 }),
    },
    { enterpriseId: 6, isAboveScale: true, landAreaM2: 5_000, stats: null },
  ];
  const r = evaluateMuJun(group);

  test("scores and grades by hand", () => {
    expect(r.slice(0, 4).map((e) => e.score)).toEqual([
      expect.closeTo(82, 10),
      expect.closeTo(94, 10),
      expect.closeTo(106, 10),
      expect.closeTo(118, 10),
    ]);
    expect(r.map((e) => e.grade)).toEqual(["C", "B", "B", "A", "A", null]);
    expect(r[0]?.className?.zh).toBe("C 类（帮扶转型）");
  });
  test("the below-scale firm is its own benchmark (50 + 50 = 100); no-statistics firms are ungraded with a reason", () => {
    expect(r[4]).toMatchObject({ sizeClass: "below_scale", score: expect.closeTo(100, 10) });
    expect(r[5]?.reasons[0]?.en).toBe("no statistics for the year: not scored");
  });
  test("grade counts", () => {
    expect(gradeCounts(r)).toEqual({ A: 2, B: 2, C: 1, D: 0, ungraded: 1 });
  });
  test("the Shandong profile grades the same group with its own class names", () => {
    const s = evaluateMuJun(group, SHANDONG_MU_JUN_PROFILE);
    expect(s[3]?.className?.zh).toBe("A 类（优先发展类）");
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("isAboveScaleRevenue (规上 threshold 2000 万元, configurable)", () => {
  test("2000 is above scale, 1999.99 is not, unknown revenue is null", () => {
    expect([
      isAboveScaleRevenue(2000),
      isAboveScaleRevenue(1999.99),
      isAboveScaleRevenue(null),
      isAboveScaleRevenue(1500, 1000),
    ]).toEqual([true, false, null, true]);
  });
});
