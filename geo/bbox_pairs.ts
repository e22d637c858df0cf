/**
 * Pairs of axis-aligned boxes that intersect (touching counts), by sort-and-sweep along x: boxes are
 * sorted by min x and each is compared with the boxes still open at its min x. O(n log n + k·a) for k
 * boxes and a average open boxes — fast for plot layers, whose boxes are small and spread out.
 * Used to find candidate pairs before exact (PostGIS) tests.
 * @param boxes `[minX, minY, maxX, maxY]` per item, any planar or lon/lat units
 * @returns index pairs `[i, j]` with i < j, in no particular order
 * @see Baraff (1992), "Dynamic simulation of non-penetrating rigid bodies", sweep and prune
 */
export function intersectingBoxPairs(
  boxes: ReadonlyArray<readonly [number, number, number, number]>,
): [number, number][] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[a]?.[0] ?? 0) - (boxes[b]?.[0] ?? 0));
  const pairs: [number, number][] = [];
  let open: number[] = [];
  for (const i of order) {
    const b = boxes[i];
    if (!b) continue;
    open = open.filter((j) => (boxes[j]?.[2] ?? Number.NEGATIVE_INFINITY) >= b[0]);
    for (const j of open) {
      const o = boxes[j];
      if (o && o[1] <= b[3] && b[1] <= o[3]) pairs.push(i < j ? [i, j] : [j, i]);
    }
    open.push(i);
  }
  return pairs;
}
