import { describe, expect, test } from "vitest";
import {
  CONTROL_MIN_COVERAGE_RATIO_2008,
  DIVISION_2011_TO_2002,
  industryCodeDigits,
  industryMinFar,
  known,
  MIN_FAR_2008_BY_DIVISION_2002,
  nullReason,
  plotCompliance,
  unknown,
} from "../../geo/index.ts";

describe("MIN_FAR_2008_BY_DIVISION_2002 (国土资发〔2008〕24号, domain §9)", () => {
  test("every division of the table has the value of its row", () => {
    const rows: Record<string, readonly string[]> = {
      "1": ["13", "14", "15", "16", "18", "19", "24", "30", "40", "41", "42"],
      "0.8": ["17", "20", "21", "22", "23", "28", "29"],
      "0.7": ["27", "31", "34", "35", "36", "37", "39", "43"],
      "0.6": ["26", "32", "33"],
      "0.5": ["25"],
    };
    const expected = Object.fromEntries(
      Object.entries(rows).flatMap(([far, ds]) => ds.map((d) => [d, Number(far)])),
    );
    expect(MIN_FAR_2008_BY_DIVISION_2002).toEqual(expected);
  });
});

describe("industryMinFar", () => {
  test.each([
    // [code, edition, minFar, division2002]
    ["3316", "GB/T 4754-2002", 0.6, "33"], // 2002 有色
    ["33", "GB/T 4754-2002", 0.6, "33"],
    ["C3216", "GB/T 4754-2017", 0.6, "33"], // 2017 C32 有色 (aluminium) → 2002 33
    ["3216", "GB/T 4754-2011", 0.6, "33"],
    ["2740", "GB/T 4754-2017", 0.7, "27"], // 三七 pharmaceuticals stay at 27
    ["1491", "GB/T 4754-2017", 1.0, "14"], // food stays at 13–15
    ["2911", "GB/T 4754-2017", 0.8, "29"], // C291 rubber → 29
    ["2921", "GB/T 4754-2017", 1.0, "30"], // C292 plastics → 30
    ["3021", "GB/T 4754-2017", 0.7, "31"], // C30 非金属 → 31
    ["3110", "GB/T 4754-2017", 0.6, "32"], // C31 黑色 → 32
    ["3311", "GB/T 4754-2017", 0.7, "34"], // C33 金属制品 → 34
    ["3411", "GB/T 4754-2017", 0.7, "35"],
    ["3511", "GB/T 4754-2017", 0.7, "36"],
    ["3610", "GB/T 4754-2017", 0.7, "37"], // C36 汽车 → 37
    ["3711", "GB/T 4754-2017", 0.7, "37"],
    ["3821", "GB/T 4754-2017", 0.7, "39"], // C38 电气 → 39
    ["3982", "GB/T 4754-2017", 1.0, "40"], // C39 电子 → 40
    ["4011", "GB/T 4754-2017", 1.0, "41"],
    ["4190", "GB/T 4754-2017", 1.0, "42"],
    ["4210", "GB/T 4754-2017", 0.7, "43"],
    ["2511", "GB/T 4754-2017", 0.5, "25"],
  ] as const)("%s (%s) → %f at 2002 division %s", (code, edition, minFar, division2002) => {
    const r = industryMinFar(code, edition);
    expect(r).toMatchObject({ minFar, division2002, ambiguous: false });
    expect(r?.source).toContain("国土资发〔2008〕24号");
    expect(r?.crosswalk === null).toBe(edition === "GB/T 4754-2002");
  });

  test("a bare 2017 C29 is ambiguous (rubber 0.8 / plastics 1.0): the lower minimum is used", () => {
    expect(industryMinFar("29", "GB/T 4754-2017")).toMatchObject({
      minFar: 0.8,
      division2002: "29",
      ambiguous: true,
    });
  });

  test.each([
    ["5990", "GB/T 4754-2017"], // 仓储: not manufacturing
    ["4320", "GB/T 4754-2017"], // C43 repair: no 2002 division
    ["0610", "GB/T 4754-2002"], // mining
    ["38", "GB/T 4754-2002"], // 2002 has no division 38
    ["C", "GB/T 4754-2017"],
    ["abc", "GB/T 4754-2017"],
  ] as const)("%s (%s) has no 2008 minimum → null", (code, edition) => {
    expect(industryMinFar(code, edition)).toBeNull();
  });

  test("the crosswalk covers every 2011/2017 manufacturing division 13–42 and lands in the table", () => {
    for (let d = 13; d <= 42; d++) {
      const targets = DIVISION_2011_TO_2002[String(d)] ?? [];
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(MIN_FAR_2008_BY_DIVISION_2002[t]).toBeTypeOf("number");
    }
  });

  test("industryCodeDigits strips the section letter", () => {
    expect([industryCodeDigits("C3216"), industryCodeDigits(" 27 "), industryCodeDigits("3")]).toEqual([
      "3216",
      "27",
      null,
    ]);
  });
});

describe("plotCompliance", () => {
  const base = {
    plannedMinFar: 0.7,
    plannedMaxFar: 1.7,
    plannedMinCoverageRatio: 0.3,
    industryCode: "3216",
    industryEdition: "GB/T 4754-2017",
  } as const;
  const statuses = (far: number, coverage: number) =>
    Object.fromEntries(
      plotCompliance({ ...base, far: known(far), coverage: known(coverage) }).map((c) => [c.check, c.status]),
    );

  test("FAR 0.65 fails the planned 0.7 minimum but passes the industry 0.6; coverage 0.4 passes", () => {
    expect(statuses(0.65, 0.4)).toEqual({
      planned_min_far: "fail",
      planned_max_far: "pass",
      planned_min_coverage: "pass",
      industry_min_far: "pass",
      control_min_coverage: "pass",
    });
  });
  test("values equal to a limit pass (FAR 0.7, 1.7; coverage exactly 30 %)", () => {
    expect(statuses(0.7, CONTROL_MIN_COVERAGE_RATIO_2008)).toMatchObject({
      planned_min_far: "pass",
      planned_min_coverage: "pass",
      control_min_coverage: "pass",
    });
    expect(statuses(1.7, 0.3).planned_max_far).toBe("pass");
  });
  test("FAR 1.8 fails the maximum; coverage 0.29 fails both coverage floors; FAR 0.5 fails the industry minimum", () => {
    expect(statuses(1.8, 0.29)).toMatchObject({
      planned_max_far: "fail",
      planned_min_coverage: "fail",
      control_min_coverage: "fail",
    });
    expect(statuses(0.5, 0.4).industry_min_far).toBe("fail");
  });
  test("fail reasons carry the value and the limit", () => {
    const c = plotCompliance({ ...base, far: known(0.5), coverage: known(0.4) }).find(
      (x) => x.check === "industry_min_far",
    );
    expect(c).toMatchObject({ value: 0.5, threshold: 0.6 });
    expect(c?.reasons[0]?.en).toBe(
      `FAR 0.5 is below the industry minimum FAR (${industryMinFar("3216", "GB/T 4754-2017")?.source}) 0.6`,
    );
  });
  test("unset limits are not_applicable; an unknown FAR is insufficient_data", () => {
    const r = plotCompliance({
      plannedMinFar: null,
      plannedMaxFar: null,
      plannedMinCoverageRatio: null,
      industryCode: "5990",
      industryEdition: "GB/T 4754-2017",
      far: unknown(nullReason("missing_input", "缺少建筑面积", "floor area is missing")),
      coverage: known(0.35),
    });
    expect(Object.fromEntries(r.map((c) => [c.check, c.status]))).toEqual({
      planned_min_far: "not_applicable",
      planned_max_far: "not_applicable",
      planned_min_coverage: "not_applicable",
      industry_min_far: "not_applicable",
      control_min_coverage: "pass",
    });
    const withMin = plotCompliance({
      ...base,
      far: unknown(nullReason("missing_input", "x", "floor area is missing")),
      coverage: known(0.35),
    });
    expect(withMin.find((c) => c.check === "planned_min_far")).toMatchObject({
      status: "insufficient_data",
      value: null,
    });
  });
});
