import type { ConstraintType } from "@api/schemas/enums.ts";
import type { LayerSpecification } from "maplibre-gl";
import { REDLINE_HATCH_IMAGE, SOURCE } from "./ids.ts";
import { CONSTRAINT_COLORS } from "./palette.ts";

const ofType = (t: ConstraintType) => ["==", ["get", "type"], t] as ["==", ["get", string], string];

/** Area-type constraints drawn under the road network: farmland, flood, slope, other. */
export const constraintFillLayers: LayerSpecification[] = [
  {
    id: "constraint-farmland-fill",
    type: "fill",
    source: SOURCE.constraints,
    filter: ofType("permanent_farmland"),
    paint: { "fill-color": CONSTRAINT_COLORS.farmland, "fill-opacity": 0.75 },
  },
  {
    id: "constraint-farmland-line",
    type: "line",
    source: SOURCE.constraints,
    filter: ofType("permanent_farmland"),
    paint: { "line-color": CONSTRAINT_COLORS.farmlandLine, "line-width": 0.8 },
  },
  {
    id: "constraint-flood-fill",
    type: "fill",
    source: SOURCE.constraints,
    filter: ofType("flood"),
    paint: { "fill-color": CONSTRAINT_COLORS.flood, "fill-opacity": 0.45 },
  },
  {
    id: "constraint-steep-slope-fill",
    type: "fill",
    source: SOURCE.constraints,
    filter: ofType("steep_slope"),
    paint: { "fill-color": CONSTRAINT_COLORS.steepSlope, "fill-opacity": 0.4 },
  },
  {
    id: "constraint-other-fill",
    type: "fill",
    source: SOURCE.constraints,
    filter: ofType("other"),
    paint: { "fill-color": CONSTRAINT_COLORS.other, "fill-opacity": 0.35 },
  },
];

/** The ecological red line (hatched translucent red) and the urban development boundary (dashed purple). */
export const constraintLineLayers: LayerSpecification[] = [
  {
    id: "constraint-redline-fill",
    type: "fill",
    source: SOURCE.constraints,
    filter: ofType("ecological_redline"),
    paint: { "fill-pattern": REDLINE_HATCH_IMAGE, "fill-opacity": 0.9 },
  },
  {
    id: "constraint-redline-line",
    type: "line",
    source: SOURCE.constraints,
    filter: ofType("ecological_redline"),
    paint: { "line-color": CONSTRAINT_COLORS.redline, "line-width": 1.4, "line-opacity": 0.85 },
  },
  {
    id: "constraint-development-boundary-line",
    type: "line",
    source: SOURCE.constraints,
    filter: ofType("development_boundary"),
    paint: {
      "line-color": CONSTRAINT_COLORS.developmentBoundary,
      "line-width": 1.6,
      "line-dasharray": [4, 2],
    },
  },
];

/** The map layers drawing each constraint type, which the legend's toggles show or hide together. */
export const CONSTRAINT_TYPE_LAYERS: Record<ConstraintType, readonly string[]> = {
  permanent_farmland: ["constraint-farmland-fill", "constraint-farmland-line"],
  ecological_redline: ["constraint-redline-fill", "constraint-redline-line"],
  development_boundary: ["constraint-development-boundary-line"],
  flood: ["constraint-flood-fill"],
  steep_slope: ["constraint-steep-slope-fill"],
  other: ["constraint-other-fill"],
};
