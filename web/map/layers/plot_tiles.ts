import type { TileIndicator, TileReviewFilter } from "@api/schemas/tiles.ts";

/** The MVT layer (`source-layer`) of plot tiles; `GET /api/tiles/plots/…` names its layer after the path. */
export const PLOT_SOURCE_LAYER = "plots";

/**
 * Plot tiles from 0 to this zoom; deeper zooms overscale the z16 tile (a 4096 extent there is ~1 cm,
 * finer than any plot boundary), which saves requests when zoomed right in.
 */
export const PLOT_TILES_MAX_ZOOM = 16;

/** What the plot tiles are filtered and valued by. */
export interface PlotTileParams {
  zoneId: number;
  indicator: TileIndicator;
  /** Statistics year; null = the server's default (the latest with statistics). */
  year: number | null;
  /** Review-workflow filter (plots with a finding in this status, or `open`); absent/null = every plot. */
  review?: TileReviewFilter | null;
}

/**
 * The plot tile URL template for maplibre: `<origin>/api/tiles/plots/{z}/{x}/{y}.mvt?zone=…&indicator=…`.
 * Absolute because maplibre fetches tiles from a worker, where a relative URL has no base; built from the
 * page's own origin, so tiles never leave it. String concatenation, not `new URL`, keeps `{z}` unescaped.
 */
export function plotTileUrl(origin: string, p: PlotTileParams): string {
  const query = new URLSearchParams({ zone: String(p.zoneId), indicator: p.indicator });
  if (p.year !== null) query.set("year", String(p.year));
  if (p.review) query.set("review", p.review);
  return `${origin}/api/tiles/plots/{z}/{x}/{y}.mvt?${query.toString()}`;
}
