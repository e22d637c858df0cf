/**
 * A diagonal hatch tile (RGBA pixels) for the ecological red line fill.
 * Generated in code because the offline style has no sprite URL; maplibre repeats it as a `fill-pattern`.
 */
export function hatchImage(
  size: number,
  rgb: readonly [number, number, number],
  lineAlpha: number,
  fillAlpha: number,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const stroke = Math.max(1, Math.round(size / 8));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < stroke;
      const i = (y * size + x) * 4;
      data[i] = rgb[0];
      data[i + 1] = rgb[1];
      data[i + 2] = rgb[2];
      data[i + 3] = Math.round(255 * (onLine ? lineAlpha : fillAlpha));
    }
  }
  return { width: size, height: size, data };
}

type Rgba = readonly [number, number, number, number];
type Image = { width: number; height: number; data: Uint8Array };

function paint(size: number, pixel: (x: number, y: number) => Rgba | null): Image {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = pixel(x, y);
      if (!c) continue;
      data.set(c, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

const INK: Rgba = [17, 17, 17, 235];
const HALO: Rgba = [255, 255, 255, 215];

/**
 * Idle-land overlay tile: back-diagonal (\) lines, a dark core edged in white, transparent between,
 * so the plot's fill colour shows through and the lines read on light and dark fills alike.
 */
export function idleHatchImage(size: number): Image {
  return paint(size, (x, y) => {
    const d = (x - y + size) % size;
    if (d < 2) return INK;
    if (d === 2 || d === size - 1) return HALO;
    return null;
  });
}

/** 批而未供 overlay tile: staggered dark dots ringed in white (a shape unlike the idle hatch). */
export function dotsImage(size: number): Image {
  const centres = [
    [size / 4, size / 4],
    [(3 * size) / 4, (3 * size) / 4],
  ] as const;
  const core = size / 8;
  const ring = core + 1.2;
  return paint(size, (x, y) => {
    const r = Math.min(...centres.map(([cx, cy]) => Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
    if (r <= core) return INK;
    if (r <= ring) return HALO;
    return null;
  });
}
