import { type Computed, nullReason, unknown } from "./computed.ts";
import {
  ECONOMIC_INDICATOR_DEFS,
  type EconomicIndicatorKey,
  economicIndicators,
  indicatorParts,
} from "./economic_indicators.ts";
import { GeoError } from "./errors.ts";
import {
  GRADES,
  type Grade,
  type MuJunGrading,
  type MuJunProfile,
  type MuJunTerm,
  ZHEJIANG_MU_JUN_PROFILE,
} from "./mu_jun_profiles.ts";
import { safeRatio } from "./ratio.ts";
import { formatNumber, type Reason } from "./reason.ts";
import { ABOVE_SCALE_REVENUE_THRESHOLD_WAN } from "./thresholds.ts";
import type { AnnualStats } from "./types.ts";
import { m2ToMu, squareMeters } from "./units.ts";

/**
 * 规上 (above designated size) when annual revenue reaches the threshold (default 2000 万元);
 * null when revenue is unknown. Importers use it where the statistics office's flag is absent.
 * @see ../shared/domain.md §1 (规上 threshold, configurable default)
 */
export function isAboveScaleRevenue(
  revenueWan: number | null,
  thresholdWan: number = ABOVE_SCALE_REVENUE_THRESHOLD_WAN,
): boolean | null {
  return revenueWan === null ? null : revenueWan >= thresholdWan;
}

/** One enterprise in one year, as 亩均 evaluation sees it. */
export interface MuJunFirmYear {
  readonly enterpriseId: number;
  /** 规上 (above designated size) for the year. */
  readonly isAboveScale: boolean;
  /** Land the enterprise uses: the sum of its plots' areas, m². */
  readonly landAreaM2: number;
  /** The year's statistics, or null when it reported none (then it is not scored). */
  readonly stats: AnnualStats | null;
}

/** A group average with how many firms stand behind it. */
export type Benchmark = Computed & { readonly firms: number };
/** Benchmarks by indicator. */
export type Benchmarks = Partial<Record<EconomicIndicatorKey, Benchmark>>;
/** Benchmarks for each size class (规上 and 规下 are compared with their own class). */
export interface GroupBenchmarks {
  readonly aboveScale: Benchmarks;
  readonly belowScale: Benchmarks;
}

/**
 * The comparison group's benchmark for each indicator of `profile`, per size class: the **ratio
 * of sums** over the class's firms that reported both parts, e.g. Σ tax ÷ Σ 亩 for 亩均税收 and
 * Σ value added ÷ Σ tce for 单位能耗增加值 (the group's own intensity, so large firms weigh by
 * size, not the mean of firm ratios). `firms` counts who stands behind each figure.
 * @param group - the park's or zone's firms for one year
 * @see ../shared/domain.md §8 ("the regional average is the configurable default")
 */
export function benchmarksFor(
  group: readonly MuJunFirmYear[],
  profile: MuJunProfile = ZHEJIANG_MU_JUN_PROFILE,
): GroupBenchmarks {
  const forClass = (above: boolean, terms: readonly MuJunTerm[]): Benchmarks => {
    const out: Benchmarks = {};
    for (const { indicator } of terms) {
      let num = 0;
      let den = 0;
      let firms = 0;
      for (const f of group) {
        if (f.isAboveScale !== above || f.stats === null) continue;
        const p = indicatorParts(indicator, f.stats, m2ToMu(squareMeters(f.landAreaM2)));
        if (p.numerator === null || p.denominator === null) continue;
        num += p.numerator;
        den += p.denominator;
        firms += 1;
      }
      const d = ECONOMIC_INDICATOR_DEFS[indicator];
      const value: Computed =
        firms === 0
          ? unknown(
              nullReason(
                "missing_input",
                "比较组内无企业报送该指标",
                "no firm in the group reported this indicator",
                indicator,
              ),
            )
          : safeRatio(num, den, { numerator: d.numeratorLabel, denominator: d.denominatorLabel });
      out[indicator] = { ...value, firms };
    }
    return out;
  };
  return { aboveScale: forClass(true, profile.aboveScale), belowScale: forClass(false, profile.belowScale) };
}

/** One term of a firm's score. */
export interface MuJunTermScore {
  readonly indicator: EconomicIndicatorKey;
  readonly weight: number;
  readonly value: number | null;
  readonly benchmark: number | null;
  /** value ÷ benchmark, after the optional cap. */
  readonly ratio: number | null;
  /** ratio × weight. */
  readonly points: number | null;
}

/** A firm's 亩均 score; null when any term lacks its value or benchmark. */
export interface MuJunScore {
  readonly score: number | null;
  readonly terms: readonly MuJunTermScore[];
  /** Indicators whose value or benchmark was missing (or benchmark ≤ 0). */
  readonly missing: readonly EconomicIndicatorKey[];
  readonly reasons: readonly Reason[];
}

/**
 * Score = Σ min(cap, value ÷ benchmark) × weight. A term without a value, or with a missing or
 * non-positive benchmark, makes the score null (listed in `missing`): a firm is never scored on a
 * partial set. Example (domain §8): values (30, 150, 3.0, 5000, 20, 0.03) against benchmarks
 * (24.097, 136.16, 2.694, 4929.81, 18.14, 0.0302) with 30/20/20/10/10/10 → 112.76.
 * @see ../shared/domain.md §8
 */
export function muJunScore(
  values: Partial<Record<EconomicIndicatorKey, number | null>>,
  benchmarks: Partial<Record<EconomicIndicatorKey, number | null>>,
  terms: readonly MuJunTerm[],
  termRatioCap: number | null = null,
): MuJunScore {
  const missing: EconomicIndicatorKey[] = [];
  const scored = terms.map((t): MuJunTermScore => {
    const value = values[t.indicator] ?? null;
    const benchmark = benchmarks[t.indicator] ?? null;
    if (value === null || benchmark === null || !(benchmark > 0) || !Number.isFinite(value)) {
      missing.push(t.indicator);
      return { indicator: t.indicator, weight: t.weight, value, benchmark, ratio: null, points: null };
    }
    const raw = value / benchmark;
    const ratio = termRatioCap === null ? raw : Math.min(termRatioCap, raw);
    return { indicator: t.indicator, weight: t.weight, value, benchmark, ratio, points: ratio * t.weight };
  });
  if (missing.length > 0) {
    const names = terms.filter((t) => missing.includes(t.indicator));
    return {
      score: null,
      terms: scored,
      missing,
      reasons: [
        {
          zh: `缺少指标值或基准值：${names.map((t) => t.zh).join("、")}，不评分`,
          en: `not scored: value or benchmark missing for ${names.map((t) => t.en).join(", ")}`,
        },
      ],
    };
  }
  const score = scored.reduce((s, t) => s + (t.points ?? 0), 0);
  const detail = scored
    .map((t, i) => `${terms[i]?.zh ?? t.indicator} ${formatNumber(t.points ?? 0)}`)
    .join(" + ");
  const detailEn = scored
    .map((t, i) => `${terms[i]?.en ?? t.indicator} ${formatNumber(t.points ?? 0)}`)
    .join(" + ");
  return {
    score,
    terms: scored,
    missing,
    reasons: [
      { zh: `综合得分 ${formatNumber(score)} = ${detail}`, en: `score ${formatNumber(score)} = ${detailEn}` },
    ],
  };
}

/**
 * Classes for `scores` (null scores stay ungraded), by percentile rank or score bands (see
 * `MuJunGrading`). Throws `GeoError` when percentile shares are negative or do not sum to 1, or
 * bands are not descending.
 */
export function assignGrades(scores: readonly (number | null)[], grading: MuJunGrading): (Grade | null)[] {
  if (grading.method === "bands") {
    const { A, B, C } = validBands(grading.minScores);
    return scores.map((s) => (s === null ? null : s >= A ? "A" : s >= B ? "B" : s >= C ? "C" : "D"));
  }
  const cutoffs = percentileCutoffs(grading.shares);
  const known = scores.filter((s): s is number => s !== null).sort((a, b) => a - b);
  const n = known.length;
  /** How many known scores are strictly greater than `s` (binary search: O(n log n) for a group). */
  const countAbove = (s: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((known[mid] ?? Number.POSITIVE_INFINITY) <= s) lo = mid + 1;
      else hi = mid;
    }
    return n - lo;
  };
  return scores.map((s) => {
    if (s === null) return null;
    const ahead = countAbove(s) / n; // share of the group strictly ahead of this firm
    const k = cutoffs.findIndex((c) => ahead < c);
    return GRADES[k === -1 ? GRADES.length - 1 : k] ?? "D";
  });
}

/** Band minimums of `bands` grading, checked (throws `GeoError` unless A ≥ B ≥ C). */
export function validBands(
  minScores: Readonly<Record<"A" | "B" | "C", number>>,
): Readonly<Record<"A" | "B" | "C", number>> {
  const { A, B, C } = minScores;
  if (!(A >= B && B >= C)) throw new GeoError("grading.minScores", "must satisfy A ≥ B ≥ C");
  return minScores;
}

/**
 * The cut-offs of `percentile` grading, one per grade in `GRADES` order: a firm with a share `ahead`
 * of its group strictly ahead of it gets the first grade whose cut-off exceeds `ahead` (D when none
 * does). Cut-off k = the cumulative share of grades 0..k minus 1e-12, so float noise in the shares
 * cannot move a firm sitting exactly on a boundary. Also the parameters of the SQL twin
 * (api/db/mu_jun_sql.ts), so both grade against the same numbers.
 * Throws `GeoError` when the shares are negative or do not sum to 1.
 */
export function percentileCutoffs(shares: Readonly<Record<Grade, number>>): number[] {
  const list = GRADES.map((g) => shares[g]);
  const sum = list.reduce((a, b) => a + b, 0);
  if (list.some((s) => !(s >= 0)) || Math.abs(sum - 1) > 1e-9)
    throw new GeoError("grading.shares", `must be non-negative and sum to 1, got ${sum}`);
  const cutoffs: number[] = [];
  list.reduce((acc, s) => {
    cutoffs.push(acc + s - 1e-12);
    return acc + s;
  }, 0);
  return cutoffs;
}

/** A firm's 亩均 result for one year. */
export interface MuJunEvaluation extends MuJunScore {
  readonly enterpriseId: number;
  readonly sizeClass: "above_scale" | "below_scale";
  readonly grade: Grade | null;
  /** The profile's name for the grade, e.g. D 限制发展类. */
  readonly className: Reason | null;
}

/**
 * Scores and grades a group of firms for one year under `profile`. 规上 and 规下 firms are scored
 * on their own terms and benchmarks and graded within their own size class. Firms without
 * statistics, or with an incomplete score, are ungraded (grade null) with the reason.
 * @param benchmarks - defaults to `benchmarksFor(group, profile)`; pass stored regional benchmarks to override
 * @see ../shared/domain.md §8
 */
export function evaluateMuJun(
  group: readonly MuJunFirmYear[],
  profile: MuJunProfile = ZHEJIANG_MU_JUN_PROFILE,
  benchmarks: GroupBenchmarks = benchmarksFor(group, profile),
): MuJunEvaluation[] {
  const scores = group.map((f) => {
    const terms = f.isAboveScale ? profile.aboveScale : profile.belowScale;
    const bench = f.isAboveScale ? benchmarks.aboveScale : benchmarks.belowScale;
    const year = f.stats?.year ?? 0;
    const ind = economicIndicators(f.stats, f.landAreaM2, year);
    const values = Object.fromEntries(terms.map((t) => [t.indicator, ind[t.indicator].value]));
    const benchValues = Object.fromEntries(
      terms.map((t) => [t.indicator, bench[t.indicator]?.value ?? null]),
    );
    const s = muJunScore(values, benchValues, terms, profile.termRatioCap);
    if (f.stats !== null) return s;
    const why = { zh: "该年度无统计数据，不评分", en: "no statistics for the year: not scored" };
    return { ...s, reasons: [why] };
  });
  const grades: (Grade | null)[] = group.map(() => null);
  for (const above of [true, false]) {
    const idx = group.flatMap((f, i) => (f.isAboveScale === above ? [i] : []));
    const g = assignGrades(
      idx.map((i) => scores[i]?.score ?? null),
      profile.grading,
    );
    idx.forEach((i, j) => {
      grades[i] = g[j] ?? null;
    });
  }
  return group.map((f, i) => {
    const grade = grades[i] ?? null;
    const s = scores[i] ?? { score: null, terms: [], missing: [], reasons: [] };
    return {
      ...s,
      enterpriseId: f.enterpriseId,
      sizeClass: f.isAboveScale ? "above_scale" : "below_scale",
      grade,
      className: grade === null ? null : profile.classes[grade],
    };
  });
}

/** How many firms are in each class, and how many are ungraded. */
export function gradeCounts(
  evaluations: readonly { readonly grade: Grade | null }[],
): Record<Grade | "ungraded", number> {
  const counts: Record<Grade | "ungraded", number> = { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
  for (const e of evaluations) counts[e.grade ?? "ungraded"] += 1;
  return counts;
}
