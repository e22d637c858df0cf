import type { ExpressionSpecification, LayerSpecification } from "maplibre-gl";
import { LAYER, OVERLAY_IMAGE, SOURCE } from "./ids.ts";
import { BASE_COLORS, NO_DATA_COLOR, OVERLAY_COLORS } from "./palette.ts";
import { PLOT_SOURCE_LAYER } from "./plot_tiles.ts";

const tiles = { source: SOURCE.plots, "source-layer": PLOT_SOURCE_LAYER } as const;
/** Flags are present (and true) only on flagged plots: MVT has no null, the server leaves false out. */
/** Patterns fade while zoomed out, where plots are a few pixels and hatching would hide their colour. */
const overlayOpacity: ExpressionSpecification = ["interpolate", ["linear"], ["zoom"], 10, 0.4, 13, 1];
const flagged = (flag: "idle" | "lowEfficiency" | "approvedUnsupplied") =>
  ["==", ["get", flag], true] as ["==", ["get", string], boolean];

/**
 * Plots from the vector tiles. The fill colour is replaced by `applyPlotClassification` (it starts as
 * "no data"); thin outlines appear from zoom 13 where plots are big enough to separate.
 */
export const plotLayers: LayerSpecification[] = [
  {
    id: LAYER.plotsFill,
    type: "fill",
    ...tiles,
    paint: {
      "fill-color": NO_DATA_COLOR,
      "fill-opacity": ["interpolate", ["linear"], ["zoom"], 9, 0.95, 15, 0.82],
      "fill-outline-color": NO_DATA_COLOR,
    },
  },
  {
    id: "plots-outline",
    type: "line",
    ...tiles,
    minzoom: 13,
    paint: {
      "line-color": BASE_COLORS.plotOutline,
      "line-width": ["interpolate", ["linear"], ["zoom"], 13, 0.4, 17, 1.2],
      "line-opacity": 0.7,
    },
  },
];

/**
 * Overlays over the fills, each toggled from the legend: idle land hatched (\\\), 批而未供 dotted, and
 * low-efficiency land outlined with a dashed line on a white casing. Two-tone ink so they read on any fill.
 */
export const plotOverlayLayers: LayerSpecification[] = [
  {
    id: LAYER.overlayIdle,
    type: "fill",
    ...tiles,
    filter: flagged("idle"),
    paint: { "fill-pattern": OVERLAY_IMAGE.idle, "fill-opacity": overlayOpacity },
  },
  {
    id: LAYER.overlayApprovedUnsupplied,
    type: "fill",
    ...tiles,
    filter: flagged("approvedUnsupplied"),
    paint: { "fill-pattern": OVERLAY_IMAGE.approvedUnsupplied, "fill-opacity": overlayOpacity },
  },
  {
    id: LAYER.overlayLowEfficiencyCasing,
    type: "line",
    ...tiles,
    filter: flagged("lowEfficiency"),
    layout: { "line-join": "round" },
    paint: {
      "line-color": OVERLAY_COLORS.halo,
      "line-width": ["interpolate", ["linear"], ["zoom"], 10, 2.5, 16, 4.5],
      "line-opacity": ["interpolate", ["linear"], ["zoom"], 10, 0.5, 13, 0.9],
    },
  },
  {
    id: LAYER.overlayLowEfficiency,
    type: "line",
    ...tiles,
    filter: flagged("lowEfficiency"),
    layout: { "line-join": "round" },
    paint: {
      "line-color": OVERLAY_COLORS.ink,
      "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1.2, 16, 2.2],
      "line-opacity": overlayOpacity,
      "line-dasharray": [2, 1.5],
    },
  },
  {
    // The selected plot: a white halo under a solid black line (the low-efficiency outline is dashed).
    id: LAYER.plotsSelectedHalo,
    type: "line",
    ...tiles,
    filter: ["==", ["id"], -1],
    layout: { "line-join": "round" },
    paint: { "line-color": OVERLAY_COLORS.halo, "line-width": 7, "line-opacity": 0.9 },
  },
  {
    id: LAYER.plotsSelected,
    type: "line",
    ...tiles,
    filter: ["==", ["id"], -1],
    layout: { "line-join": "round" },
    paint: { "line-color": BASE_COLORS.selection, "line-width": 3.5 },
  },
];

/** The plot overlays the legend toggles. */
export const PLOT_OVERLAYS = ["idle", "lowEfficiency", "approvedUnsupplied"] as const;
export type PlotOverlay = (typeof PLOT_OVERLAYS)[number];

/** The layers drawing each overlay. */
export const OVERLAY_LAYERS: Record<PlotOverlay, readonly string[]> = {
  idle: [LAYER.overlayIdle],
  lowEfficiency: [LAYER.overlayLowEfficiencyCasing, LAYER.overlayLowEfficiency],
  approvedUnsupplied: [LAYER.overlayApprovedUnsupplied],
};
