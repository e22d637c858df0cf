import { GeoError } from "./errors.ts";
import { formatNumber, formatPercent, type Reason, reason } from "./reason.ts";
import { EXPANSION_SIZE_REFERENCE_MU } from "./thresholds.ts";

/**
 * Weights of the expansion-candidate criteria. Any non-negative numbers with a positive sum; they
 * are normalised, so `{proximity: 2, adjacency: 2, compactness: 1, size: 1}` equals 1/3, 1/3, 1/6, 1/6.
 */
export interface ExpansionWeights {
  readonly proximity: number;
  readonly adjacency: number;
  readonly compactness: number;
  readonly size: number;
}

/**
 * Default weights. [configurable default] No published weighting exists for ranking 扩区 land;
 * closeness and a shared boundary with the park come first because the dossier asks for land that
 * extends the park, then shape and size.
 * @see ../shared/domain.md §10, §13 item 11
 */
export const DEFAULT_EXPANSION_WEIGHTS: ExpansionWeights = {
  proximity: 0.3,
  adjacency: 0.3,
  compactness: 0.2,
  size: 0.2,
};

/** What PostGIS measured for one candidate piece. */
export interface CandidateMeasures {
  /** Ellipsoidal area, 亩. */
  readonly areaMu: number;
  /** Shortest distance to the park boundary, m (0 when the piece touches the park). */
  readonly distanceM: number;
  /** Length of the piece's boundary shared with the park ÷ the piece's perimeter (0–1). */
  readonly sharedBoundaryRatio: number;
  /** Polsby–Popper compactness 4πA/P² (1 for a disc), see `compactness`. */
  readonly compactness: number;
}

/** The four criteria, each scaled to 0–1 (1 = best). */
export interface CandidateCriteria {
  readonly proximity: number;
  readonly adjacency: number;
  readonly compactness: number;
  readonly size: number;
}

/** A candidate's score (0–100), its criteria and bilingual reasons. */
export interface CandidateScore {
  readonly score: number;
  readonly criteria: CandidateCriteria;
  readonly reasons: readonly Reason[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Polsby–Popper compactness: `4π·A / P²`, 1 for a disc, about 0.785 for a square, towards 0 for
 * slivers. Planar area and perimeter in the same metric CRS (m², m).
 * @see Polsby & Popper, "The third criterion: compactness as a procedural safeguard against
 *   partisan gerrymandering", Yale Law & Policy Review 9 (1991) 301–353
 */
export function compactness(areaM2: number, perimeterM: number): number {
  if (!(perimeterM > 0)) throw new GeoError("perimeterM", `must be > 0 (got ${perimeterM})`);
  if (!(areaM2 >= 0)) throw new GeoError("areaM2", `must be ≥ 0 (got ${areaM2})`);
  return clamp01((4 * Math.PI * areaM2) / (perimeterM * perimeterM));
}

/** Throws `GeoError` unless every weight is finite, ≥ 0, and their sum is > 0. */
export function assertExpansionWeights(w: ExpansionWeights): void {
  for (const [k, v] of Object.entries(w)) {
    if (!(Number.isFinite(v) && v >= 0))
      throw new GeoError(`weights.${k}`, `must be a finite number ≥ 0 (got ${v})`);
  }
  if (!(w.proximity + w.adjacency + w.compactness + w.size > 0))
    throw new GeoError("weights", "must have a positive sum");
}

/**
 * Weighted multi-criteria score of an expansion candidate, 0–100:
 *
 *   score = 100 · Σ wₖ·cₖ / Σ wₖ, with
 *   proximity   c = 1 − min(distanceM, maxDistanceM) / maxDistanceM,
 *   adjacency   c = sharedBoundaryRatio,
 *   compactness c = Polsby–Popper 4πA/P²,
 *   size        c = min(1, areaMu / sizeReferenceMu).
 *
 * A simple additive weighting (SAW) of criteria scaled to 0–1. Units: m, 亩; result dimensionless.
 * [configurable default] weights and `sizeReferenceMu` (`EXPANSION_SIZE_REFERENCE_MU`).
 * @see Malczewski, "GIS-based multicriteria decision analysis: a survey of the literature",
 *   IJGIS 20(7) (2006) 703–726 (weighted linear combination); ../shared/domain.md §10
 */
export function candidateScore(
  m: CandidateMeasures,
  opts: { maxDistanceM: number; weights?: ExpansionWeights; sizeReferenceMu?: number },
): CandidateScore {
  const w = opts.weights ?? DEFAULT_EXPANSION_WEIGHTS;
  assertExpansionWeights(w);
  if (!(opts.maxDistanceM > 0)) throw new GeoError("maxDistanceM", `must be > 0 (got ${opts.maxDistanceM})`);
  const sizeRef = opts.sizeReferenceMu ?? EXPANSION_SIZE_REFERENCE_MU;
  const criteria: CandidateCriteria = {
    proximity: clamp01(1 - Math.min(m.distanceM, opts.maxDistanceM) / opts.maxDistanceM),
    adjacency: clamp01(m.sharedBoundaryRatio),
    compactness: clamp01(m.compactness),
    size: clamp01(m.areaMu / sizeRef),
  };
  const sumW = w.proximity + w.adjacency + w.compactness + w.size;
  const score =
    (100 *
      (w.proximity * criteria.proximity +
        w.adjacency * criteria.adjacency +
        w.compactness * criteria.compactness +
        w.size * criteria.size)) /
    sumW;
  return { score, criteria, reasons: candidateReasons(m) };
}

function candidateReasons(m: CandidateMeasures): Reason[] {
  const out: Reason[] = [];
  if (m.sharedBoundaryRatio > 0)
    out.push(
      reason(
        `与园区相邻，共用边界占其周长的 ${formatPercent(m.sharedBoundaryRatio, 1)}`,
        `adjoins the park: ${formatPercent(m.sharedBoundaryRatio, 1)} of its perimeter is shared with it`,
      ),
    );
  else
    out.push(
      reason(
        `距园区 ${formatNumber(m.distanceM, 0)} 米，不与园区相邻`,
        `${formatNumber(m.distanceM, 0)} m from the park, not adjoining it`,
      ),
    );
  out.push(
    reason(
      `面积 ${formatNumber(m.areaMu, 1)} 亩，位于所需图层内且避开排除图层、现有园区和宗地`,
      `${formatNumber(m.areaMu, 1)} mu inside the required layers, clear of excluded layers, parks and plots`,
    ),
  );
  out.push(
    m.compactness >= 0.5
      ? reason(
          `形状紧凑（紧凑度 ${formatNumber(m.compactness)}）`,
          `compact shape (compactness ${formatNumber(m.compactness)})`,
        )
      : reason(
          `形状狭长或不规则（紧凑度 ${formatNumber(m.compactness)}）`,
          `elongated or irregular shape (compactness ${formatNumber(m.compactness)})`,
        ),
  );
  return out;
}
