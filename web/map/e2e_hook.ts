import type { MapLibreMap } from "maplibre-gl";
import { LAYER } from "./layers/ids.ts";

/** A small read-only window into the map for browser tests, installed only with `?e2e=1` in the URL. */
export interface E2eHook {
  /** Page coordinates of a point where a plot is drawn and nothing covers the canvas, after the map is idle. */
  findPlotPoint(): Promise<{ x: number; y: number; plotId: number } | null>;
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

/** Installs `window.__zoneAtlasE2e` when the page URL carries `e2e=1`; returns an uninstaller. */
export function installE2eHook(map: MapLibreMap): () => void {
  if (new URLSearchParams(window.location.search).get("e2e") !== "1") return () => undefined;
  window.__zoneAtlasE2e = { findPlotPoint: () => findPlotPoint(map) };
  return () => {
    window.__zoneAtlasE2e = undefined;
  };
}
