import type { ParkRole } from "@api/schemas/enums.ts";
import type { LayerSpecification } from "maplibre-gl";
import { LAYER, SOURCE } from "./ids.ts";
import { BASE_COLORS, PARK_ROLE_COLORS } from "./palette.ts";

const ofRole = (r: ParkRole) => ["==", ["get", "role"], r] as ["==", ["get", string], string];

/** Light role-coloured fill under the plots, so a park reads as one area even when zoomed out. */
export const parkFillLayers: LayerSpecification[] = [
  {
    id: "parks-fill",
    type: "fill",
    source: SOURCE.parks,
    paint: {
      "fill-color": [
        "match",
        ["get", "role"],
        "core",
        PARK_ROLE_COLORS.core.fill,
        "enclave",
        PARK_ROLE_COLORS.enclave.fill,
        PARK_ROLE_COLORS.park.fill,
      ],
      "fill-opacity": ["interpolate", ["linear"], ["zoom"], 8, 0.16, 13, 0.07],
    },
  },
];

/**
 * Boundaries styled by role: the core bold dark blue, ordinary parks medium blue,
 * enclaves (飞地) dashed orange. The selected park gets a dark halo underneath.
 */
export const parkLineLayers: LayerSpecification[] = [
  {
    id: LAYER.parksSelected,
    type: "line",
    source: SOURCE.parks,
    filter: ["==", ["get", "id"], -1],
    layout: { "line-join": "round" },
    paint: { "line-color": BASE_COLORS.selection, "line-width": 7, "line-opacity": 0.25, "line-blur": 1 },
  },
  {
    id: "parks-line-park",
    type: "line",
    source: SOURCE.parks,
    filter: ofRole("park"),
    layout: { "line-join": "round" },
    paint: {
      "line-color": PARK_ROLE_COLORS.park.line,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1.6, 14, 2.6],
    },
  },
  {
    id: "parks-line-enclave",
    type: "line",
    source: SOURCE.parks,
    filter: ofRole("enclave"),
    layout: { "line-join": "round" },
    paint: {
      "line-color": PARK_ROLE_COLORS.enclave.line,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1.8, 14, 2.8],
      "line-dasharray": [3, 1.5],
    },
  },
  {
    id: "parks-line-core",
    type: "line",
    source: SOURCE.parks,
    filter: ofRole("core"),
    layout: { "line-join": "round" },
    paint: {
      "line-color": PARK_ROLE_COLORS.core.line,
      "line-width": ["interpolate", ["linear"], ["zoom"], 8, 2.6, 14, 4],
    },
  },
];

/** A role-coloured dot at each park's label point while zoomed out, where small parks are only a few pixels. */
export const parkPointLayers: LayerSpecification[] = [
  {
    id: "park-points",
    type: "circle",
    source: SOURCE.parkPoints,
    maxzoom: 12,
    paint: {
      "circle-radius": 5,
      "circle-color": [
        "match",
        ["get", "role"],
        "core",
        PARK_ROLE_COLORS.core.line,
        "enclave",
        PARK_ROLE_COLORS.enclave.line,
        PARK_ROLE_COLORS.park.line,
      ],
      "circle-stroke-color": "#FFFFFF",
      "circle-stroke-width": 2,
    },
  },
];
