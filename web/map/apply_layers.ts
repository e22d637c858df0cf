import type { GeoJSON } from "geojson";
import type { GeoJSONSource, MapLibreMap } from "maplibre-gl";
import type { ZoneLayers } from "../hooks/use_zone_layers.ts";
import type { enclaveLinks, parkPoints } from "./enclave_links.ts";
import { hatchImage } from "./hatch.ts";
import { LAYER, REDLINE_HATCH_IMAGE, SOURCE, type SourceId } from "./layers/ids.ts";

function setSourceData(map: MapLibreMap, id: SourceId, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) throw new Error(`map source ${id} is missing from the style`);
  void source.setData(data);
}

/** Replaces every data source with one zone's layers, its enclave links and park dots. */
export function applyZoneLayers(
  map: MapLibreMap,
  layers: ZoneLayers,
  links: ReturnType<typeof enclaveLinks>,
  points: ReturnType<typeof parkPoints>,
): void {
  setSourceData(map, SOURCE.context, layers.context);
  setSourceData(map, SOURCE.constraints, layers.constraints);
  setSourceData(map, SOURCE.parks, layers.parks);
  setSourceData(map, SOURCE.plots, layers.plots);
  setSourceData(map, SOURCE.enclaveLinks, links);
  setSourceData(map, SOURCE.parkPoints, points);
}

/** Highlights the selected park and plot (id -1 matches nothing). */
export function applySelection(map: MapLibreMap, parkId: number | null, plotId: number | null): void {
  map.setFilter(LAYER.parksSelected, ["==", ["get", "id"], parkId ?? -1]);
  map.setFilter(LAYER.plotsSelected, ["==", ["get", "id"], plotId ?? -1]);
}

/** Generates images the style asks for that no sprite provides (the offline style has none). */
export function provideGeneratedImages(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    if (id === REDLINE_HATCH_IMAGE && !map.hasImage(id)) {
      map.addImage(id, hatchImage(12, [214, 39, 40], 0.75, 0.12), { pixelRatio: 2 });
    }
  });
}
