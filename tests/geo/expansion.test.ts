import { describe, expect, test } from "vitest";
import { GeoError } from "../../geo/errors.ts";
import { defaultEligibilityProfile, eligibilityChecklist } from "../../geo/expansion_eligibility.ts";
import { candidateScore, compactness, DEFAULT_EXPANSION_WEIGHTS } from "../../geo/expansion_score.ts";
import { expansionVerdict } from "../../geo/expansion_verdict.ts";
import { gaussKrugerZone3 } from "../../geo/gk_zone.ts";
import { M2_PER_MU } from "../../geo/units.ts";

describe("compactness (Polsby–Popper)", () => {
  test("disc → 1, square → π/4, 100:1 strip → small", () => {
    const r = 100;
    expect(compactness(Math.PI * r * r, 2 * Math.PI * r)).toBeCloseTo(1, 12);
    expect(compactness(1, 4)).toBeCloseTo(Math.PI / 4, 12);
    expect(compactness(100, 202)).toBeLessThan(0.04);
  });
  test("zero perimeter is misuse", () => {
    expect(() => compactness(1, 0)).toThrow(GeoError);
  });
});

describe("candidateScore", () => {
  const base = { areaMu: 500, distanceM: 0, sharedBoundaryRatio: 1, compactness: 1 };
  test("a perfect candidate scores 100; weights are normalised", () => {
    expect(candidateScore(base, { maxDistanceM: 2000 }).score).toBeCloseTo(100, 12);
    const w = { proximity: 3, adjacency: 3, compactness: 2, size: 2 };
    const m = { areaMu: 250, distanceM: 1000, sharedBoundaryRatio: 0.2, compactness: 0.5 };
    expect(candidateScore(m, { maxDistanceM: 2000, weights: w }).score).toBeCloseTo(
      candidateScore(m, { maxDistanceM: 2000, weights: DEFAULT_EXPANSION_WEIGHTS }).score,
      12,
    );
    // 100·(0.3·0.5 + 0.3·0.2 + 0.2·0.5 + 0.2·0.5)
    expect(candidateScore(m, { maxDistanceM: 2000 }).score).toBeCloseTo(41, 12);
  });
  test("criteria are clamped to 0–1 and reasons are bilingual", () => {
    const s = candidateScore({ ...base, distanceM: 5000, areaMu: 5000 }, { maxDistanceM: 2000 });
    expect(s.criteria.proximity).toBe(0);
    expect(s.criteria.size).toBe(1);
    expect(s.reasons.every((r) => r.zh.length > 0 && r.en.length > 0)).toBe(true);
  });
  test("all-zero or negative weights are misuse", () => {
    expect(() =>
      candidateScore(base, {
        maxDistanceM: 1,
        weights: { proximity: 0, adjacency: 0, compactness: 0, size: 0 },
      }),
    ).toThrow(GeoError);
    expect(() =>
      candidateScore(base, {
        maxDistanceM: 1,
        weights: { proximity: -1, adjacency: 1, compactness: 0, size: 0 },
      }),
    ).toThrow(/weights.proximity/);
  });
});

describe("gaussKrugerZone3", () => {
  test("Wenshan → zone 35 (EPSG:4523/4544), Lincang → 33 (4521/4542), 100.5°E → 34", () => {
    expect(gaussKrugerZone3(104.23)).toEqual({ zone: 35, centralMeridianDeg: 105, epsg: 4523, epsgCm: 4544 });
    expect(gaussKrugerZone3(100.09).epsg).toBe(4521);
    expect(gaussKrugerZone3(100.5).zone).toBe(34);
    expect(gaussKrugerZone3(100.4999).zone).toBe(33);
  });
  test("outside China's zones is misuse", () => {
    expect(() => gaussKrugerZone3(10)).toThrow(GeoError);
  });
});

describe("eligibilityChecklist", () => {
  const profile = defaultEligibilityProfile(300);
  test("defaults are the configurable domain.md §10 thresholds", () => {
    expect(profile.configurable).toBe(true);
    expect(profile.rules.map((r) => [r.indicator, r.threshold])).toEqual([
      ["developmentRate", 0.85],
      ["supplyRate", 0.85],
      ["builtRate", 0.85],
      ["idleRate", 0],
      ["outputPerMuWan", 300],
    ]);
  });
  test("pass, fail and unknown; exactly at the threshold passes", () => {
    const c = eligibilityChecklist(
      { developmentRate: 0.85, supplyRate: 0.9, builtRate: 0.7, idleRate: 0, outputPerMuWan: null },
      profile,
    );
    expect(c.items.map((i) => i.pass)).toEqual([true, true, false, true, null]);
    expect(c.eligible).toBe(false);
    const unknown = eligibilityChecklist(
      { developmentRate: 0.9, supplyRate: 0.9, builtRate: 0.9, idleRate: 0, outputPerMuWan: null },
      profile,
    );
    expect(unknown.eligible).toBeNull();
    expect(unknown.items[4]?.reason.en).toMatch(/unknown/);
  });
});

describe("expansionVerdict", () => {
  const clean = {
    conflictM2: { permanent_farmland: 0, flood: 0 },
    insideBoundaryRatio: 1,
    existingLandM2: 0,
    missingTypes: [],
  };
  test("clean → pass; farmland overlap → fail; flood overlap → warn; outside boundary → fail", () => {
    expect(expansionVerdict(clean).verdict).toBe("pass");
    expect(expansionVerdict({ ...clean, conflictM2: { permanent_farmland: M2_PER_MU } }).verdict).toBe(
      "fail",
    );
    expect(expansionVerdict({ ...clean, conflictM2: { flood: 500 } }).verdict).toBe("warn");
    expect(expansionVerdict({ ...clean, insideBoundaryRatio: 0.9 }).verdict).toBe("fail");
    expect(expansionVerdict({ ...clean, conflictM2: { permanent_farmland: 0.5 } }).verdict).toBe("pass");
  });
  test("missing layers never pass silently", () => {
    const v = expansionVerdict({
      ...clean,
      insideBoundaryRatio: null,
      missingTypes: ["development_boundary"],
    });
    expect(v.verdict).toBe("warn");
    expect(v.reasons[0]?.en).toMatch(/missing/);
  });
});
