import { describe, expect, test } from "vitest";
import {
  investHash,
  landQueryString,
  parseInvestHash,
  toggleCompare,
} from "../../web/invest/invest_route.ts";
import { sitePlanPath } from "../../web/invest/site_plan.ts";

describe("investor portal routes", () => {
  test("every view round-trips through the hash", () => {
    for (const hash of [
      "#/invest",
      "#/invest?zone=1&park=2&minMu=10.5&industry=%E9%93%9D&standard=true&compare=5%2C9",
      "#/invest/plot/7?compare=3",
      "#/invest/park/2",
      "#/invest/compare?compare=1%2C2%2C3",
      "#/invest/flyer/7?lang=en",
    ]) {
      const route = parseInvestHash(hash);
      expect(route, hash).not.toBeNull();
      if (route) expect(investHash(route)).toBe(hash);
    }
  });

  test("other hashes are not portal routes; bad values are dropped, not trusted", () => {
    expect(parseInvestHash("#/zone/1")).toBeNull();
    expect(parseInvestHash("")).toBeNull();
    expect(parseInvestHash("#/investor")).toBeNull();
    expect(
      parseInvestHash("#/invest?zone=-1&minMu=abc&standard=maybe&landUse=x&compare=1,1,2,3,4,5"),
    ).toEqual({
      view: "land",
      filters: {},
      compare: [1, 2, 3, 4],
    });
  });

  test("filters become the API's query names", () => {
    expect(landQueryString({ park: 2, maxPrice: 20, investment: 300, standard: false })).toBe(
      "park=2&maxPricePerMuWan=20&standard=false&investmentPerMuWan=300",
    );
  });

  test("comparison holds at most four plots", () => {
    expect(toggleCompare([1, 2, 3, 4], 5)).toEqual([1, 2, 3, 4]);
    expect(toggleCompare([1, 2, 3, 4], 2)).toEqual([1, 3, 4]);
    expect(toggleCompare([], 9)).toEqual([9]);
  });
});

describe("site plan", () => {
  test("a square plot fills the box inside the margin, north up", () => {
    const d = sitePlanPath(
      {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [0, 0],
              [0.001, 0],
              [0.001, 0.001],
              [0, 0.001],
              [0, 0],
            ],
          ],
        ],
      },
      100,
      10,
    );
    expect(d).toBe("M10.0,90.0L90.0,90.0L90.0,10.0L10.0,10.0L10.0,90.0Z");
  });
});
