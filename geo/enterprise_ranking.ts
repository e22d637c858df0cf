/**
 * Ranking of enterprises by a per-mu indicator (亩均产值, 亩均税收 …) within a park or zone, from their plots.
 *
 * A firm's statistics are split over its plots by area (decision 0003), so every plot of a firm carries the
 * firm's per-mu value; the firm's figure here is the area-weighted mean over its plots that have a value,
 * Σ(vᵢ·aᵢ) / Σaᵢ — which is that same value, and stays meaningful if plots of one firm ever differ.
 * Units are the indicator's (万元/亩 for the per-mu indicators); areas in 亩.
 * @see ../docs/decisions/0003-land-metric-working-rules.md
 */

/** One plot's contribution: its enterprise, area in 亩 and indicator value (null: unknown). */
export interface RankingPlot {
  enterpriseId: number | null;
  enterpriseName: string | null;
  areaMu: number;
  value: number | null;
}

/** One ranked enterprise. */
export interface RankedEnterprise {
  /** 1 = highest value. */
  rank: number;
  enterpriseId: number;
  enterpriseName: string;
  /** Area-weighted indicator value over the firm's plots with a value. */
  value: number;
  /** The firm's land in the scope, 亩 (all its plots, with or without a value). */
  areaMu: number;
  plotCount: number;
}

/**
 * Enterprises ranked by `value` descending (ties by name, then id). Plots without an enterprise are
 * skipped; an enterprise none of whose plots has a value is left out (it cannot be ranked).
 */
export function enterpriseRanking(plots: readonly RankingPlot[]): RankedEnterprise[] {
  const byFirm = new Map<
    number,
    { name: string; weighted: number; valuedMu: number; areaMu: number; n: number }
  >();
  for (const p of plots) {
    if (p.enterpriseId === null) continue;
    const acc = byFirm.get(p.enterpriseId) ?? {
      name: p.enterpriseName ?? String(p.enterpriseId),
      weighted: 0,
      valuedMu: 0,
      areaMu: 0,
      n: 0,
    };
    acc.areaMu += p.areaMu;
    acc.n += 1;
    if (p.value !== null && Number.isFinite(p.value) && p.areaMu > 0) {
      acc.weighted += p.value * p.areaMu;
      acc.valuedMu += p.areaMu;
    }
    byFirm.set(p.enterpriseId, acc);
  }
  const ranked = [...byFirm.entries()]
    .filter(([, a]) => a.valuedMu > 0)
    .map(([id, a]) => ({
      enterpriseId: id,
      enterpriseName: a.name,
      value: a.weighted / a.valuedMu,
      areaMu: a.areaMu,
      plotCount: a.n,
    }))
    .sort(
      (x, y) =>
        y.value - x.value ||
        x.enterpriseName.localeCompare(y.enterpriseName) ||
        x.enterpriseId - y.enterpriseId,
    );
  return ranked.map((r, i) => ({ rank: i + 1, ...r }));
}
