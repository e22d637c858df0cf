import type { MapLayerMouseEvent, MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { LAYER } from "./layers/ids.ts";

/**
 * Plot picking: a pointer cursor over plots, and `onSelect(plotId)` on click (`null` off any plot).
 * The id comes from the feature id (promoted from `properties.id`); callers look the plot up in their data,
 * as tiled feature properties may drop nulls. Returns an unbinder.
 */
export function bindPlotInteraction(map: MapLibreMap, onSelect: (plotId: number | null) => void): () => void {
  const canvas = map.getCanvas();
  const enter = () => {
    canvas.style.cursor = "pointer";
  };
  const leave = () => {
    canvas.style.cursor = "";
  };
  const click = (e: MapMouseEvent) => {
    const hit = map.queryRenderedFeatures(e.point, { layers: [LAYER.plotsFill] })[0];
    const id = hit === undefined ? null : Number(hit.id ?? hit.properties.id);
    onSelect(id !== null && Number.isFinite(id) ? id : null);
  };
  const plotEnter = (_e: MapLayerMouseEvent) => enter();
  map.on("mouseenter", LAYER.plotsFill, plotEnter);
  map.on("mouseleave", LAYER.plotsFill, leave);
  map.on("click", click);
  return () => {
    map.off("mouseenter", LAYER.plotsFill, plotEnter);
    map.off("mouseleave", LAYER.plotsFill, leave);
    map.off("click", click);
  };
}
