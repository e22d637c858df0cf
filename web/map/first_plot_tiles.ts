import type { MapLibreMap, MapSourceDataEvent } from "maplibre-gl";
import { LAYER, SOURCE } from "./layers/ids.ts";

/** The `performance` mark set when plot tiles are first drawn (its `startTime` is ms since navigation). */
export const FIRST_PLOT_TILES_MARK = "zoneatlas:first-plot-tiles";

/**
 * Sets the `FIRST_PLOT_TILES_MARK` performance mark on the first frame that draws a plot from a vector
 * tile: after a plot tile has loaded, each render asks whether the plot fill layer shows a feature. Used by
 * the e2e run to measure navigation → first plot tiles (docs/performance.md); harmless in production (one
 * mark, listeners removed once set). Returns an unbinder.
 */
export function markFirstPlotTiles(map: MapLibreMap, onDrawn?: () => void): () => void {
  let tileLoaded = false;
  const onData = (e: MapSourceDataEvent) => {
    if (e.sourceId === SOURCE.plots && e.tile !== undefined) tileLoaded = true;
  };
  const onRender = () => {
    if (!tileLoaded || !map.getLayer(LAYER.plotsFill)) return;
    if (map.queryRenderedFeatures({ layers: [LAYER.plotsFill] }).length === 0) return;
    performance.mark(FIRST_PLOT_TILES_MARK);
    unbind();
    onDrawn?.();
  };
  const unbind = () => {
    map.off("sourcedata", onData);
    map.off("render", onRender);
  };
  map.on("sourcedata", onData);
  map.on("render", onRender);
  return unbind;
}
