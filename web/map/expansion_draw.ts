import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import type { GeoJSONSource, MapLibreMap } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { ringsOf, snapTarget } from "./snap.ts";

/** What the map shows and does for the expansion panel. */
export interface ExpansionMapProps {
  /** Ranked candidates to outline; selected ones (by rank) are filled. */
  candidates: FeatureCollection<Geometry, { rank: number }> | null;
  selectedRanks: readonly number[];
  /** Drawing mode on: terra-draw polygon mode with snapping, then vertex editing (select mode). */
  drawing: boolean;
  /** The polygon being drawn or edited (null when cleared); called on every change. */
  onDrawChange(polygon: Polygon | null): void;
  /** Features whose vertices and edges the cursor snaps to (park boundaries and plots). */
  snapTargets: readonly Feature<Geometry, unknown>[];
}

const SOURCE = "expansion-candidates";
const SNAP_PX = 10;

function applyCandidates(map: MapLibreMap, fc: ExpansionMapProps["candidates"], selected: readonly number[]) {
  const data: FeatureCollection = fc ?? { type: "FeatureCollection", features: [] };
  const src = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (src) src.setData(data);
  else {
    map.addSource(SOURCE, { type: "geojson", data });
    map.addLayer({
      id: `${SOURCE}-fill`,
      type: "fill",
      source: SOURCE,
      paint: { "fill-color": "#e8590c", "fill-opacity": 0.45 },
      filter: ["in", ["get", "rank"], ["literal", []]],
    });
    map.addLayer({
      id: `${SOURCE}-line`,
      type: "line",
      source: SOURCE,
      paint: { "line-color": "#e8590c", "line-width": 2, "line-dasharray": [2, 1] },
    });
  }
  map.setFilter(`${SOURCE}-fill`, ["in", ["get", "rank"], ["literal", [...selected]]]);
}

/**
 * Expansion candidates as a map layer, and polygon drawing with terra-draw: snapping to park and plot
 * vertices and edges (`snapTarget`), then vertex editing (drag, midpoints, delete) once the polygon is
 * closed. The polygon goes to `onDrawChange` on every change, for the live area.
 */
export function useExpansionMap(map: MapLibreMap | null, props: ExpansionMapProps | undefined): void {
  const latest = useRef(props);
  latest.current = props;
  const candidates = props?.candidates ?? null;
  const selected = props?.selectedRanks ?? [];
  const selectedKey = selected.join(",");
  const drawing = props?.drawing ?? false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedKey stands for `selected`.
  useEffect(() => {
    if (map && (candidates || map.getSource(SOURCE))) applyCandidates(map, candidates, selected);
  }, [map, candidates, selectedKey]);

  useEffect(() => {
    if (!map || !drawing) return;
    const rings = () => ringsOf(latest.current?.snapTargets ?? []);
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          snapping: {
            toCustom: (event, ctx) =>
              snapTarget(
                [event.containerX, event.containerY],
                rings(),
                (p) => {
                  const { x, y } = ctx.project(p[0] ?? 0, p[1] ?? 0);
                  return [x, y];
                },
                SNAP_PX,
              ) ?? undefined,
          },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
          },
        }),
      ],
    });
    draw.start();
    draw.setMode("polygon");
    const emit = () => {
      const poly = draw.getSnapshot().find((f) => f.geometry.type === "Polygon");
      latest.current?.onDrawChange(poly ? (poly.geometry as Polygon) : null);
    };
    draw.on("change", emit);
    draw.on("finish", (id) => {
      emit();
      draw.setMode("select");
      draw.selectFeature(id);
    });
    return () => {
      draw.stop();
    };
  }, [map, drawing]);
}
