/**
 * Pairs of axis-aligned boxes that intersect (touching counts), by sort and sweep along x: boxes are
 * sorted by min x, and each box is compared with the boxes after it whose min x does not pass its
 * max x. O(n log n + c) for c comparisons — near-linear for plot layers, whose boxes are small and
 * spread out. Used to find candidate pairs before exact (PostGIS) tests.
 * @param boxes `[minX, minY, maxX, maxY]` per item, any planar or lon/lat units
 * @returns index pairs `[i, j]` with i < j, in no particular order
 * @see Baraff (1992), "Dynamic simulation of non-penetrating rigid bodies" (sweep and prune)
 */
export function intersectingBoxPairs(
  boxes: ReadonlyArray<readonly [number, number, number, number]>,
): [number, number][] {
  const n = boxes.length;
  const minX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxX = new Float64Array(n);
  const maxY = new Float64Array(n);
  boxes.forEach((b, i) => {
    minX[i] = b[0];
    minY[i] = b[1];
    maxX[i] = b[2];
    maxY[i] = b[3];
  });
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (minX[a] ?? 0) - (minX[b] ?? 0));
  const pairs: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const right = maxX[i] ?? 0;
    const bottom = minY[i] ?? 0;
    const top = maxY[i] ?? 0;
    for (let m = k + 1; m < n; m++) {
      const j = order[m] ?? 0;
      if ((minX[j] ?? 0) > right) break;
      if ((minY[j] ?? 0) <= top && bottom <= (maxY[j] ?? 0)) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs;
}
