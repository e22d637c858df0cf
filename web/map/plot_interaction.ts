import type { MapLayerMouseEvent, MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { LAYER } from "./layers/ids.ts";

/**
 * Plot picking: a pointer cursor over plots, and `onSelect(plotId)` on click (`null` off any plot).
 * The id is the tile feature id (= the plot id); callers look the plot up in their data, as tiles carry
 * few properties below z13 and leave nulls out. Returns an unbinder.
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
    const id = hit?.id === undefined ? null : Number(hit.id);
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
