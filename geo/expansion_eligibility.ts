import { formatNumber, formatPercent, type Reason, reason } from "./reason.ts";

/** The indicators an expansion checklist can test (keys of the TD/T metrics, issue 3). */
export type EligibilityIndicator =
  | "developmentRate"
  | "supplyRate"
  | "builtRate"
  | "idleRate"
  | "outputPerMuWan";

/** One rule: the indicator must be at least (`min`) or at most (`max`) the threshold. */
export interface EligibilityRule {
  readonly indicator: EligibilityIndicator;
  readonly direction: "min" | "max";
  /** Threshold in the indicator's unit (ratio for rates, 万元/亩 for output intensity). */
  readonly threshold: number;
  readonly unit: "ratio" | "万元/亩";
  /** Where the threshold comes from; every default here is a [configurable default]. */
  readonly source: string;
}

/** A named, editable set of rules. */
export interface EligibilityProfile {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Always true for shipped defaults: no national thresholds are published. */
  readonly configurable: true;
  readonly rules: readonly EligibilityRule[];
}

const SRC = "domain.md §10 [configurable default]";

/**
 * Default expansion checklist. [configurable default]: 开发率, 供应率 and 建成率 each ≥ 85 %, no idle
 * land (闲置率 ≤ 0), and 工业用地产出强度 at least the Guizhou 2025 target for the zone's level
 * (500 万元/亩 national, 300 provincial; passed in as `outputTargetPerMuWan`). The intensity-score
 * rule ("≥ the provincial mean") needs provincial data ZoneAtlas does not hold, so it is left out.
 * @see ../shared/domain.md §10 (Thresholds), §13 item 11; 黔科领发〔2021〕1号 (output target)
 */
export function defaultEligibilityProfile(outputTargetPerMuWan: number): EligibilityProfile {
  return {
    id: "default-2025",
    name: "默认扩区条件（可配置）",
    nameEn: "Default expansion conditions (configurable)",
    configurable: true,
    rules: [
      { indicator: "developmentRate", direction: "min", threshold: 0.85, unit: "ratio", source: SRC },
      { indicator: "supplyRate", direction: "min", threshold: 0.85, unit: "ratio", source: SRC },
      { indicator: "builtRate", direction: "min", threshold: 0.85, unit: "ratio", source: SRC },
      { indicator: "idleRate", direction: "max", threshold: 0, unit: "ratio", source: SRC },
      {
        indicator: "outputPerMuWan",
        direction: "min",
        threshold: outputTargetPerMuWan,
        unit: "万元/亩",
        source: "黔科领发〔2021〕1号 [configurable default]",
      },
    ],
  };
}

/** One line of the checklist. `pass` is null when the value is unknown (reason given). */
export interface EligibilityItem {
  readonly indicator: EligibilityIndicator;
  readonly value: number | null;
  readonly threshold: number;
  readonly direction: "min" | "max";
  readonly unit: EligibilityRule["unit"];
  readonly pass: boolean | null;
  readonly reason: Reason;
}

/** The checklist and its overall outcome: `eligible` only if every rule passes. */
export interface EligibilityChecklist {
  readonly profileId: string;
  readonly items: readonly EligibilityItem[];
  /** true: all pass; false: any fails; null: none fails but some are unknown. */
  readonly eligible: boolean | null;
}

const LABEL: Record<EligibilityIndicator, [string, string]> = {
  developmentRate: ["土地开发率", "land development rate"],
  supplyRate: ["土地供应率", "land supply rate"],
  builtRate: ["土地建成率", "land built rate"],
  idleRate: ["土地闲置率", "idle land rate"],
  outputPerMuWan: ["工业用地产出强度", "industrial output per mu"],
};

const show = (x: number, unit: EligibilityRule["unit"]) =>
  unit === "ratio" ? formatPercent(x, 1) : `${formatNumber(x, 1)} 万元/亩`;

/**
 * Tests each rule of `profile` against the indicator values: pass when value ≥ threshold (`min`)
 * or value ≤ threshold (`max`). A null value gives `pass: null`, never a silent pass or fail.
 * @see ../shared/domain.md §10
 */
export function eligibilityChecklist(
  values: Readonly<Record<EligibilityIndicator, number | null>>,
  profile: EligibilityProfile,
): EligibilityChecklist {
  const items = profile.rules.map((r): EligibilityItem => {
    const v = values[r.indicator];
    const [zh, en] = LABEL[r.indicator];
    const op = r.direction === "min" ? "≥" : "≤";
    if (v === null)
      return {
        ...r,
        value: null,
        pass: null,
        reason: reason(
          `${zh}无数据，无法判断（要求 ${op} ${show(r.threshold, r.unit)}）`,
          `${en} unknown (needs ${op} ${show(r.threshold, r.unit)})`,
        ),
      };
    const pass = r.direction === "min" ? v >= r.threshold : v <= r.threshold;
    return {
      indicator: r.indicator,
      value: v,
      threshold: r.threshold,
      direction: r.direction,
      unit: r.unit,
      pass,
      reason: reason(
        `${zh} ${show(v, r.unit)}，要求 ${op} ${show(r.threshold, r.unit)}：${pass ? "达标" : "未达标"}`,
        `${en} ${show(v, r.unit)}, needs ${op} ${show(r.threshold, r.unit)}: ${pass ? "pass" : "fail"}`,
      ),
    };
  });
  const eligible = items.some((i) => i.pass === false)
    ? false
    : items.some((i) => i.pass === null)
      ? null
      : true;
  return { profileId: profile.id, items, eligible };
}
