import type { EconomicIndicatorKey } from "./economic_indicators.ts";
import type { Reason } from "./reason.ts";

/** The four 亩均 classes, best first. */
export const GRADES = ["A", "B", "C", "D"] as const;
/** A 亩均 class. */
export type Grade = (typeof GRADES)[number];

/** One scored term: `min(cap, value ÷ benchmark) × weight`. */
export interface MuJunTerm extends Reason {
  readonly indicator: EconomicIndicatorKey;
  /** Points for a firm exactly at the benchmark. */
  readonly weight: number;
}

/**
 * How scores become classes.
 * - `percentile`: rank firms by score (1 = best; tied scores share the better rank). A firm of rank
 *   r among n has (r − 1)/n of the group strictly ahead of it and gets the first class whose
 *   cumulative share c exceeds that: (r − 1)/n < c. With A 25 / B 50 / C 20 / D 5 %, 20 firms give
 *   ranks 1–5 A, 6–15 B, 16–19 C, 20 D; 4 firms give A, B, B, C; a lone firm gets A.
 * - `bands`: score ≥ minScores.A → A, ≥ B → B, ≥ C → C, else D.
 */
export type MuJunGrading =
  | { readonly method: "percentile"; readonly shares: Readonly<Record<Grade, number>> }
  | { readonly method: "bands"; readonly minScores: Readonly<Record<"A" | "B" | "C", number>> };

/**
 * A 亩均 (per-mu) evaluation profile, stored as data (plain JSON) so zones can edit it.
 * Scores: Σ min(termRatioCap, indicator ÷ benchmark) × weight over the size class's terms;
 * benchmarks are the comparison group's averages of the year (`benchmarksFor`).
 * @see ../shared/domain.md §8, §13 item 8
 */
export interface MuJunProfile extends Reason {
  readonly id: string;
  /** Where the indicators, weights and classes come from, with their tags. */
  readonly source: string;
  /** Terms for 规上 (above designated size) firms. */
  readonly aboveScale: readonly MuJunTerm[];
  /** Terms for 规下 firms. */
  readonly belowScale: readonly MuJunTerm[];
  /** Class names shown to people. */
  readonly classes: Readonly<Record<Grade, Reason>>;
  readonly grading: MuJunGrading;
  /**
   * Optional cap on each term's ratio (indicator ÷ benchmark) before weighting, so one outstanding
   * indicator cannot carry a firm (e.g. 2 → a term earns at most 2 × its weight).
   * null = no cap (the default). [configurable default]
   */
  readonly termRatioCap: number | null;
}

/** Default percentile cut-offs: A top 25 %, B next 50 %, C next 20 %, D bottom 5 %. [configurable default] */
export const DEFAULT_GRADE_SHARES: Readonly<Record<Grade, number>> = { A: 0.25, B: 0.5, C: 0.2, D: 0.05 };

/**
 * Zhejiang-style 亩均论英雄 profile (the default). 规上: 亩均税收 30, 亩均增加值 20, 单位能耗增加值 20,
 * 单位排放增加值 10, 全员劳动生产率 10, R&D 占比 10 (the usual weights [practice]); 规下: 亩均税收 50
 * + 单位电耗税收 50 [practice]. Class names as used in Zhejiang counties [practice].
 * @see ../shared/domain.md §8 (worked example: 112.76)
 */
export const ZHEJIANG_MU_JUN_PROFILE: MuJunProfile = {
  id: "zhejiang",
  zh: "浙江式亩均效益评价",
  en: "Zhejiang-style per-mu evaluation",
  source:
    "domain.md §8: indicators [firm], weights 30/20/20/10/10/10 and 50/50 [practice], cut-offs [configurable default]",
  aboveScale: [
    { indicator: "taxPerMuWan", weight: 30, zh: "亩均税收", en: "tax per mu" },
    { indicator: "valueAddedPerMuWan", weight: 20, zh: "亩均增加值", en: "value added per mu" },
    { indicator: "valueAddedPerTceWan", weight: 20, zh: "单位能耗增加值", en: "value added per tce" },
    {
      indicator: "valueAddedPerTonneWan",
      weight: 10,
      zh: "单位排放增加值",
      en: "value added per tonne emitted",
    },
    { indicator: "valueAddedPerEmployeeWan", weight: 10, zh: "全员劳动生产率", en: "labour productivity" },
    { indicator: "rndIntensityRatio", weight: 10, zh: "研发经费支出占营业收入比重", en: "R&D intensity" },
  ],
  belowScale: [
    { indicator: "taxPerMuWan", weight: 50, zh: "亩均税收", en: "tax per mu" },
    { indicator: "taxPerKwhYuan", weight: 50, zh: "单位电耗税收", en: "tax per kWh" },
  ],
  classes: {
    A: { zh: "A 类（优先支持）", en: "A (priority support)" },
    B: { zh: "B 类（鼓励提升）", en: "B (encouraged to improve)" },
    C: { zh: "C 类（帮扶转型）", en: "C (assisted transformation)" },
    D: { zh: "D 类（倒逼整治）", en: "D (compelled rectification)" },
  },
  grading: { method: "percentile", shares: DEFAULT_GRADE_SHARES },
  termRatioCap: null,
};

/**
 * Shandong-style 亩产效益 profile. 规上: 单位用地税收, 单位能耗销售收入, 单位排放销售收入, 研发投入强度,
 * 全员劳动生产率 [firm]; weights 40/15/15/15/15 [configurable default; *verify* against the
 * provincial rules]; 规下: 单位用地税收 alone [configurable default]. Classes A 优先发展类,
 * B 支持发展类, C 提升发展类, D 限制发展类 [firm].
 * @see ../shared/domain.md §8 (Shandong variant)
 */
export const SHANDONG_MU_JUN_PROFILE: MuJunProfile = {
  id: "shandong",
  zh: "山东式亩产效益评价",
  en: "Shandong-style per-mu evaluation",
  source:
    "domain.md §8: indicators and classes [firm]; weights 40/15/15/15/15 and 规下 tax-only [configurable default, verify]",
  aboveScale: [
    { indicator: "taxPerMuWan", weight: 40, zh: "单位用地税收", en: "tax per mu" },
    { indicator: "revenuePerTceWan", weight: 15, zh: "单位能耗销售收入", en: "revenue per tce" },
    { indicator: "revenuePerTonneWan", weight: 15, zh: "单位排放销售收入", en: "revenue per tonne emitted" },
    { indicator: "rndIntensityRatio", weight: 15, zh: "研发投入强度", en: "R&D intensity" },
    { indicator: "valueAddedPerEmployeeWan", weight: 15, zh: "全员劳动生产率", en: "labour productivity" },
  ],
  belowScale: [{ indicator: "taxPerMuWan", weight: 100, zh: "单位用地税收", en: "tax per mu" }],
  classes: {
    A: { zh: "A 类（优先发展类）", en: "A (priority development)" },
    B: { zh: "B 类（支持发展类）", en: "B (supported development)" },
    C: { zh: "C 类（提升发展类）", en: "C (to be upgraded)" },
    D: { zh: "D 类（限制发展类）", en: "D (restricted development)" },
  },
  grading: { method: "percentile", shares: DEFAULT_GRADE_SHARES },
  termRatioCap: null,
};

/** The built-in profiles by id. */
export const MU_JUN_PROFILES: Readonly<Record<string, MuJunProfile>> = {
  zhejiang: ZHEJIANG_MU_JUN_PROFILE,
  shandong: SHANDONG_MU_JUN_PROFILE,
};
