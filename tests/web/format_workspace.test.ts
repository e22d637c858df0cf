import { describe, expect, test } from "vitest";
import { en } from "../../web/i18n/en.ts";
import { formatDistance, formatPercent, reasonText, unitLabel } from "../../web/i18n/format.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";

describe("workspace formatting", () => {
  test("distances: whole metres below 1 km, else km with two decimals, units from the dictionaries", () => {
    expect(formatDistance(850.4, "zh-CN")).toBe(`850 ${zhCN["units.m"]}`);
    expect(formatDistance(12_345, "en")).toBe(`12.35 ${en["units.km"]}`);
  });

  test("percentages from fractions (1 = 100 %) with one decimal", () => {
    expect(formatPercent(0.48519, "en")).toBe("48.5%");
    expect(formatPercent(1, "zh-CN")).toBe("100.0%");
  });

  test("API units are shown in the UI language; unknown units pass through", () => {
    expect(unitLabel("万元/亩", "en")).toBe(en["units.wanPerMu"]);
    expect(unitLabel("亩", "en")).toBe(en["units.mu"]);
    expect(unitLabel("万元/公顷", "zh-CN")).toBe(zhCN["units.wanPerHa"]);
    expect(unitLabel("tce", "en")).toBe("tce");
  });

  test("bilingual reasons pick the UI language", () => {
    expect(reasonText({ zh: "中", en: "E" }, "en")).toBe("E");
    expect(reasonText({ zh: "中", en: "E" }, "zh-CN")).toBe("中");
  });
});
