import { describe, expect, test } from "vitest";
import { intersectingBoxPairs } from "../../geo/bbox_pairs.ts";
import { mulberry32 } from "../helpers/rng.ts";

type Box = [number, number, number, number];
const naive = (boxes: Box[]) => {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) out.push(`${i},${j}`);
    }
  return out.sort();
};

describe("intersectingBoxPairs", () => {
  test("equals the naive O(n²) definition on random boxes (seed 66), touching included", () => {
    const rnd = mulberry32(66);
    for (let round = 0; round < 20; round++) {
      const boxes: Box[] = Array.from({ length: 150 }, () => {
        const x = rnd.int(0, 100);
        const y = rnd.int(0, 100);
        return [x, y, x + rnd.int(0, 8), y + rnd.int(0, 8)];
      });
      const got = intersectingBoxPairs(boxes)
        .map(([i, j]) => `${i},${j}`)
        .sort();
      expect(got, `seed 66 round ${round}`).toEqual(naive(boxes));
    }
  });

  test("a grid with gaps has no pairs; an exact duplicate is one pair", () => {
    const grid: Box[] = Array.from({ length: 400 }, (_, i) => {
      const x = (i % 20) * 12;
      const y = Math.floor(i / 20) * 12;
      return [x, y, x + 10, y + 10];
    });
    expect(intersectingBoxPairs(grid)).toEqual([]);
    expect(intersectingBoxPairs([...grid, [0, 0, 10, 10]])).toEqual([[0, 400]]);
  });
});
