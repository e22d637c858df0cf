import { describe, expect, test } from "vitest";
import {
  classCounts,
  classIndex,
  equalIntervalBreaks,
  finiteSorted,
  parseManualBreaks,
  quantile,
  quantileBreaks,
  roundedBreaks,
} from "../../web/map/class_breaks.ts";
import { mulberry32 } from "../helpers/rng.ts";

const SEED = 20251231;

describe("finiteSorted", () => {
  test("drops nulls, NaN and infinities and sorts numerically", () => {
    expect(finiteSorted([10, null, 2, Number.NaN, undefined, -1, Number.POSITIVE_INFINITY, 2])).toEqual([
      -1, 2, 2, 10,
    ]);
  });
});

describe("quantile", () => {
  test("interpolates linearly between order statistics (type 7)", () => {
    const xs = [1, 2, 3, 4];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile(xs, 0.5)).toBe(2.5);
    expect(quantile(xs, 0.25)).toBeCloseTo(1.75, 12);
  });

  test("refuses an empty list and p outside [0, 1]", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(/p must be within/);
  });
});

describe("quantileBreaks", () => {
  test("1 … 100 in five classes: breaks at the 20/40/60/80 % quantiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileBreaks(values, 5)).toEqual([20.8, 40.6, 60.4, 80.2]);
  });

  test("each class holds about n/k values on random data", () => {
    const rng = mulberry32(SEED);
    const values = Array.from({ length: 1000 }, () => rng.next() * 500);
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toHaveLength(4);
    const { counts, noData } = classCounts(values, breaks);
    expect(noData).toBe(0);
    for (const c of counts)
      expect(Math.abs(c - 200), `seed ${SEED}, counts ${counts}`).toBeLessThanOrEqual(1);
  });

  test("ties collapse to fewer, strictly ascending breaks, never equal to the minimum", () => {
    // 20/40/60 % quantiles are all 0 (the minimum); the 80 % one is 5 + 0.2 × (9 − 5).
    const breaks = quantileBreaks([0, 0, 0, 0, 0, 0, 0, 5, 9, 9], 5);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toBeCloseTo(5.8, 12);
    expect(quantileBreaks([1, 1, 2, 2, 3, 3], 5)).toEqual([2, 3]);
    expect(quantileBreaks([7, 7, 7], 5)).toEqual([]);
  });

  test("nulls are no data, not zero", () => {
    expect(quantileBreaks([null, 1, 2, 3, 4, null], 2)).toEqual(quantileBreaks([1, 2, 3, 4], 2));
    expect(quantileBreaks([null, null], 5)).toEqual([]);
  });

  test("refuses a class count that is not a positive integer", () => {
    expect(() => quantileBreaks([1, 2], 0)).toThrow(RangeError);
    expect(() => quantileBreaks([1, 2], 2.5)).toThrow(/positive integer/);
  });
});

describe("equalIntervalBreaks", () => {
  test("k classes of equal width between min and max", () => {
    expect(equalIntervalBreaks([0, 3, 100, null], 5)).toEqual([20, 40, 60, 80]);
    expect(equalIntervalBreaks([-10, 10], 4)).toEqual([-5, 0, 5]);
  });

  test("a single distinct value or no value gives one class", () => {
    expect(equalIntervalBreaks([4, 4, 4], 5)).toEqual([]);
    expect(equalIntervalBreaks([], 5)).toEqual([]);
  });

  test("every value lands in a class 0 … k−1, the maximum in the last", () => {
    const rng = mulberry32(SEED + 1);
    const values = Array.from({ length: 300 }, () => rng.next() * 3);
    const breaks = equalIntervalBreaks(values, 5);
    const max = Math.max(...values);
    expect(classIndex(max, breaks)).toBe(4);
    expect(classIndex(Math.min(...values), breaks)).toBe(0);
  });
});

describe("classIndex and classCounts", () => {
  test("a break value opens the next class (maplibre step semantics)", () => {
    const breaks = [10, 20, 30];
    expect([0, 9.99, 10, 19, 20, 30, 1e9].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  test("counts per class and no-data values", () => {
    expect(classCounts([1, 15, 15, 25, null, Number.NaN, 40], [10, 20, 30])).toEqual({
      counts: [1, 2, 1, 1],
      noData: 2,
    });
  });
});

describe("parseManualBreaks", () => {
  test("accepts ascending numbers separated by ASCII or full-width commas and spaces", () => {
    expect(parseManualBreaks("50, 100，200  400", 4)).toEqual({ ok: true, breaks: [50, 100, 200, 400] });
    expect(parseManualBreaks("0.5;1.2", 4)).toEqual({ ok: true, breaks: [0.5, 1.2] });
  });

  test("names what is wrong", () => {
    expect(parseManualBreaks("  ", 4)).toEqual({ ok: false, issue: "empty" });
    expect(parseManualBreaks("10, abc", 4)).toEqual({ ok: false, issue: "notANumber" });
    expect(parseManualBreaks("10, 10", 4)).toEqual({ ok: false, issue: "notAscending" });
    expect(parseManualBreaks("30, 20", 4)).toEqual({ ok: false, issue: "notAscending" });
    expect(parseManualBreaks("1 2 3 4 5", 4)).toEqual({ ok: false, issue: "tooMany" });
  });
});

describe("roundedBreaks", () => {
  test("three significant digits when they keep the breaks apart", () => {
    expect(roundedBreaks([20.83333, 140.61, 1234.5])).toEqual([20.8, 141, 1230]);
  });

  test("more digits where three would merge neighbours", () => {
    expect(roundedBreaks([1000.4, 1000.6])).toEqual([1000, 1001]);
    expect(roundedBreaks([100.01, 100.02])).toEqual([100.01, 100.02]);
    expect(roundedBreaks([])).toEqual([]);
  });
});
