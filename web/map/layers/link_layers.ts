import type { LayerSpecification } from "maplibre-gl";
import { LAYER, SOURCE } from "./ids.ts";
import { ENCLAVE_LINK_COLOR } from "./palette.ts";

/** 一核四园: dashed lines from each enclave park to its core, over everything but the labels. */
export const linkLayers: LayerSpecification[] = [
  {
    id: "enclave-links-casing",
    type: "line",
    source: SOURCE.enclaveLinks,
    layout: { "line-cap": "round" },
    paint: {
      "line-color": "#FFFFFF",
      "line-width": 4,
      "line-opacity": ["interpolate", ["linear"], ["zoom"], 10, 0.7, 14, 0.2],
    },
  },
  {
    id: LAYER.enclaveLinks,
    type: "line",
    source: SOURCE.enclaveLinks,
    layout: { "line-cap": "round" },
    paint: {
      "line-color": ENCLAVE_LINK_COLOR,
      "line-width": 2,
      "line-dasharray": [2, 2],
      "line-opacity": 0.9,
    },
  },
];
