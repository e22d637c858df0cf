import type { AggregateKey } from "./aggregate.ts";
import { type Computed, isKnown, known, nullReason, unknown } from "./computed.ts";
import { GeoError } from "./errors.ts";
import type { Reason } from "./reason.ts";
import { TDT_SCORE_CAP } from "./thresholds.ts";

/** The three TD/T 1029 objectives: 土地利用状况, 用地效益, 管理绩效. */
export type TdtObjective = "status" | "benefit" | "management";

/** One scored indicator: positive (S = min(cap, 100·X/T)) or negative (S = max(0, 100·(1 − X/Xmax))). */
export interface TdtIndicatorSpec extends Reason {
  readonly key: AggregateKey;
  readonly direction: "positive" | "negative";
  /** Ideal value T (positive) or X_max (negative), in the indicator's unit. Must be > 0. */
  readonly ideal: number;
  /** Weight within its sub-objective. */
  readonly weight: number;
}

/** A sub-objective (程度, 结构, 强度, 投入产出, 监管) with its weight within the objective. */
export interface TdtSubObjective extends Reason {
  readonly key: string;
  readonly objective: TdtObjective;
  readonly weight: number;
  readonly indicators: readonly TdtIndicatorSpec[];
}

/** A complete scoring configuration (plain data). Weights at each level must sum to 1. */
export interface TdtScoringConfig {
  readonly source: string;
  readonly cap: number;
  readonly objectiveWeights: Readonly<Record<TdtObjective, number>>;
  readonly subObjectives: readonly TdtSubObjective[];
}

/**
 * Default scoring for an 工业主导型 zone's main range [configurable default throughout].
 * Weights sit inside the ranges of domain §4 (状况 0.72 / 效益 0.18 / 绩效 0.10; within 状况
 * 程度 0.25 / 结构 0.18 / 强度 0.57); equal weights within a sub-objective. 土地开发率 belongs to the
 * direction range and is not scored here. Ideal values are working defaults, not published
 * values: rates 100 %; 工业用地率 50 % and 综合/工业容积率 1.0 (near the 2020 national means
 * 48.52 %, 0.98, 0.93); 建筑密度 35 % (2024 mean 33.87 %); 建筑系数 50 %; 高新技术产业用地率 30 %;
 * 固投强度 9,000 and 地均税收 700 万元/ha (2020 means 8,984.3 and 678.99); 土地闲置率 X_max = 100 %.
 * @see TD/T 1029; ../shared/domain.md §4 (Scoring, Weight ranges, Reference values), §13 item 2
 */
export const DEFAULT_TDT_SCORING: TdtScoringConfig = {
  source:
    "domain.md §4 weight ranges (工业主导型, main range) [practice]; ideal values [configurable default]",
  cap: TDT_SCORE_CAP,
  objectiveWeights: { status: 0.72, benefit: 0.18, management: 0.1 },
  subObjectives: [
    {
      key: "degree",
      zh: "利用程度",
      en: "degree of use",
      objective: "status",
      weight: 0.25,
      indicators: [
        {
          key: "supplyRate",
          zh: "土地供应率",
          en: "supply rate",
          direction: "positive",
          ideal: 1,
          weight: 0.5,
        },
        {
          key: "builtRate",
          zh: "土地建成率",
          en: "built rate",
          direction: "positive",
          ideal: 1,
          weight: 0.5,
        },
      ],
    },
    {
      key: "structure",
      zh: "用地结构",
      en: "land-use structure",
      objective: "status",
      weight: 0.18,
      indicators: [
        {
          key: "industrialLandRate",
          zh: "工业用地率",
          en: "industrial land rate",
          direction: "positive",
          ideal: 0.5,
          weight: 0.5,
        },
        {
          key: "highTechLandRate",
          zh: "高新技术产业用地率",
          en: "high-tech land rate",
          direction: "positive",
          ideal: 0.3,
          weight: 0.5,
        },
      ],
    },
    {
      key: "intensity",
      zh: "利用强度",
      en: "intensity of use",
      objective: "status",
      weight: 0.57,
      indicators: [
        { key: "far", zh: "综合容积率", en: "FAR", direction: "positive", ideal: 1, weight: 0.25 },
        {
          key: "buildingDensity",
          zh: "建筑密度",
          en: "building density",
          direction: "positive",
          ideal: 0.35,
          weight: 0.25,
        },
        {
          key: "industrialFar",
          zh: "工业用地综合容积率",
          en: "industrial FAR",
          direction: "positive",
          ideal: 1,
          weight: 0.25,
        },
        {
          key: "industrialCoverage",
          zh: "工业用地建筑系数",
          en: "industrial coverage",
          direction: "positive",
          ideal: 0.5,
          weight: 0.25,
        },
      ],
    },
    {
      key: "inputOutput",
      zh: "投入产出效益",
      en: "input and output",
      objective: "benefit",
      weight: 1,
      indicators: [
        {
          key: "investmentPerHaWan",
          zh: "工业用地固定资产投入强度",
          en: "investment intensity",
          direction: "positive",
          ideal: 9000,
          weight: 0.5,
        },
        {
          key: "taxPerHaWan",
          zh: "工业用地地均税收",
          en: "tax per ha",
          direction: "positive",
          ideal: 700,
          weight: 0.5,
        },
      ],
    },
    {
      key: "supervision",
      zh: "土地利用监管绩效",
      en: "supervision",
      objective: "management",
      weight: 1,
      indicators: [
        { key: "idleRate", zh: "土地闲置率", en: "idle rate", direction: "negative", ideal: 1, weight: 1 },
      ],
    },
  ],
};

/**
 * Standardized score of one indicator value X. Positive: S = min(cap, 100·X/T); negative:
 * S = max(0, 100·(1 − X/X_max)) (clamped at 0 when X exceeds X_max). Null X gives null S.
 * Throws `GeoError` when `spec.ideal` ≤ 0.
 * @see TD/T 1029; ../shared/domain.md §4 (Scoring)
 */
export function standardizedScore(
  x: Computed,
  spec: Pick<TdtIndicatorSpec, "direction" | "ideal" | "key">,
  cap: number = TDT_SCORE_CAP,
): Computed {
  if (!(spec.ideal > 0)) throw new GeoError(`ideal of ${spec.key}`, `must be > 0, got ${spec.ideal}`);
  if (!isKnown(x)) return x;
  const s =
    spec.direction === "positive"
      ? Math.min(cap, (100 * x.value) / spec.ideal)
      : Math.max(0, 100 * (1 - x.value / spec.ideal));
  return known(s);
}

/** Scores at every level; each null (with the missing indicators named) when any input is null. */
export interface TdtScores {
  readonly indicators: Readonly<Partial<Record<AggregateKey, Computed>>>;
  readonly subObjectives: Readonly<Record<string, Computed>>;
  readonly objectives: Readonly<Record<TdtObjective, Computed>>;
  /** 集约度分值 F = Σ w_obj Σ w_sub Σ w_ind S. */
  readonly total: Computed;
}

function weighted(
  parts: readonly { readonly name: string; readonly weight: number; readonly score: Computed }[],
): Computed {
  const missing = parts.filter((p) => !isKnown(p.score)).map((p) => p.name);
  if (missing.length > 0)
    return unknown(
      nullReason(
        "missing_input",
        `缺少得分：${missing.join("、")}`,
        `score missing for: ${missing.join(", ")}`,
      ),
    );
  return known(parts.reduce((s, p) => s + p.weight * (p.score.value ?? 0), 0));
}

function checkWeights(name: string, weights: readonly number[]): void {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.some((w) => !(w >= 0)) || Math.abs(total - 1) > 1e-9)
    throw new GeoError(name, `weights must be non-negative and sum to 1, got ${total}`);
}

/**
 * TD/T 1029 scores of a park's or zone's aggregates: standardized indicator scores, weighted
 * sub-objective and objective scores, and the total. Throws `GeoError` when weights at a level
 * do not sum to 1.
 * @see TD/T 1029; ../shared/domain.md §4 (Formula sheet: S = min(cap, 100·X/T), F = Σ w·S)
 */
export function tdtScores(
  aggregates: Readonly<Partial<Record<AggregateKey, Computed>>>,
  config: TdtScoringConfig = DEFAULT_TDT_SCORING,
): TdtScores {
  const objectives = ["status", "benefit", "management"] as const;
  checkWeights(
    "objectiveWeights",
    objectives.map((o) => config.objectiveWeights[o]),
  );
  const indicators: Partial<Record<AggregateKey, Computed>> = {};
  const subObjectives: Record<string, Computed> = {};
  for (const sub of config.subObjectives) {
    checkWeights(
      `subObjectives.${sub.key}`,
      sub.indicators.map((i) => i.weight),
    );
    const parts = sub.indicators.map((spec) => {
      const x =
        aggregates[spec.key] ??
        unknown(nullReason("missing_input", `缺少${spec.zh}`, `${spec.en} missing`, spec.key));
      const score = standardizedScore(x, spec, config.cap);
      indicators[spec.key] = score;
      return { name: spec.zh, weight: spec.weight, score };
    });
    subObjectives[sub.key] = weighted(parts);
  }
  const byObjective = Object.fromEntries(
    objectives.map((o) => {
      const subs = config.subObjectives.filter((s) => s.objective === o);
      checkWeights(
        `subObjectives of ${o}`,
        subs.map((s) => s.weight),
      );
      return [
        o,
        weighted(
          subs.map((s) => ({
            name: s.zh,
            weight: s.weight,
            score: subObjectives[s.key] ?? unknown(nullReason("missing_input", s.zh, s.en)),
          })),
        ),
      ];
    }),
  ) as Record<TdtObjective, Computed>;
  const total = weighted(
    objectives.map((o) => ({ name: o, weight: config.objectiveWeights[o], score: byObjective[o] })),
  );
  return { indicators, subObjectives, objectives: byObjective, total };
}
