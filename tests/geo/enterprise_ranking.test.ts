import { describe, expect, test } from "vitest";
import { enterpriseRanking, type RankingPlot } from "../../geo/enterprise_ranking.ts";
import { mulberry32 } from "../helpers/rng.ts";

const plot = (enterpriseId: number | null, areaMu: number, value: number | null): RankingPlot => ({
  enterpriseId,
  enterpriseName: enterpriseId === null ? null : `企业${enterpriseId}`,
  areaMu,
  value,
});

describe("enterpriseRanking", () => {
  test("ranks firms by their per-mu value, highest first; area sums every plot of the firm", () => {
    const r = enterpriseRanking([plot(1, 10, 100), plot(2, 5, 300), plot(1, 30, 100), plot(3, 8, 50)]);
    expect(r.map((e) => [e.rank, e.enterpriseId, e.value, e.areaMu, e.plotCount])).toEqual([
      [1, 2, 300, 5, 1],
      [2, 1, 100, 40, 2],
      [3, 3, 50, 8, 1],
    ]);
  });

  test("a firm's value is the area-weighted mean over its plots with a value", () => {
    const [e] = enterpriseRanking([plot(7, 10, 100), plot(7, 30, 200), plot(7, 60, null)]);
    expect(e?.value).toBeCloseTo((10 * 100 + 30 * 200) / 40, 12);
    expect(e?.areaMu).toBe(100);
  });

  test("plots without a firm are skipped; firms without any value are left out (never ranked as 0)", () => {
    const r = enterpriseRanking([plot(null, 50, 999), plot(4, 10, null), plot(5, 10, 0)]);
    expect(r.map((e) => e.enterpriseId)).toEqual([5]);
  });

  test("ranks are 1…n and values never increase down the list (random input, seeded)", () => {
    const rng = mulberry32(2024);
    const plots = Array.from({ length: 300 }, () =>
      plot(1 + Math.floor(rng.next() * 60), 1 + rng.next() * 100, rng.next() < 0.1 ? null : rng.next() * 500),
    );
    const r = enterpriseRanking(plots);
    expect(r.map((e) => e.rank)).toEqual(r.map((_, i) => i + 1));
    for (let i = 1; i < r.length; i++) expect(r[i - 1]?.value ?? 0).toBeGreaterThanOrEqual(r[i]?.value ?? 0);
  });
});
