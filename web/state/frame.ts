import type { Geometry, Position } from "geojson";

/** `[minLng, minLat, maxLng, maxLat]`. */
export type Bbox = [number, number, number, number];

/** What the map frames; the map moves only when `key` changes. */
export interface Frame {
  key: string;
  bbox: Bbox;
}

function visit(coords: unknown, acc: Bbox): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === "number") {
    const [lng, lat] = coords as Position;
    if (lng === undefined || lat === undefined) return;
    acc[0] = Math.min(acc[0], lng);
    acc[1] = Math.min(acc[1], lat);
    acc[2] = Math.max(acc[2], lng);
    acc[3] = Math.max(acc[3], lat);
    return;
  }
  for (const c of coords) visit(c, acc);
}

/** The bounding box of a GeoJSON geometry, or null when it has no coordinates. */
export function bboxOf(geometry: Geometry): Bbox | null {
  const acc: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  if (geometry.type === "GeometryCollection") {
    for (const g of geometry.geometries) {
      const b = bboxOf(g);
      if (b) visit([b.slice(0, 2), b.slice(2)], acc);
    }
  } else visit(geometry.coordinates, acc);
  return Number.isFinite(acc[0]) ? acc : null;
}

/**
 * The frame for the current selection: a plot opened from a link, the search or a table is framed itself;
 * a plot clicked on the map keeps the previous frame (`previous`), so the map does not jump; otherwise the
 * park, else the zone.
 */
export function frameFor(
  sel: {
    zone: { id: number; bbox: Bbox | null };
    park: { id: number; bbox: Bbox | null } | null;
    plot: { id: number; geometry: Geometry } | null;
  },
  clickedPlotId: number | null,
  previous: Frame | null,
): Frame | null {
  if (sel.plot) {
    if (sel.plot.id === clickedPlotId && previous) return previous;
    const bbox = bboxOf(sel.plot.geometry);
    if (bbox) return { key: `plot:${sel.plot.id}`, bbox };
  }
  if (sel.park?.bbox) return { key: `park:${sel.park.id}`, bbox: sel.park.bbox };
  return sel.zone.bbox ? { key: `zone:${sel.zone.id}`, bbox: sel.zone.bbox } : null;
}
