import { describe, expect, test } from "vitest";
import { industryDivision, industryDivisionsOf } from "../../geo/industry_keywords.ts";
import { type MatchCandidate, rankPlots, scorePlot } from "../../geo/plot_match.ts";

const candidate = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  plotId: 1,
  parkId: 1,
  areaMu: 100,
  parkIndustryCodes: ["C32"],
  parkIndustryNames: ["绿色铝", "Green aluminium"],
  permittedIndustryCodes: [],
  minInvestmentPerMuWan: 300,
  minOutputPerMuWan: 500,
  maxEnergyTcePerWan: 0.5,
  nearestHighwayDistanceM: 0,
  nearestRailwayDistanceM: null,
  constraintOverlapM2: 0,
  ...over,
});
const project = {
  industry: "C3216",
  areaMu: 100,
  investmentWan: 40_000,
  expectedOutputWan: 60_000,
  energyTce: 12_000,
};

describe("industry codes and keywords", () => {
  test("codes reduce to their 2017 division; keywords map through the list", () => {
    expect(industryDivision("C3216")).toBe("C32");
    expect(industryDivision("27")).toBe("C27");
    expect(industryDivision("tea")).toBeNull();
    expect(industryDivisionsOf("三七 health drinks")).toContain("C27");
    expect(industryDivisionsOf("Tea")).toEqual(["C15"]);
    expect(industryDivisionsOf("")).toEqual([]);
  });
});

describe("scorePlot", () => {
  test("a plot meeting every criterion scores 1 with a reason per criterion", () => {
    const s = scorePlot(project, candidate());
    expect(s.kind).toBe("scored");
    if (s.kind !== "scored") return;
    expect(s.plot.score).toBeCloseTo(1, 12);
    expect(s.plot.reasons.map((r) => r.code)).toEqual([
      "industry_leading",
      "area_fits",
      "investment_meets",
      "output_meets",
      "energy_within",
      "distance",
    ]);
  });

  test("below the 标准地 investment minimum: fit = intensity ÷ minimum, weighted 0.15", () => {
    const s = scorePlot({ ...project, investmentWan: 15_000 }, candidate());
    if (s.kind !== "scored") throw new Error("excluded");
    const inv = s.plot.reasons.find((r) => r.criterion === "investment");
    expect(inv?.code).toBe("investment_below");
    expect(inv?.fit).toBeCloseTo(150 / 300, 12);
    expect(s.plot.score).toBeCloseTo(1 - 0.15 * 0.5, 12);
  });

  test("criteria without data drop out and the remaining weights renormalise", () => {
    const s = scorePlot(
      { industry: "C32", areaMu: 100, investmentWan: 40_000 },
      candidate({ nearestHighwayDistanceM: 20_000 }),
    );
    if (s.kind !== "scored") throw new Error("excluded");
    // industry 0.35·1 + area 0.2·1 + investment 0.15·1 + distance 0.15·0.5, over 0.85
    expect(s.plot.score).toBeCloseTo((0.35 + 0.2 + 0.15 + 0.075) / 0.85, 12);
    expect(s.plot.reasons.find((r) => r.criterion === "output")?.fit).toBeNull();
  });

  test("too small or inside a control line → excluded with the reason", () => {
    expect(scorePlot(project, candidate({ areaMu: 80 })).kind).toBe("excluded");
    const c = scorePlot(project, candidate({ constraintOverlapM2: 5 }));
    expect(c.kind).toBe("excluded");
    expect(c.plot.reasons.map((r) => r.code)).toContain("constraint_overlap");
  });

  test("a larger plot fits fully up to 1.5× the need, then 1.5 ÷ ratio", () => {
    const at = (areaMu: number) =>
      scorePlot(project, candidate({ areaMu })).plot.reasons.find((r) => r.criterion === "area")?.fit;
    expect(at(150)).toBe(1);
    expect(at(300)).toBeCloseTo(0.5, 12);
    expect(at(95)).toBeCloseTo(0.75, 12);
  });
});

describe("rankPlots", () => {
  test("ranks across parks and marks better plots outside the preferred park as recommendations", () => {
    const cands = [
      candidate({ plotId: 1, parkId: 1, parkIndustryCodes: ["C27"], parkIndustryNames: ["三七"] }),
      candidate({ plotId: 2, parkId: 2 }),
      candidate({ plotId: 3, parkId: 2, nearestHighwayDistanceM: 10_000 }),
      candidate({ plotId: 4, parkId: 1, areaMu: 50 }),
    ];
    const { ranked, excluded } = rankPlots({ ...project, preferredParkId: 1 }, cands);
    expect(ranked.map((r) => r.plotId)).toEqual([2, 3, 1]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.recommendedFromParkId)).toEqual([1, 1, null]);
    expect(excluded.map((e) => e.plotId)).toEqual([4]);
  });

  test("without a preferred park nothing is marked; ties go to the lower plot id", () => {
    const { ranked } = rankPlots(project, [candidate({ plotId: 9 }), candidate({ plotId: 5 })]);
    expect(ranked.map((r) => [r.plotId, r.recommendedFromParkId])).toEqual([
      [5, null],
      [9, null],
    ]);
  });
});
