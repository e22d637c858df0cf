import type { MapLibreMap } from "maplibre-gl";
import type { RasterBasemap } from "../state/basemap.ts";

const BASEMAP_SOURCE = "basemap";
const BASEMAP_LAYER = "basemap-raster";

/**
 * Shows `raster` just above the background and below every data layer, or removes it (null: the offline
 * style alone). Returns the basemap's attribution for display, or null.
 */
export function applyBasemap(map: MapLibreMap, raster: RasterBasemap | null): string | null {
  if (map.getLayer(BASEMAP_LAYER)) map.removeLayer(BASEMAP_LAYER);
  if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
  if (!raster) return null;
  map.addSource(BASEMAP_SOURCE, {
    type: "raster",
    tiles: raster.tiles,
    tileSize: 256,
    maxzoom: raster.maxzoom,
    attribution: raster.attribution,
  });
  const firstDataLayer = map.getStyle().layers.find((l) => l.type !== "background")?.id;
  map.addLayer({ id: BASEMAP_LAYER, type: "raster", source: BASEMAP_SOURCE }, firstDataLayer);
  return raster.attribution;
}
