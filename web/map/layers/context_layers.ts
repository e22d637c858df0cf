import type { LayerSpecification } from "maplibre-gl";
import { SOURCE } from "./ids.ts";
import { BASE_COLORS } from "./palette.ts";

const kind = (k: "road" | "river" | "county") =>
  ["==", ["get", "kind"], k] as ["==", ["get", string], string];

/** County areas as a faint land tint (drawn first, below everything). */
export const countyFillLayers: LayerSpecification[] = [
  {
    id: "context-county-fill",
    type: "fill",
    source: SOURCE.context,
    filter: kind("county"),
    paint: { "fill-color": BASE_COLORS.countyFill, "fill-opacity": 0.9 },
  },
];

/** Rivers (blue, widening with zoom) and roads (grey over a white casing). */
export const networkLayers: LayerSpecification[] = [
  {
    id: "context-river",
    type: "line",
    source: SOURCE.context,
    filter: kind("river"),
    layout: { "line-join": "round", "line-cap": "round" },
    paint: {
      "line-color": BASE_COLORS.river,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1.2, 12, 2.5, 16, 6],
    },
  },
  {
    id: "context-road-casing",
    type: "line",
    source: SOURCE.context,
    filter: kind("road"),
    layout: { "line-join": "round", "line-cap": "round" },
    paint: {
      "line-color": BASE_COLORS.roadCasing,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 2.2, 12, 4, 16, 10],
    },
  },
  {
    id: "context-road",
    type: "line",
    source: SOURCE.context,
    filter: kind("road"),
    layout: { "line-join": "round", "line-cap": "round" },
    paint: {
      "line-color": BASE_COLORS.road,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1, 12, 2, 16, 6],
    },
  },
];

/** County outlines: thin dashed grey. */
export const countyLineLayers: LayerSpecification[] = [
  {
    id: "context-county-line",
    type: "line",
    source: SOURCE.context,
    filter: kind("county"),
    paint: {
      "line-color": BASE_COLORS.countyLine,
      "line-width": 1,
      "line-dasharray": [5, 3],
      "line-opacity": 0.8,
    },
  },
];
