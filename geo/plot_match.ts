import { GeoError } from "./errors.ts";
import { industryDivisionsOf } from "./industry_keywords.ts";
import { formatNumber, type Reason, reason } from "./reason.ts";

/**
 * Project-to-plot matching for the investment office: every offered plot of the zone gets a fit score
 * in 0..1, the weighted mean of the criteria below that can be assessed (a criterion without data or
 * threshold drops out and the weights of the rest are renormalised). Plots that cannot host the
 * project (too small, inside a control line) are excluded with their reason, never scored.
 *
 * | criterion | weight | fit |
 * |---|---|---|
 * | industry | 0.35 | 1 the project's division is a leading/permitted division of the plot or park; 0.6 a keyword names a leading industry; 0.25 same GB/T 4754 section; else 0 |
 * | area | 0.20 | r = plot 亩 ÷ needed 亩: r < 0.9 excluded; 0.9 ≤ r < 1: 1 − 5(1 − r); 1 ≤ r ≤ 1.5: 1; r > 1.5: 1.5 ÷ r |
 * | investment intensity | 0.15 | I = investment ÷ plot 亩 (万元/亩) against the 标准地 minimum: min(1, I ÷ min) |
 * | output per 亩 | 0.10 | expected output ÷ plot 亩 against the 标准地 minimum: min(1, O ÷ min) |
 * | energy | 0.05 | E = tce ÷ 万元 output against the 标准地 maximum: E ≤ max → 1, else max ÷ E |
 * | distance | 0.15 | d = nearest of highway and railway (m): 1 ÷ (1 + d ÷ 20 km) |
 *
 * Weights and cut-offs are [configurable default]s (MATCH_WEIGHTS, MATCH_RULES); the 标准地 thresholds
 * are the plot's own (domain.md §8).
 * @see ../shared/domain.md §2 (Wenshan cross-park referral), §8 (标准地), §9 (GB/T 4754 editions)
 */

export const MATCH_WEIGHTS = {
  industry: 0.35,
  area: 0.2,
  investment: 0.15,
  output: 0.1,
  energy: 0.05,
  distance: 0.15,
} as const;
export type MatchCriterion = keyof typeof MATCH_WEIGHTS;

export const MATCH_RULES = {
  /** Below this plot/need area ratio a plot is too small. */
  minAreaRatio: 0.9,
  /** Up to this ratio a larger plot fits fully. */
  comfortableAreaRatio: 1.5,
  /** Distance at which the distance fit halves, m. */
  halfFitDistanceM: 20_000,
} as const;

/** The project an investor describes. */
export interface MatchProject {
  /** GB/T 4754 code (any level, with or without section letter) or a keyword (e.g. 铝, tea). */
  readonly industry: string;
  readonly areaMu: number;
  readonly investmentWan: number;
  readonly expectedOutputWan?: number | null;
  readonly energyTce?: number | null;
  readonly preferredParkId?: number | null;
}

/** One offered plot with what matching reads. */
export interface MatchCandidate {
  readonly plotId: number;
  readonly parkId: number;
  readonly areaMu: number;
  /** The park's leading divisions (GB/T 4754-2017, e.g. `C32`). */
  readonly parkIndustryCodes: readonly string[];
  /** The park's leading industries as text (Chinese and English), for keyword matches. */
  readonly parkIndustryNames: readonly string[];
  /** Divisions the offer permits; empty → the park's. */
  readonly permittedIndustryCodes: readonly string[];
  readonly minInvestmentPerMuWan: number | null;
  readonly minOutputPerMuWan: number | null;
  readonly maxEnergyTcePerWan: number | null;
  readonly nearestHighwayDistanceM: number | null;
  readonly nearestRailwayDistanceM: number | null;
  /** Area of the plot inside 永久基本农田 or 生态保护红线, m². */
  readonly constraintOverlapM2: number;
}

/** One criterion's finding. */
export interface MatchReason extends Reason {
  readonly criterion: MatchCriterion | "constraint";
  /** Fit 0..1; null when not assessed. */
  readonly fit: number | null;
  readonly code: string;
}

export interface ScoredPlot {
  readonly plotId: number;
  readonly parkId: number;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

export interface ExcludedPlot {
  readonly plotId: number;
  readonly parkId: number;
  readonly reasons: readonly MatchReason[];
}

const r = (
  criterion: MatchReason["criterion"],
  fit: number | null,
  code: string,
  zh: string,
  en: string,
): MatchReason => ({ criterion, fit, code, ...reason(zh, en) });

function industryReason(p: MatchProject, divisions: readonly string[], c: MatchCandidate): MatchReason {
  const leading = c.permittedIndustryCodes.length > 0 ? c.permittedIndustryCodes : c.parkIndustryCodes;
  const hit = divisions.find((d) => leading.includes(d));
  if (hit)
    return r(
      "industry",
      1,
      "industry_leading",
      `${hit} 属园区主导/准入产业`,
      `${hit} is a leading or permitted industry here`,
    );
  const text = p.industry.trim().toLowerCase();
  const named =
    text.length >= 2 &&
    c.parkIndustryNames.find((n) => n.toLowerCase().includes(text) || text.includes(n.toLowerCase()));
  if (named)
    return r(
      "industry",
      0.6,
      "industry_keyword",
      `与主导产业"${named}"相符`,
      `Matches the leading industry "${named}"`,
    );
  const sections = new Set(leading.map((d) => d.slice(0, 1)));
  if (divisions.some((d) => sections.has(d.slice(0, 1))))
    return r(
      "industry",
      0.25,
      "industry_same_section",
      "同一产业门类，非主导产业",
      "Same industry section, not a leading industry",
    );
  return r(
    "industry",
    0,
    "industry_mismatch",
    "不属园区产业定位",
    "Outside the park's industrial positioning",
  );
}

function areaReason(p: MatchProject, c: MatchCandidate): MatchReason {
  const ratio = c.areaMu / p.areaMu;
  const mu = formatNumber(c.areaMu, 1);
  if (ratio < MATCH_RULES.minAreaRatio)
    return r("area", null, "area_too_small", `面积 ${mu} 亩，小于需求`, `Area ${mu} mu is below the need`);
  if (ratio < 1)
    return r(
      "area",
      1 - 5 * (1 - ratio),
      "area_slightly_small",
      `面积 ${mu} 亩，略小于需求`,
      `Area ${mu} mu, slightly below the need`,
    );
  if (ratio <= MATCH_RULES.comfortableAreaRatio)
    return r("area", 1, "area_fits", `面积 ${mu} 亩，符合需求`, `Area ${mu} mu fits the need`);
  return r(
    "area",
    MATCH_RULES.comfortableAreaRatio / ratio,
    "area_larger",
    `面积 ${mu} 亩，明显大于需求`,
    `Area ${mu} mu, well above the need`,
  );
}

function thresholdReason(
  criterion: "investment" | "output",
  value: number | null,
  min: number | null,
  label: { zh: string; en: string },
): MatchReason {
  if (value === null || min === null)
    return r(
      criterion,
      null,
      `${criterion}_not_assessed`,
      `${label.zh}：无门槛或未填报`,
      `${label.en}: no threshold or not given`,
    );
  const v = formatNumber(value, 1);
  const m = formatNumber(min, 1);
  if (value >= min)
    return r(
      criterion,
      1,
      `${criterion}_meets`,
      `${label.zh} ${v} ≥ 标准地要求 ${m} 万元/亩`,
      `${label.en} ${v} ≥ standard-land minimum ${m} (10k yuan/mu)`,
    );
  return r(
    criterion,
    value / min,
    `${criterion}_below`,
    `${label.zh} ${v} < 标准地要求 ${m} 万元/亩`,
    `${label.en} ${v} < standard-land minimum ${m} (10k yuan/mu)`,
  );
}

function energyReason(p: MatchProject, c: MatchCandidate): MatchReason {
  const out = p.expectedOutputWan ?? null;
  if (p.energyTce == null || out === null || out <= 0 || c.maxEnergyTcePerWan === null)
    return r("energy", null, "energy_not_assessed", "能耗：无限值或未填报", "Energy: no limit or not given");
  const e = p.energyTce / out;
  const v = formatNumber(e, 3);
  const m = formatNumber(c.maxEnergyTcePerWan, 3);
  if (e <= c.maxEnergyTcePerWan)
    return r(
      "energy",
      1,
      "energy_within",
      `单位产值能耗 ${v} ≤ 限值 ${m} 吨标煤/万元`,
      `Energy ${v} ≤ limit ${m} tce per 10k yuan`,
    );
  return r(
    "energy",
    c.maxEnergyTcePerWan / e,
    "energy_exceeds",
    `单位产值能耗 ${v} > 限值 ${m} 吨标煤/万元`,
    `Energy ${v} > limit ${m} tce per 10k yuan`,
  );
}

function distanceReason(c: MatchCandidate): MatchReason {
  const ds = [c.nearestHighwayDistanceM, c.nearestRailwayDistanceM].filter((d): d is number => d !== null);
  if (ds.length === 0)
    return r("distance", null, "distance_unknown", "交通距离：无数据", "Transport distance: no data");
  const d = Math.min(...ds);
  const km = formatNumber(d / 1000, 1);
  return r(
    "distance",
    1 / (1 + d / MATCH_RULES.halfFitDistanceM),
    "distance",
    `距最近高速/铁路 ${km} 公里`,
    `${km} km to the nearest highway or railway`,
  );
}

/**
 * Scores one candidate for `project` (see the module comment). Returns the excluded form when the plot
 * cannot host the project.
 */
export function scorePlot(
  project: MatchProject,
  c: MatchCandidate,
): { kind: "scored"; plot: ScoredPlot } | { kind: "excluded"; plot: ExcludedPlot } {
  if (!(project.areaMu > 0)) throw new GeoError("areaMu", "must be > 0");
  if (!(c.areaMu > 0)) throw new GeoError("candidate.areaMu", "must be > 0");
  const divisions = industryDivisionsOf(project.industry);
  const area = areaReason(project, c);
  if (c.constraintOverlapM2 > 0 || area.code === "area_too_small") {
    const reasons = [area];
    if (c.constraintOverlapM2 > 0)
      reasons.push(
        r(
          "constraint",
          null,
          "constraint_overlap",
          "与永久基本农田或生态保护红线重叠",
          "Overlaps permanent farmland or the ecological red line",
        ),
      );
    return { kind: "excluded", plot: { plotId: c.plotId, parkId: c.parkId, reasons } };
  }
  const out = project.expectedOutputWan ?? null;
  const reasons: MatchReason[] = [
    industryReason(project, divisions, c),
    area,
    thresholdReason("investment", project.investmentWan / c.areaMu, c.minInvestmentPerMuWan, {
      zh: "投资强度",
      en: "Investment intensity",
    }),
    thresholdReason("output", out === null ? null : out / c.areaMu, c.minOutputPerMuWan, {
      zh: "亩均产出",
      en: "Output per mu",
    }),
    energyReason(project, c),
    distanceReason(c),
  ];
  let weighted = 0;
  let weights = 0;
  for (const x of reasons) {
    if (x.fit === null || x.criterion === "constraint") continue;
    weighted += MATCH_WEIGHTS[x.criterion] * x.fit;
    weights += MATCH_WEIGHTS[x.criterion];
  }
  return {
    kind: "scored",
    plot: { plotId: c.plotId, parkId: c.parkId, score: weights > 0 ? weighted / weights : 0, reasons },
  };
}

/** A ranked plot; `recommendedFromParkId` marks a cross-park recommendation away from the preferred park. */
export interface RankedPlot extends ScoredPlot {
  readonly rank: number;
  readonly recommendedFromParkId: number | null;
}

/**
 * Ranks every candidate (score descending, then plot id). With a preferred park, each plot of another
 * park that outranks the preferred park's best plot (or any plot, when the preferred park has none
 * left) is a "recommended to another park" entry: `recommendedFromParkId` = the preferred park.
 */
export function rankPlots(
  project: MatchProject,
  candidates: readonly MatchCandidate[],
): { ranked: RankedPlot[]; excluded: ExcludedPlot[] } {
  const scored: ScoredPlot[] = [];
  const excluded: ExcludedPlot[] = [];
  for (const c of candidates) {
    const s = scorePlot(project, c);
    if (s.kind === "scored") scored.push(s.plot);
    else excluded.push(s.plot);
  }
  scored.sort((a, b) => b.score - a.score || a.plotId - b.plotId);
  const preferred = project.preferredParkId ?? null;
  const bestPreferred = preferred === null ? -1 : scored.findIndex((s) => s.parkId === preferred);
  const ranked = scored.map((s, i) => ({
    ...s,
    rank: i + 1,
    recommendedFromParkId:
      preferred !== null && s.parkId !== preferred && (bestPreferred === -1 || i < bestPreferred)
        ? preferred
        : null,
  }));
  return { ranked, excluded };
}
