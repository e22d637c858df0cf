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
