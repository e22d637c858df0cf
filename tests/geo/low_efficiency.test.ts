import { describe, expect, test } from "vitest";
import {
  assessLowEfficiency,
  DEFAULT_LOW_EFFICIENCY_RULES,
  LOW_EFFICIENCY_TAX_FRACTION_STRICT,
  type LowEfficiencyInput,
} from "../../geo/index.ts";

/** A built plot that passes every rule: FAR 0.9 (C32 → 2002 33, min 0.6), coverage 45 %, tax 20 vs park 30. */
const good: LowEfficiencyInput = {
  status: "built",
  year: 2024,
  far: 0.9,
  coverage: 0.45,
  industryCode: "3216",
  industryEdition: "GB/T 4754-2017",
  taxPerMuWan: 20,
  parkTaxPerMuWan: 30,
  gradeHistory: [
    { year: 2023, grade: "B" },
    { year: 2024, grade: "C" },
  ],
  idle: null,
};
const rulesOf = (i: LowEfficiencyInput) => assessLowEfficiency(i).flags.map((f) => f.rule);

describe("assessLowEfficiency", () => {
  test("a good built plot passes all built-plot rules; the idle rule does not apply", () => {
    const r = assessLowEfficiency(good);
    expect(r).toMatchObject({ lowEfficiency: false, flags: [], insufficientData: [] });
    expect(r.passed).toEqual([
      "far_below_industry_min",
      "coverage_below_min",
      "tax_below_park_fraction",
      "grade_d_consecutive",
    ]);
    expect(r.notApplicable).toEqual(["idle_or_stalled"]);
  });

  test("FAR 0.55 < industry minimum 0.6 fires with the numbers", () => {
    const [f] = assessLowEfficiency({ ...good, far: 0.55 }).flags;
    expect(f).toMatchObject({ rule: "far_below_industry_min", value: 0.55, threshold: 0.6 });
    expect(f?.reasons[0]?.zh).toContain("容积率 0.55 低于行业最低容积率");
  });
  test("FAR exactly at the industry minimum does not fire", () => {
    expect(rulesOf({ ...good, far: 0.6 })).toEqual([]);
  });
  test("unknown industry falls back to FAR 0.5: 0.49 fires, 0.5 does not", () => {
    const noIndustry = { ...good, industryCode: null, industryEdition: null };
    expect(assessLowEfficiency({ ...noIndustry, far: 0.49 }).flags[0]).toMatchObject({
      rule: "far_below_industry_min",
      threshold: 0.5,
    });
    expect(rulesOf({ ...noIndustry, far: 0.5 })).toEqual([]);
    expect(rulesOf({ ...good, industryCode: "5990", far: 0.45 })).toEqual(["far_below_industry_min"]);
  });

  test("coverage 29 % < 30 % fires; exactly 30 % does not", () => {
    expect(assessLowEfficiency({ ...good, coverage: 0.29 }).flags[0]).toMatchObject({
      rule: "coverage_below_min",
      value: 0.29,
      threshold: 0.3,
    });
    expect(rulesOf({ ...good, coverage: 0.3 })).toEqual([]);
  });

  test("tax 14.9 < 1/2 × park 30 = 15 fires; 15 does not", () => {
    expect(assessLowEfficiency({ ...good, taxPerMuWan: 14.9 }).flags[0]).toMatchObject({
      rule: "tax_below_park_fraction",
      value: 14.9,
      threshold: 15,
    });
    expect(rulesOf({ ...good, taxPerMuWan: 15 })).toEqual([]);
  });
  test("the 1/3 fraction is selectable: tax 12 passes at 1/3 (threshold 10) but fires at 1/2", () => {
    const strict = {
      ...DEFAULT_LOW_EFFICIENCY_RULES,
      taxBelowParkFraction: { enabled: true, fraction: LOW_EFFICIENCY_TAX_FRACTION_STRICT },
    };
    expect(assessLowEfficiency({ ...good, taxPerMuWan: 12 }, strict).flags).toEqual([]);
    expect(rulesOf({ ...good, taxPerMuWan: 12 })).toEqual(["tax_below_park_fraction"]);
  });

  test("grade D in 2023 and 2024 fires; D only in 2024 does not", () => {
    const dd = [
      { year: 2023, grade: "D" },
      { year: 2024, grade: "D" },
    ] as const;
    expect(assessLowEfficiency({ ...good, gradeHistory: dd }).flags[0]).toMatchObject({
      rule: "grade_d_consecutive",
      value: 2,
      threshold: 2,
    });
    expect(
      rulesOf({
        ...good,
        gradeHistory: [
          { year: 2023, grade: "B" },
          { year: 2024, grade: "D" },
        ],
      }),
    ).toEqual([]);
  });
  test("grade D in 2024 with no 2023 grade is insufficient data, not a pass", () => {
    const r = assessLowEfficiency({ ...good, gradeHistory: [{ year: 2024, grade: "D" }] });
    expect(r.insufficientData).toEqual([
      expect.objectContaining({ rule: "grade_d_consecutive", missing: ["grade:2023"] }),
    ]);
    expect(r.passed).not.toContain("grade_d_consecutive");
  });

  test("missing inputs go to insufficientData, one per rule, and are not flags", () => {
    const r = assessLowEfficiency({
      ...good,
      far: null,
      coverage: null,
      taxPerMuWan: null,
      gradeHistory: [],
    });
    expect(r.lowEfficiency).toBe(false);
    expect(r.insufficientData.map((i) => i.rule)).toEqual([
      "far_below_industry_min",
      "coverage_below_min",
      "tax_below_park_fraction",
      "grade_d_consecutive",
    ]);
    expect(r.insufficientData[2]?.reasons[0]?.en).toBe(
      "insufficient data: tax per mu for 2024 unknown (no statistics)",
    );
  });
  test("an unknown park average is insufficient data", () => {
    expect(assessLowEfficiency({ ...good, parkTaxPerMuWan: null }).insufficientData[0]?.missing).toEqual([
      "parkTaxPerMuWan",
    ]);
  });

  test("idle and stalled plots are flagged; undetermined idle status is insufficient", () => {
    const supplied = { ...good, status: "supplied" as const };
    expect(
      assessLowEfficiency({ ...supplied, idle: { status: "idle_unstarted", years: 1, missingInputs: [] } })
        .flags[0],
    ).toMatchObject({ rule: "idle_or_stalled", value: 1 });
    const stalled = assessLowEfficiency({
      ...supplied,
      status: "under_construction",
      idle: { status: "idle_stalled", years: 2, missingInputs: [] },
    });
    expect(stalled.flags[0]?.reasons[0]?.en).toBe("development stalled 2 full year(s) (half-built)");
    expect(
      assessLowEfficiency({
        ...supplied,
        idle: { status: "not_idle", years: 0, missingInputs: ["agreedStartDate"] },
      }).insufficientData[0]?.rule,
    ).toBe("idle_or_stalled");
    expect(
      assessLowEfficiency({ ...supplied, idle: { status: "not_idle", years: 0, missingInputs: [] } }).passed,
    ).toEqual(["idle_or_stalled"]);
    // FAR and tax rules do not apply to land still being built
    expect(assessLowEfficiency({ ...supplied, far: 0.1, idle: null }).notApplicable).toContain(
      "far_below_industry_min",
    );
  });

  test("several rules can fire together; disabled rules are not applicable", () => {
    const bad = { ...good, far: 0.3, coverage: 0.2, taxPerMuWan: 1 };
    expect(rulesOf(bad)).toEqual(["far_below_industry_min", "coverage_below_min", "tax_below_park_fraction"]);
    const off = {
      ...DEFAULT_LOW_EFFICIENCY_RULES,
      coverageBelowMin: { enabled: false, minCoverageRatio: 0.3 },
    };
    const r = assessLowEfficiency(bad, off);
    expect(r.flags.map((f) => f.rule)).not.toContain("coverage_below_min");
    expect(r.notApplicable).toContain("coverage_below_min");
  });

  test("unsupplied and reclaimed plots: nothing applies", () => {
    for (const status of ["available", "approved_unsupplied", "reclaimed"] as const)
      expect(assessLowEfficiency({ ...good, status, far: 0 }).notApplicable).toHaveLength(5);
  });
});
