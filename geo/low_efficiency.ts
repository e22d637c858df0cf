import { industryMinFar } from "./far_minimum.ts";
import type { IdleLandAssessment } from "./idle_land.ts";
import type { Grade } from "./mu_jun_profiles.ts";
import { isBelow } from "./ratio.ts";
import { formatNumber, formatPercent, type Reason } from "./reason.ts";
import {
  LOW_EFFICIENCY_FALLBACK_MIN_FAR,
  LOW_EFFICIENCY_GRADE_D_YEARS,
  LOW_EFFICIENCY_MIN_COVERAGE_RATIO,
  LOW_EFFICIENCY_TAX_FRACTION_OF_PARK_AVG,
} from "./thresholds.ts";
import type { IndustryEdition, PlotStatus } from "./types.ts";

/** The low-efficiency rules, in evaluation order. */
export const LOW_EFFICIENCY_RULE_KEYS = [
  "far_below_industry_min",
  "coverage_below_min",
  "tax_below_park_fraction",
  "grade_d_consecutive",
  "idle_or_stalled",
] as const;
/** One low-efficiency rule. */
export type LowEfficiencyRule = (typeof LOW_EFFICIENCY_RULE_KEYS)[number];

/**
 * The configurable low-efficiency rule set (plain data). All defaults are [configurable default];
 * local standards set the numbers.
 * @see ../shared/domain.md §7, §13 item 7
 */
export interface LowEfficiencyRules {
  /** FAR below the 2008 industry minimum, or below `fallbackMinFar` when the industry has none. */
  readonly farBelowIndustryMin: { readonly enabled: boolean; readonly fallbackMinFar: number };
  /** Coverage (建筑系数) below `minCoverageRatio`. */
  readonly coverageBelowMin: { readonly enabled: boolean; readonly minCoverageRatio: number };
  /** Tax per 亩 below `fraction` × the park average (1/2 default, 1/3 selectable). */
  readonly taxBelowParkFraction: { readonly enabled: boolean; readonly fraction: number };
  /** 亩均 grade D in each of the last `consecutiveYears` years up to the evaluation year. */
  readonly gradeD: { readonly enabled: boolean; readonly consecutiveYears: number };
  /** Idle (unstarted) or stalled / half-built land. */
  readonly idleOrStalled: { readonly enabled: boolean };
}

/** Default rules: FAR fallback 0.5, coverage 30 %, tax 1/2 of the park average, D in 2 consecutive years, idle on. */
export const DEFAULT_LOW_EFFICIENCY_RULES: LowEfficiencyRules = {
  farBelowIndustryMin: { enabled: true, fallbackMinFar: LOW_EFFICIENCY_FALLBACK_MIN_FAR },
  coverageBelowMin: { enabled: true, minCoverageRatio: LOW_EFFICIENCY_MIN_COVERAGE_RATIO },
  taxBelowParkFraction: { enabled: true, fraction: LOW_EFFICIENCY_TAX_FRACTION_OF_PARK_AVG },
  gradeD: { enabled: true, consecutiveYears: LOW_EFFICIENCY_GRADE_D_YEARS },
  idleOrStalled: { enabled: true },
};

/** What the rules read about one plot in one year (values already computed; null = unknown). */
export interface LowEfficiencyInput {
  readonly status: PlotStatus;
  /** Evaluation year (the last year of the grade-D window). */
  readonly year: number;
  readonly far: number | null;
  readonly coverage: number | null;
  readonly industryCode: string | null;
  readonly industryEdition: IndustryEdition | null;
  /** The plot's tax per 亩 for `year`, 万元/亩 (null: no statistics). */
  readonly taxPerMuWan: number | null;
  /** The park's average tax per 亩 for `year`, 万元/亩. */
  readonly parkTaxPerMuWan: number | null;
  /** The land user's 亩均 grades by year (any order). */
  readonly gradeHistory: readonly { readonly year: number; readonly grade: Grade | null }[];
  /** The idle-land assessment, or null when none was made. */
  readonly idle: Pick<IdleLandAssessment, "status" | "missingInputs" | "years"> | null;
}

/** A fired rule with its numbers. */
export interface LowEfficiencyFlag {
  readonly rule: LowEfficiencyRule;
  readonly reasons: readonly Reason[];
  readonly value: number | null;
  readonly threshold: number | null;
}

/** A rule that could not be evaluated: neither a flag nor a pass. */
export interface InsufficientData {
  readonly rule: LowEfficiencyRule;
  readonly reasons: readonly Reason[];
  readonly missing: readonly string[];
}

/** The low-efficiency finding for one plot and year. */
export interface LowEfficiencyAssessment {
  /** True when any rule fired. */
  readonly lowEfficiency: boolean;
  readonly flags: readonly LowEfficiencyFlag[];
  readonly insufficientData: readonly InsufficientData[];
  readonly passed: readonly LowEfficiencyRule[];
  /** Rules disabled, or not meant for this status (e.g. FAR on an unbuilt plot). */
  readonly notApplicable: readonly LowEfficiencyRule[];
}

type Outcome =
  | { readonly kind: "flag"; readonly flag: LowEfficiencyFlag }
  | { readonly kind: "insufficient"; readonly item: InsufficientData }
  | { readonly kind: "pass" }
  | { readonly kind: "na" };

const lack = (rule: LowEfficiencyRule, missing: string[], zh: string, en: string): Outcome => ({
  kind: "insufficient",
  item: { rule, missing, reasons: [{ zh: `数据不足：${zh}`, en: `insufficient data: ${en}` }] },
});
const flag = (
  rule: LowEfficiencyRule,
  value: number | null,
  threshold: number | null,
  zh: string,
  en: string,
): Outcome => ({
  kind: "flag",
  flag: { rule, value, threshold, reasons: [{ zh, en }] },
});

function farRule(i: LowEfficiencyInput, r: LowEfficiencyRules): Outcome {
  const ind =
    i.industryCode === null || i.industryEdition === null
      ? null
      : industryMinFar(i.industryCode, i.industryEdition);
  const min = ind?.minFar ?? r.farBelowIndustryMin.fallbackMinFar;
  const basis: Reason = ind
    ? { zh: `行业最低容积率（${ind.source}）`, en: `industry minimum FAR (${ind.source})` }
    : {
        zh: "通用容积率下限（行业未知或不在 2008 年表中）",
        en: "fallback minimum FAR (industry unknown or not in the 2008 table)",
      };
  if (i.far === null)
    return lack("far_below_industry_min", ["builtFloorAreaM2"], "容积率未知", "FAR unknown");
  if (!isBelow(i.far, min)) return { kind: "pass" };
  return flag(
    "far_below_industry_min",
    i.far,
    min,
    `容积率 ${formatNumber(i.far)} 低于${basis.zh} ${formatNumber(min)}`,
    `FAR ${formatNumber(i.far)} is below the ${basis.en} ${formatNumber(min)}`,
  );
}

function coverageRule(i: LowEfficiencyInput, r: LowEfficiencyRules): Outcome {
  const min = r.coverageBelowMin.minCoverageRatio;
  if (i.coverage === null)
    return lack(
      "coverage_below_min",
      ["buildingFootprintM2", "structuresYardM2"],
      "建筑系数未知",
      "coverage unknown",
    );
  if (!isBelow(i.coverage, min)) return { kind: "pass" };
  return flag(
    "coverage_below_min",
    i.coverage,
    min,
    `建筑系数 ${formatPercent(i.coverage)} 低于 ${formatPercent(min)}`,
    `coverage ${formatPercent(i.coverage)} is below ${formatPercent(min)}`,
  );
}

function taxRule(i: LowEfficiencyInput, r: LowEfficiencyRules): Outcome {
  const f = r.taxBelowParkFraction.fraction;
  if (i.taxPerMuWan === null)
    return lack(
      "tax_below_park_fraction",
      ["taxWan"],
      `${i.year} 年亩均税收未知（无统计数据）`,
      `tax per mu for ${i.year} unknown (no statistics)`,
    );
  if (i.parkTaxPerMuWan === null)
    return lack(
      "tax_below_park_fraction",
      ["parkTaxPerMuWan"],
      "园区平均亩均税收未知",
      "park average tax per mu unknown",
    );
  const threshold = f * i.parkTaxPerMuWan;
  if (!isBelow(i.taxPerMuWan, threshold)) return { kind: "pass" };
  return flag(
    "tax_below_park_fraction",
    i.taxPerMuWan,
    threshold,
    `${i.year} 年亩均税收 ${formatNumber(i.taxPerMuWan)} 万元/亩，低于园区平均 ${formatNumber(i.parkTaxPerMuWan)} 万元/亩的 ${formatPercent(f)}（${formatNumber(threshold)} 万元/亩）`,
    `tax per mu in ${i.year} ${formatNumber(i.taxPerMuWan)} 万元/亩 is below ${formatPercent(f)} of the park average ${formatNumber(i.parkTaxPerMuWan)} (${formatNumber(threshold)} 万元/亩)`,
  );
}

function gradeRule(i: LowEfficiencyInput, r: LowEfficiencyRules): Outcome {
  const n = r.gradeD.consecutiveYears;
  const years = Array.from({ length: n }, (_, k) => i.year - n + 1 + k);
  const grades = years.map((y) => i.gradeHistory.find((g) => g.year === y)?.grade ?? null);
  if (grades.some((g) => g !== null && g !== "D")) return { kind: "pass" };
  const missingYears = years.filter((_, k) => grades[k] === null);
  if (missingYears.length > 0)
    return lack(
      "grade_d_consecutive",
      missingYears.map((y) => `grade:${y}`),
      `${missingYears.join("、")} 年无亩均评价等级`,
      `no per-mu grade for ${missingYears.join(", ")}`,
    );
  return flag(
    "grade_d_consecutive",
    n,
    n,
    `亩均评价连续 ${n} 年为 D 类（${years[0]}–${i.year}）`,
    `per-mu grade D in ${n} consecutive years (${years[0]}–${i.year})`,
  );
}

function idleRule(i: LowEfficiencyInput): Outcome {
  if (i.idle === null)
    return lack("idle_or_stalled", ["idle"], "未做闲置土地认定", "no idle-land assessment");
  if (i.idle.status === "not_idle")
    return i.idle.missingInputs.length > 0
      ? lack("idle_or_stalled", [...i.idle.missingInputs], "闲置状态无法判定", "idle status undetermined")
      : { kind: "pass" };
  const stalled = i.idle.status === "idle_stalled";
  return flag(
    "idle_or_stalled",
    i.idle.years,
    null,
    stalled ? `开发建设中止满 ${i.idle.years} 年（半拉子工程）` : `未动工开发满 ${i.idle.years} 年（闲置）`,
    stalled
      ? `development stalled ${i.idle.years} full year(s) (half-built)`
      : `development not started for ${i.idle.years} full year(s) (idle)`,
  );
}

/**
 * Flags a plot as low-efficiency when any enabled rule fires, each flag with its reasons and
 * numbers. A rule missing an input reports `insufficientData` (never a silent pass).
 * Applicability by status: FAR, coverage, tax and grade rules apply to `built` plots (land in
 * use); the idle rule to `supplied` and `under_construction` plots; nothing to unsupplied or
 * reclaimed land. Values equal to a threshold do not fire (`isBelow` tolerance).
 * @see 国土资发〔2016〕147号 (低效用地 definition); ../shared/domain.md §7
 */
export function assessLowEfficiency(
  input: LowEfficiencyInput,
  rules: LowEfficiencyRules = DEFAULT_LOW_EFFICIENCY_RULES,
): LowEfficiencyAssessment {
  const built = input.status === "built";
  const supplied = input.status === "supplied" || input.status === "under_construction";
  const run: Record<LowEfficiencyRule, () => Outcome> = {
    far_below_industry_min: () =>
      built && rules.farBelowIndustryMin.enabled ? farRule(input, rules) : { kind: "na" },
    coverage_below_min: () =>
      built && rules.coverageBelowMin.enabled ? coverageRule(input, rules) : { kind: "na" },
    tax_below_park_fraction: () =>
      built && rules.taxBelowParkFraction.enabled ? taxRule(input, rules) : { kind: "na" },
    grade_d_consecutive: () => (built && rules.gradeD.enabled ? gradeRule(input, rules) : { kind: "na" }),
    idle_or_stalled: () => (supplied && rules.idleOrStalled.enabled ? idleRule(input) : { kind: "na" }),
  };
  const flags: LowEfficiencyFlag[] = [];
  const insufficientData: InsufficientData[] = [];
  const passed: LowEfficiencyRule[] = [];
  const notApplicable: LowEfficiencyRule[] = [];
  for (const rule of LOW_EFFICIENCY_RULE_KEYS) {
    const o = run[rule]();
    if (o.kind === "flag") flags.push(o.flag);
    else if (o.kind === "insufficient") insufficientData.push(o.item);
    else if (o.kind === "pass") passed.push(rule);
    else notApplicable.push(rule);
  }
  return { lowEfficiency: flags.length > 0, flags, insufficientData, passed, notApplicable };
}
