import type { Feature, Geometry, Position } from "geojson";

/** One layer of a map: features and how to draw them. */
export interface MapLayer {
  features: Feature<Geometry, unknown>[];
  fill: string;
  stroke: string;
  strokeWidth?: number;
  dash?: string;
  label?: string;
}

/** Metres per degree of latitude (mean), for the scale bar only. */
const M_PER_DEG = 111_320;

/**
 * A static SVG map of polygon layers in a local equirectangular projection (x scaled by cos φ₀ at the
 * frame's centre latitude: shapes keep their proportions at park scale), with a legend, a north arrow
 * and a scale bar. `frame` is [minLng, minLat, maxLng, maxLat]. For print; never for measurement.
 */
export function mapSvg(
  layers: MapLayer[],
  frame: [number, number, number, number],
  opts: { width: number; height: number; title: string; note: string },
): string {
  const { width: W, height: H } = opts;
  const pad = 24;
  const [x0, y0, x1, y1] = frame;
  const lat0 = (y0 + y1) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const spanX = Math.max((x1 - x0) * k, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const s = Math.min((W - 2 * pad) / spanX, (H - 2 * pad - 40) / spanY);
  const ox = (W - spanX * s) / 2;
  const oy = (H - 40 - spanY * s) / 2 + 30;
  const px = (p: Position) =>
    `${(ox + ((p[0] ?? 0) - x0) * k * s).toFixed(1)},${(oy + (y1 - (p[1] ?? 0)) * s).toFixed(1)}`;
  const ringPath = (ring: Position[]) => `M${ring.map(px).join("L")}Z`;
  const pathOf = (g: Geometry): string => {
    switch (g.type) {
      case "Polygon":
        return g.coordinates.map(ringPath).join("");
      case "MultiPolygon":
        return g.coordinates.flatMap((poly) => poly.map(ringPath)).join("");
      case "GeometryCollection":
        return g.geometries.map(pathOf).join("");
      default:
        return "";
    }
  };
  const body = layers
    .map((l) => {
      const d = l.features.map((f) => (f.geometry ? pathOf(f.geometry) : "")).join("");
      if (!d) return "";
      return `<path d="${d}" fill="${l.fill}" fill-rule="evenodd" stroke="${l.stroke}" stroke-width="${l.strokeWidth ?? 1}"${
        l.dash ? ` stroke-dasharray="${l.dash}"` : ""
      }/>`;
    })
    .join("");
  const legend = layers
    .filter((l) => l.label)
    .map(
      (l, i) =>
        `<g transform="translate(${pad + 8},${H - 18 - 18 * i})"><rect width="16" height="10" fill="${l.fill}" stroke="${l.stroke}"/><text x="22" y="9" font-size="11">${l.label}</text></g>`,
    )
    .join("");
  // scale bar: a round length near a quarter of the width
  const mPerPx = M_PER_DEG / s;
  const target = (W / 4) * mPerPx;
  const pow = 10 ** Math.floor(Math.log10(target));
  const lenM =
    [1, 2, 5, 10]
      .map((f) => f * pow)
      .filter((v) => v <= target)
      .at(-1) ?? pow;
  const lenPx = lenM / mPerPx;
  const scale = `<g transform="translate(${W - pad - lenPx},${H - 20})"><rect width="${lenPx.toFixed(1)}" height="4" fill="#222"/><text x="0" y="-4" font-size="11">${
    lenM >= 1000 ? `${lenM / 1000} 千米` : `${lenM} 米`
  }</text></g>`;
  const north = `<g transform="translate(${W - pad - 10},50)"><path d="M0,-16L7,6L0,1L-7,6Z" fill="#222"/><text x="-4" y="20" font-size="12">北</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans CJK SC, sans-serif">
<rect width="${W}" height="${H}" fill="#fbfaf6" stroke="#999"/>
<text x="${pad}" y="22" font-size="14" font-weight="bold">${opts.title}</text>
<text x="${W - pad}" y="22" font-size="11" text-anchor="end" fill="#a33">${opts.note}</text>
${body}${legend}${scale}${north}</svg>`;
}

/** The [minLng, minLat, maxLng, maxLat] of features, grown by `margin` (a fraction of the larger side). */
export function frameOf(
  features: Feature<Geometry, unknown>[],
  margin: number,
): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      x0 = Math.min(x0, c[0]);
      x1 = Math.max(x1, c[0]);
      y0 = Math.min(y0, c[1] as number);
      y1 = Math.max(y1, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of features) if (f.geometry && "coordinates" in f.geometry) visit(f.geometry.coordinates);
  const m = Math.max(x1 - x0, y1 - y0) * margin;
  return [x0 - m, y0 - m, x1 + m, y1 + m];
}
