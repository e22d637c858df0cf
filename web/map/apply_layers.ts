import type { ConstraintType } from "@api/schemas/enums.ts";
import type { GeoJSON } from "geojson";
import type { GeoJSONSource, MapLibreMap, VectorTileSource } from "maplibre-gl";
import type { ZoneLayers } from "../hooks/use_zone_layers.ts";
import type { enclaveLinks, parkPoints } from "./enclave_links.ts";
import { dotsImage, hatchImage, idleHatchImage } from "./hatch.ts";
import { CONSTRAINT_TYPE_LAYERS } from "./layers/constraint_layers.ts";
import { type GeoJsonSourceId, LAYER, OVERLAY_IMAGE, REDLINE_HATCH_IMAGE, SOURCE } from "./layers/ids.ts";
import { OVERLAY_LAYERS, PLOT_OVERLAYS, type PlotOverlay } from "./layers/plot_layers.ts";
import { type PlotClassification, plotFillColor } from "./layers/plot_style.ts";

function setSourceData(map: MapLibreMap, id: GeoJsonSourceId, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) throw new Error(`map source ${id} is missing from the style`);
  void source.setData(data);
}

/** Replaces every GeoJSON source with one zone's layers, its enclave links and park dots. */
export function applyZoneLayers(
  map: MapLibreMap,
  layers: ZoneLayers,
  links: ReturnType<typeof enclaveLinks>,
  points: ReturnType<typeof parkPoints>,
): void {
  setSourceData(map, SOURCE.context, layers.context);
  setSourceData(map, SOURCE.constraints, layers.constraints);
  setSourceData(map, SOURCE.parks, layers.parks);
  setSourceData(map, SOURCE.enclaveLinks, links);
  setSourceData(map, SOURCE.parkPoints, points);
}

/**
 * Points the plot source at `url` (a tile URL template) after the next rendered frame; a no-op when it
 * already is, so tiles stay cached. Returns a canceller.
 *
 * Why after a frame: a data-driven paint change (a new classification, often made in the same React commit)
 * pauses the source's tile manager until the next render, and maplibre 6.17 drops the reload that
 * `setTiles` asks for while paused, so the old tiles would only be re-parsed, never fetched again.
 */
export function applyPlotTiles(map: MapLibreMap, url: string): () => void {
  const source = map.getSource<VectorTileSource>(SOURCE.plots);
  if (!source) throw new Error(`map source ${SOURCE.plots} is missing from the style`);
  if (source.tiles.length === 1 && source.tiles[0] === url) return () => undefined;
  const apply = () => {
    if (source.tiles.length !== 1 || source.tiles[0] !== url) source.setTiles([url]);
  };
  map.once("render", apply);
  map.triggerRepaint();
  return () => {
    map.off("render", apply);
  };
}

/** The plot tile URL template the map currently uses. */
export function plotTilesUrlOf(map: MapLibreMap): string | null {
  return map.getSource<VectorTileSource>(SOURCE.plots)?.tiles[0] ?? null;
}

/** Colours the plot fills by `classification` (null: everything as "no data"). */
export function applyPlotClassification(map: MapLibreMap, classification: PlotClassification | null): void {
  const color = plotFillColor(classification);
  map.setPaintProperty(LAYER.plotsFill, "fill-color", color);
  map.setPaintProperty(LAYER.plotsFill, "fill-outline-color", color);
}

/** Shows the overlays set in `visible` and hides the others. */
export function applyOverlayVisibility(
  map: MapLibreMap,
  visible: Readonly<Record<PlotOverlay, boolean>>,
): void {
  for (const overlay of PLOT_OVERLAYS) {
    for (const id of OVERLAY_LAYERS[overlay]) {
      map.setLayoutProperty(id, "visibility", visible[overlay] ? "visible" : "none");
    }
  }
}

/** Shows the constraint types set in `visible` and hides the others (the source's data is untouched). */
export function applyConstraintVisibility(
  map: MapLibreMap,
  visible: Readonly<Record<ConstraintType, boolean>>,
): void {
  for (const [type, ids] of Object.entries(CONSTRAINT_TYPE_LAYERS) as Array<
    [ConstraintType, readonly string[]]
  >) {
    for (const id of ids) map.setLayoutProperty(id, "visibility", visible[type] ? "visible" : "none");
  }
}

/**
 * Highlights the selected park and plot (id -1 matches nothing). Plot tiles carry the plot id as the
 * feature id, hence `["id"]`; park boundaries are GeoJSON with an `id` property.
 */
export function applySelection(map: MapLibreMap, parkId: number | null, plotId: number | null): void {
  map.setFilter(LAYER.parksSelected, ["==", ["get", "id"], parkId ?? -1]);
  map.setFilter(LAYER.plotsSelected, ["==", ["id"], plotId ?? -1]);
  map.setFilter(LAYER.plotsSelectedHalo, ["==", ["id"], plotId ?? -1]);
}

/** Generates images the style asks for that no sprite provides (the offline style has none). */
export function provideGeneratedImages(map: MapLibreMap): void {
  const generators: Record<string, () => ReturnType<typeof hatchImage>> = {
    [REDLINE_HATCH_IMAGE]: () => hatchImage(12, [214, 39, 40], 0.75, 0.12),
    [OVERLAY_IMAGE.idle]: () => idleHatchImage(16),
    [OVERLAY_IMAGE.approvedUnsupplied]: () => dotsImage(16),
  };
  map.setMissingStyleImageResolver((id) => {
    const generate = generators[id];
    if (generate && !map.hasImage(id)) map.addImage(id, generate(), { pixelRatio: 2 });
  });
}
