import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { PlotRecord } from "../../geo/types.ts";
import type { Queryable } from "../db/db.ts";
import { listStatsYears, loadParkRecords } from "../db/plot_detail.ts";
import { listPlots } from "../db/plots.ts";
import type { PlotListProperties, PlotListQuery } from "../schemas/plots.ts";
import { assessPlot, type ParkContext, parkContext, todayIso } from "./plot_assessment.ts";
import { resolveYear } from "./resolve_year.ts";

/**
 * `GET /api/plots`: the stored-field filters run in SQL; each listed park's records are then loaded
 * once and every plot assessed with geo/ (the same `assessPlot` as the detail) for the statistics
 * `year` (default the latest; unknown → 404 `year_not_found`) and `asOf`, after which the `grade`
 * and `flag` filters apply.
 */
export async function listPlotsWithMetrics(
  q: Queryable,
  query: PlotListQuery,
  now: Date = new Date(),
): Promise<FeatureCollection<Geometry, PlotListProperties> & { year: number; asOf: string }> {
  const year = resolveYear(query.year, await listStatsYears(q), now);
  const asOf = query.asOf ?? todayIso(now);
  const base = await listPlots(q, query);
  const parkIds = [...new Set(base.features.map((f) => f.properties.parkId))];
  const contexts = new Map<number, ParkContext>();
  const records = new Map<number, PlotRecord>();
  for (const id of parkIds) {
    const ctx = parkContext(await loadParkRecords(q, id));
    contexts.set(id, ctx);
    for (const p of ctx.records.plots) records.set(p.id, p);
  }
  const features: Feature<Geometry, PlotListProperties>[] = [];
  for (const f of base.features) {
    const ctx = contexts.get(f.properties.parkId);
    const plot = records.get(f.properties.id);
    // The plot was listed from the same tables a moment ago; a concurrent delete is the only way here.
    if (!ctx || !plot) continue;
    const a = assessPlot(ctx, plot, year, asOf);
    if (query.grade !== undefined && a.grade.grade !== query.grade) continue;
    if (query.flag !== undefined && !a.flags.includes(query.flag)) continue;
    features.push({
      ...f,
      properties: {
        ...f.properties,
        outputPerMuWan: a.indicators.outputPerMuWan.value,
        taxPerMuWan: a.indicators.taxPerMuWan.value,
        far: a.indicators.far.value,
        coverage: a.indicators.coverage.value,
        grade: a.grade.grade,
        flags: [...a.flags],
      },
    });
  }
  return { type: "FeatureCollection", year, asOf, features };
}
