import type { ExpressionSpecification, LayerSpecification } from "maplibre-gl";
import { LAYER, SOURCE } from "./ids.ts";
import { BASE_COLORS, PLOT_STATUS_COLORS } from "./palette.ts";

const statusColor: ExpressionSpecification = [
  "match",
  ["get", "status"],
  "available",
  PLOT_STATUS_COLORS.available,
  "approved_unsupplied",
  PLOT_STATUS_COLORS.approved_unsupplied,
  "supplied",
  PLOT_STATUS_COLORS.supplied,
  "under_construction",
  PLOT_STATUS_COLORS.under_construction,
  "built",
  PLOT_STATUS_COLORS.built,
  "reclaimed",
  PLOT_STATUS_COLORS.reclaimed,
  "#999999",
];

/** Plots filled by status; thin outlines appear from zoom 13 where plots are big enough to separate. */
export const plotLayers: LayerSpecification[] = [
  {
    id: LAYER.plotsFill,
    type: "fill",
    source: SOURCE.plots,
    paint: {
      "fill-color": statusColor,
      "fill-opacity": ["interpolate", ["linear"], ["zoom"], 9, 0.95, 15, 0.78],
      "fill-outline-color": statusColor,
    },
  },
  {
    id: "plots-outline",
    type: "line",
    source: SOURCE.plots,
    minzoom: 13,
    paint: {
      "line-color": BASE_COLORS.plotOutline,
      "line-width": ["interpolate", ["linear"], ["zoom"], 13, 0.4, 17, 1.2],
      "line-opacity": 0.7,
    },
  },
  {
    id: LAYER.plotsSelected,
    type: "line",
    source: SOURCE.plots,
    filter: ["==", ["get", "id"], -1],
    layout: { "line-join": "round" },
    paint: { "line-color": BASE_COLORS.selection, "line-width": 3 },
  },
];
