import type { ConstraintType } from "@api/schemas/enums.ts";
import type { MapLibreMap } from "maplibre-gl";
import { plotTilesUrlOf } from "./apply_layers.ts";
import { CONSTRAINT_TYPE_LAYERS } from "./layers/constraint_layers.ts";
import { LAYER } from "./layers/ids.ts";
import { OVERLAY_LAYERS, type PlotOverlay } from "./layers/plot_layers.ts";

/** A small read-only window into the map for browser tests, installed only with `?e2e=1` in the URL. */
export interface E2eHook {
  /** Page coordinates of a point where a plot is drawn and nothing covers the canvas, after the map is idle. */
  findPlotPoint(): Promise<{ x: number; y: number; plotId: number } | null>;
  /** Plots drawn on screen from the tiles once the map is idle: distinct ids and the properties seen. */
  renderedPlots(): Promise<RenderedPlots>;
  /** The plot source's tile URL template. */
  plotTilesUrl(): string | null;
  /** Distinct plot ids drawn by one plot overlay (or the selection outline) once the map is idle. */
  overlayPlotIds(overlay: PlotOverlay | "selected"): Promise<number[]>;
  /** Longitude/latitude under page pixel (x, y). */
  lngLatAt(x: number, y: number): { lng: number; lat: number };
  /** Visibility ("visible" / "none") of each map layer drawing constraint `type`, by layer id, once idle. */
  constraintLayerVisibility(type: ConstraintType): Promise<Record<string, string>>;
  /** The map's zoom once idle. */
  zoom(): Promise<number>;
}

/** A summary of the plot features `queryRenderedFeatures` returns for the plot fill layer. */
export interface RenderedPlots {
  zoom: number;
  ids: number[];
  /** How many distinct plots carry a numeric `value`, and the union of property names seen. */
  withValue: number;
  /** `value` by plot id, for plots that carry one. */
  values: Record<number, number>;
  properties: string[];
}

declare global {
  interface Window {
    __zoneAtlasE2e?: E2eHook;
  }
}

const idle = (map: MapLibreMap) =>
  map.loaded() && !map.isMoving()
    ? Promise.resolve()
    : new Promise<void>((done) => map.once("idle", () => done()));

/** The plot drawn at canvas pixel (x, y), if any. */
function plotAt(map: MapLibreMap, x: number, y: number): number | null {
  const hit = map.queryRenderedFeatures([x, y], { layers: [LAYER.plotsFill] })[0];
  return hit === undefined ? null : Number(hit.id);
}

async function findPlotPoint(map: MapLibreMap) {
  await idle(map);
  const canvas = map.getCanvas();
  const rect = canvas.getBoundingClientRect();
  const step = 6;
  const margin = 4;
  // Scan outward from the centre (the framed park sits there) on whole pixels, as mouse events are integral,
  // for a point whose neighbours within `margin` px show the same plot, away from edges and labels.
  const cx = Math.round(rect.width / 2);
  const cy = Math.round(rect.height / 2);
  const maxR = Math.max(rect.width, rect.height) / 2;
  for (let r = 0; r <= maxR; r += step) {
    const stepDeg = r === 0 ? 360 : Math.max(4, (step * 180) / (Math.PI * r));
    for (let a = 0; a < 360; a += stepDeg) {
      const x = Math.round(cx + r * Math.cos((a * Math.PI) / 180));
      const y = Math.round(cy + r * Math.sin((a * Math.PI) / 180));
      if (x < margin || y < margin || x > rect.width - margin || y > rect.height - margin) continue;
      const plotId = plotAt(map, x, y);
      if (plotId === null) continue;
      const around = [
        [x - margin, y],
        [x + margin, y],
        [x, y - margin],
        [x, y + margin],
      ] as const;
      if (!around.every(([ax, ay]) => plotAt(map, ax, ay) === plotId)) continue;
      const px = Math.round(rect.left + x);
      const py = Math.round(rect.top + y);
      if (document.elementFromPoint(px, py) !== canvas) continue;
      return { x: px, y: py, plotId };
    }
  }
  return null;
}

async function renderedPlots(map: MapLibreMap): Promise<RenderedPlots> {
  await idle(map);
  const features = map.queryRenderedFeatures({ layers: [LAYER.plotsFill] });
  const ids = new Set<number>();
  const values: Record<number, number> = {};
  const properties = new Set<string>();
  for (const f of features) {
    const id = Number(f.id);
    ids.add(id);
    if (typeof f.properties.value === "number") values[id] = f.properties.value;
    for (const k of Object.keys(f.properties)) properties.add(k);
  }
  return {
    zoom: map.getZoom(),
    ids: [...ids].sort((a, b) => a - b),
    withValue: Object.keys(values).length,
    values,
    properties: [...properties].sort(),
  };
}

async function overlayPlotIds(map: MapLibreMap, overlay: PlotOverlay | "selected"): Promise<number[]> {
  await idle(map);
  const layers = overlay === "selected" ? [LAYER.plotsSelected] : [...OVERLAY_LAYERS[overlay]];
  const ids = new Set(map.queryRenderedFeatures({ layers }).map((f) => Number(f.id)));
  return [...ids].sort((a, b) => a - b);
}

/** Installs `window.__zoneAtlasE2e` when the page URL carries `e2e=1`; returns an uninstaller. */
export function installE2eHook(map: MapLibreMap): () => void {
  if (new URLSearchParams(window.location.search).get("e2e") !== "1") return () => undefined;
  window.__zoneAtlasE2e = {
    findPlotPoint: () => findPlotPoint(map),
    renderedPlots: () => renderedPlots(map),
    plotTilesUrl: () => plotTilesUrlOf(map),
    overlayPlotIds: (overlay) => overlayPlotIds(map, overlay),
    lngLatAt: (x, y) => {
      const rect = map.getCanvas().getBoundingClientRect();
      const ll = map.unproject([x - rect.left, y - rect.top]);
      return { lng: ll.lng, lat: ll.lat };
    },
    constraintLayerVisibility: async (type) => {
      await idle(map);
      return Object.fromEntries(
        CONSTRAINT_TYPE_LAYERS[type].map((id) => [
          id,
          String(map.getLayoutProperty(id, "visibility") ?? "visible"),
        ]),
      );
    },
    zoom: async () => {
      await idle(map);
      return map.getZoom();
    },
  };
  return () => {
    window.__zoneAtlasE2e = undefined;
  };
}
