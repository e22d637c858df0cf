import type { IsoDate } from "../../geo/types.ts";
import {
  claimQueuedParks,
  type PlotAssessmentRow,
  replaceAssessments,
  type TileArea,
} from "../db/assessments.ts";
import type { Db, Queryable } from "../db/db.ts";
import { listStatsYears, loadParkRecords } from "../db/plot_detail.ts";
import { assessPlot, parkContext, todayIso } from "./plot_assessment.ts";

/**
 * The stored assessments of one park's plots for every statistics year, computed with geo/ through
 * `assessPlot` (the same function behind `GET /api/plots` and the plot detail).
 */
export async function parkAssessmentRows(
  q: Queryable,
  parkId: number,
  years: readonly number[],
  asOf: IsoDate,
): Promise<PlotAssessmentRow[]> {
  const ctx = parkContext(await loadParkRecords(q, parkId));
  const rows: PlotAssessmentRow[] = [];
  for (const plot of ctx.records.plots) {
    for (const year of years) {
      const a = assessPlot(ctx, plot, year, asOf);
      rows.push({
        plot_id: plot.id,
        year,
        as_of: asOf,
        output_per_mu_wan: a.indicators.outputPerMuWan.value,
        tax_per_mu_wan: a.indicators.taxPerMuWan.value,
        far: a.indicators.far.value,
        coverage_ratio: a.indicators.coverage.value,
        grade: a.grade.grade,
        is_idle: a.flags.includes("idle"),
        is_low_efficiency: a.flags.includes("low_efficiency"),
        is_approved_unsupplied: a.flags.includes("approved_unsupplied"),
      });
    }
  }
  return rows;
}

/** Options of {@link refreshQueuedAssessments}. */
export interface RefreshOptions {
  /** Only parks with a plot in this tile (the tile about to be rendered); default all queued parks. */
  tile?: TileArea;
  /** Parks per transaction when draining the whole queue. */
  batch?: number;
  now?: Date;
}

/**
 * Re-assesses queued parks (`za_assessment_queue`, filled by triggers on plots, enterprises and
 * statistics) and stores the results; each batch commits with its claim, and the writes bump the
 * plots tile layer's version. Returns the park ids re-assessed.
 */
export async function refreshQueuedAssessments(db: Db, opts: RefreshOptions = {}): Promise<number[]> {
  const asOf = todayIso(opts.now);
  const done: number[] = [];
  for (;;) {
    const parks = await db.transaction(async (tx) => {
      const ids = await claimQueuedParks(tx, opts.tile, opts.batch ?? 200);
      if (ids.length === 0) return ids;
      const years = await listStatsYears(tx);
      const rows: PlotAssessmentRow[] = [];
      for (const id of ids) rows.push(...(await parkAssessmentRows(tx, id, years, asOf)));
      await replaceAssessments(tx, ids, rows);
      return ids;
    });
    done.push(...parks);
    if (parks.length === 0 || opts.tile) return done;
  }
}
