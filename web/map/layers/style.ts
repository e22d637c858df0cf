import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { constraintFillLayers, constraintLineLayers } from "./constraint_layers.ts";
import { countyFillLayers, countyLineLayers, networkLayers } from "./context_layers.ts";
import { SOURCE } from "./ids.ts";
import { linkLayers } from "./link_layers.ts";
import { BASE_COLORS } from "./palette.ts";
import { parkFillLayers, parkLineLayers, parkPointLayers } from "./park_layers.ts";
import { plotLayers } from "./plot_layers.ts";

const emptyCollection = { type: "FeatureCollection", features: [] } as const;
const geojson = () => ({ type: "geojson" as const, data: { ...emptyCollection, features: [] } });

/** Every data layer, bottom to top. */
export const DATA_LAYERS: LayerSpecification[] = [
  ...countyFillLayers,
  ...constraintFillLayers,
  ...networkLayers,
  ...constraintLineLayers,
  ...countyLineLayers,
  ...parkFillLayers,
  ...plotLayers,
  ...parkLineLayers,
  ...linkLayers,
  ...parkPointLayers,
];

/**
 * The offline base style: a plain background and our own (initially empty) GeoJSON sources.
 * No tile, glyph or sprite URL, so the map never touches the network; labels are HTML markers.
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.context]: geojson(),
      [SOURCE.constraints]: geojson(),
      [SOURCE.parks]: { ...geojson(), promoteId: "id" },
      [SOURCE.plots]: { ...geojson(), promoteId: "id" },
      [SOURCE.enclaveLinks]: geojson(),
      [SOURCE.parkPoints]: geojson(),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": BASE_COLORS.background } },
      ...DATA_LAYERS,
    ],
  };
}
