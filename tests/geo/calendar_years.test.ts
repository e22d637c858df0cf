import { describe, expect, test } from "vitest";
import {
  anniversary,
  compareIsoDates,
  fullYearsBetween,
  GeoError,
  isIsoDate,
  yearsBetween,
} from "../../geo/index.ts";

describe("calendar years (民法典 art. 201–202)", () => {
  test.each([
    ["2021-03-01", "2022-02-28", 0],
    ["2021-03-01", "2022-03-01", 1],
    ["2021-03-01", "2021-03-01", 0],
    ["2020-02-29", "2021-02-27", 0],
    ["2020-02-29", "2021-02-28", 1], // no 29 Feb: the month's last day
    ["2020-02-29", "2024-02-28", 3],
    ["2020-02-29", "2024-02-29", 4],
    ["2019-03-01", "2020-02-29", 0],
    ["2023-12-31", "2024-12-31", 1],
  ] as const)("fullYearsBetween(%s, %s) = %i", (from, to, n) => {
    expect(fullYearsBetween(from, to)).toBe(n);
  });

  test("anniversaries of 29 February", () => {
    expect([
      anniversary("2020-02-29", 1),
      anniversary("2020-02-29", 4),
      anniversary("2021-01-31", 1),
    ]).toEqual(["2021-02-28", "2024-02-29", "2022-01-31"]);
  });

  test("yearsBetween is integral on anniversaries and fractional between", () => {
    expect(yearsBetween("2021-03-01", "2023-03-01")).toBe(2);
    expect(yearsBetween("2022-01-01", "2022-07-02")).toBeCloseTo(182 / 365, 14);
    expect(yearsBetween("2023-03-01", "2024-03-01")).toBe(1); // across a leap day: still one year
  });

  test("dates are validated; reversed ranges are programmer errors", () => {
    expect([isIsoDate("2023-02-29"), isIsoDate("2024-02-29"), isIsoDate("2024-2-1")]).toEqual([
      false,
      true,
      false,
    ]);
    expect(() => fullYearsBetween("2022-01-02", "2022-01-01")).toThrow(GeoError);
    expect(() => fullYearsBetween("2022-01-01", "2022-02-30")).toThrow("to must be an ISO date");
    expect(compareIsoDates("2022-01-01", "2021-12-31")).toBe(1);
  });
});
