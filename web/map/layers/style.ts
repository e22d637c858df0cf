import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { constraintFillLayers, constraintLineLayers } from "./constraint_layers.ts";
import { countyFillLayers, countyLineLayers, networkLayers } from "./context_layers.ts";
import { SOURCE } from "./ids.ts";
import { linkLayers } from "./link_layers.ts";
import { BASE_COLORS } from "./palette.ts";
import { parkFillLayers, parkLineLayers, parkPointLayers } from "./park_layers.ts";
import { plotLayers, plotOverlayLayers } from "./plot_layers.ts";
import { PLOT_TILES_MAX_ZOOM } from "./plot_tiles.ts";

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
  ...plotOverlayLayers,
  ...linkLayers,
  ...parkPointLayers,
];

/**
 * The offline base style: a plain background, our own (initially empty) GeoJSON sources and the plot
 * tiles at `plotTilesUrl` (the app's own `/api/tiles/plots/…`). No outside tile, glyph or sprite URL, so
 * the map never leaves the app's origin; labels are HTML markers.
 */
export function offlineStyle(plotTilesUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.context]: geojson(),
      [SOURCE.constraints]: geojson(),
      [SOURCE.parks]: { ...geojson(), promoteId: "id" },
      // The tile feature id is the plot id, so no promoteId.
      [SOURCE.plots]: { type: "vector", tiles: [plotTilesUrl], maxzoom: PLOT_TILES_MAX_ZOOM },
      [SOURCE.enclaveLinks]: geojson(),
      [SOURCE.parkPoints]: geojson(),
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": BASE_COLORS.background } },
      ...DATA_LAYERS,
    ],
  };
}
