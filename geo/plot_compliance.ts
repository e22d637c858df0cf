import type { Computed } from "./computed.ts";
import { industryMinFar } from "./far_minimum.ts";
import { isAbove, isBelow } from "./ratio.ts";
import { formatNumber, formatPercent, type Reason } from "./reason.ts";
import { CONTROL_MIN_COVERAGE_RATIO_2008 } from "./thresholds.ts";
import type { IndustryEdition, PlotRecord } from "./types.ts";

/** The compliance checks of a plot against its planning conditions and the 2008 control indicators. */
export const COMPLIANCE_CHECKS = [
  "planned_min_far",
  "planned_max_far",
  "planned_min_coverage",
  "industry_min_far",
  "control_min_coverage",
] as const;
/** One compliance check. */
export type ComplianceCheckKind = (typeof COMPLIANCE_CHECKS)[number];

/**
 * The outcome of one check: `pass`, `fail`, `insufficient_data` (the plot's value is missing) or
 * `not_applicable` (no limit is set, or the industry has no 2008 minimum).
 */
export interface ComplianceCheck {
  readonly check: ComplianceCheckKind;
  readonly status: "pass" | "fail" | "insufficient_data" | "not_applicable";
  /** The plot's measured value (FAR or coverage ratio), or null. */
  readonly value: number | null;
  /** The limit compared against, or null. */
  readonly threshold: number | null;
  readonly reasons: readonly Reason[];
}

/** What `plotCompliance` reads: measured FAR and coverage, the plan's limits and the industry. */
export interface PlotComplianceInput
  extends Pick<PlotRecord, "plannedMinFar" | "plannedMaxFar" | "plannedMinCoverageRatio"> {
  readonly far: Computed;
  readonly coverage: Computed;
  readonly industryCode: string | null;
  readonly industryEdition: IndustryEdition | null;
}

interface Spec {
  readonly check: ComplianceCheckKind;
  readonly measured: Computed;
  readonly threshold: number | null;
  readonly direction: "min" | "max";
  readonly what: Reason;
  readonly limit: Reason;
  readonly pct: boolean;
}

function evaluate(s: Spec): ComplianceCheck {
  const base = { check: s.check, threshold: s.threshold };
  if (s.threshold === null)
    return {
      ...base,
      status: "not_applicable",
      value: s.measured.value,
      reasons: [{ zh: `未设定${s.limit.zh}`, en: `no ${s.limit.en} set` }],
    };
  if (s.measured.value === null)
    return {
      ...base,
      status: "insufficient_data",
      value: null,
      reasons: [
        {
          zh: `无法检查${s.limit.zh}：${s.measured.reason.zh}`,
          en: `cannot check ${s.limit.en}: ${s.measured.reason.en}`,
        },
      ],
    };
  const v = s.measured.value;
  const fmt = s.pct ? formatPercent : formatNumber;
  const failed = s.direction === "min" ? isBelow(v, s.threshold) : isAbove(v, s.threshold);
  const rel =
    s.direction === "min"
      ? failed
        ? ["低于", "below"]
        : ["不低于", "not below"]
      : failed
        ? ["高于", "above"]
        : ["不高于", "not above"];
  return {
    ...base,
    status: failed ? "fail" : "pass",
    value: v,
    reasons: [
      {
        zh: `${s.what.zh} ${fmt(v)} ${rel[0]}${s.limit.zh} ${fmt(s.threshold)}`,
        en: `${s.what.en} ${fmt(v)} is ${rel[1]} the ${s.limit.en} ${fmt(s.threshold)}`,
      },
    ],
  };
}

/**
 * Checks a plot's FAR and coverage against its own planning conditions (planned min/max FAR,
 * planned min coverage), the industry minimum FAR of the 2008 control indicators (after the
 * edition crosswalk) and the 2008 coverage floor of 30 %. Values equal to a limit pass
 * (`isBelow`/`isAbove` tolerance). Meaningful for built plots; the caller decides which plots to check.
 * @see 国土资发〔2008〕24号; ../shared/domain.md §9
 */
export function plotCompliance(input: PlotComplianceInput): readonly ComplianceCheck[] {
  const far = { zh: "容积率", en: "FAR" };
  const cov = { zh: "建筑系数", en: "building coverage" };
  const ind =
    input.industryCode === null || input.industryEdition === null
      ? null
      : industryMinFar(input.industryCode, input.industryEdition);
  const industryLimit = ind
    ? { zh: `行业最低容积率（${ind.source}）`, en: `industry minimum FAR (${ind.source})` }
    : {
        zh: "行业最低容积率（行业不在 2008 年控制指标表中）",
        en: "industry minimum FAR (industry not in the 2008 table)",
      };
  const specs: Spec[] = [
    {
      check: "planned_min_far",
      measured: input.far,
      threshold: input.plannedMinFar,
      direction: "min",
      what: far,
      limit: { zh: "规划容积率下限", en: "planned minimum FAR" },
      pct: false,
    },
    {
      check: "planned_max_far",
      measured: input.far,
      threshold: input.plannedMaxFar,
      direction: "max",
      what: far,
      limit: { zh: "规划容积率上限", en: "planned maximum FAR" },
      pct: false,
    },
    {
      check: "planned_min_coverage",
      measured: input.coverage,
      threshold: input.plannedMinCoverageRatio,
      direction: "min",
      what: cov,
      limit: { zh: "规划建筑系数下限", en: "planned minimum coverage" },
      pct: true,
    },
    {
      check: "industry_min_far",
      measured: input.far,
      threshold: ind?.minFar ?? null,
      direction: "min",
      what: far,
      limit: industryLimit,
      pct: false,
    },
    {
      check: "control_min_coverage",
      measured: input.coverage,
      threshold: CONTROL_MIN_COVERAGE_RATIO_2008,
      direction: "min",
      what: cov,
      limit: {
        zh: "建筑系数控制下限（国土资发〔2008〕24号）",
        en: "coverage floor of the 2008 control indicators",
      },
      pct: true,
    },
  ];
  return specs.map(evaluate);
}
