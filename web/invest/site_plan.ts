import type { MultiPolygon } from "geojson";

/**
 * An SVG path of a plot's outline, fitted into a `size` × `size` box: longitude scaled by cos(latitude)
 * (a local equirectangular projection, fine at plot scale), north up. Pure, for the printable flyer.
 */
export function sitePlanPath(geom: MultiPolygon, size: number, margin = 8): string {
  const pts = geom.coordinates.flat(2);
  if (pts.length === 0) return "";
  const lat0 = pts.reduce((s, p) => s + (p[1] ?? 0), 0) / pts.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = pts.map((p) => (p[0] ?? 0) * k);
  const ys = pts.map((p) => p[1] ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (size - 2 * margin) / Math.max(maxX - minX, maxY - minY, 1e-12);
  const ox = margin + (size - 2 * margin - (maxX - minX) * scale) / 2;
  const oy = margin + (size - 2 * margin - (maxY - minY) * scale) / 2;
  const xy = (p: number[]) =>
    `${(ox + ((p[0] ?? 0) * k - minX) * scale).toFixed(1)},${(oy + (maxY - (p[1] ?? 0)) * scale).toFixed(1)}`;
  return geom.coordinates.flatMap((poly) => poly.map((ring) => `M${ring.map(xy).join("L")}Z`)).join("");
}
