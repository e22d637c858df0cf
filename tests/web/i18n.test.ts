import { describe, expect, test } from "vitest";
import { en } from "../../web/i18n/en.ts";
import {
  formatAreaMuHa,
  formatCoordinate,
  formatHaFromMu,
  formatMu,
  formatNumber,
  haFromMu,
  localName,
} from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  test("zh-CN and en have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  test("no string is empty or only whitespace", () => {
    const empty = [...Object.entries(zhCN), ...Object.entries(en)].filter(([, v]) => v.trim() === "");
    expect(empty).toEqual([]);
  });

  test("each key has the same placeholders in both languages", () => {
    const mismatched = Object.keys(zhCN).filter((k) => {
      const key = k as keyof typeof zhCN;
      return placeholders(zhCN[key]).join() !== placeholders(en[key]).join();
    });
    expect(mismatched).toEqual([]);
  });

  test("translate fills placeholders and leaves unknown ones visible", () => {
    expect(translate("zh-CN", "parkList.plotCount", { count: 42 })).toBe("42 宗");
    expect(translate("en", "parkList.plotCount", { count: 42 })).toBe("42 plots");
    expect(translate("en", "parkList.plotCount")).toBe("{count} plots");
  });
});

describe("format", () => {
  test("亩 get thousands separators and one decimal", () => {
    expect(formatMu(12345.678, "zh-CN")).toBe("12,345.7 亩");
    expect(formatMu(12345.678, "en")).toBe("12,345.7 mu");
    expect(formatMu(0, "zh-CN")).toBe("0.0 亩");
  });

  test("hectares are 亩 / 15", () => {
    expect(haFromMu(15)).toBe(1);
    expect(haFromMu(35_100)).toBeCloseTo(2340, 10);
    expect(formatHaFromMu(1500, "zh-CN")).toBe("100.00 公顷");
    expect(formatHaFromMu(123456, "en")).toBe("8,230.40 ha");
  });

  test("area in both units", () => {
    expect(formatAreaMuHa(150, "zh-CN")).toBe("150.0 亩（10.00 公顷）");
    expect(formatAreaMuHa(150, "en")).toBe("150.0 mu (10.00 ha)");
  });

  test("numbers and coordinates", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatCoordinate(104.234567891)).toBe("104.23457");
    expect(formatCoordinate(-0.000001)).toBe("-0.00000");
  });

  test("names follow the UI language, falling back to Chinese", () => {
    expect(localName({ name: "砚山园区", nameEn: "Yanshan Park" }, "en")).toBe("Yanshan Park");
    expect(localName({ name: "砚山园区", nameEn: "Yanshan Park" }, "zh-CN")).toBe("砚山园区");
    expect(localName({ name: "砚山园区", nameEn: null }, "en")).toBe("砚山园区");
  });
});
