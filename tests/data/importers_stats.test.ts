import { strToU8, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { headerParts, statsLayout, unitFactor } from "../../data/importers/stats_mapping.ts";
import { readXlsxRows } from "../../data/importers/xlsx_reader.ts";
import { writeXlsx } from "../../data/importers/xlsx_writer.ts";

describe("statistics headers", () => {
  test.each([
    ["产值（元）", "产值", "元"],
    ["output_wan (万元)", "output_wan", "万元"],
    ["tax_yuan", "tax", "元"],
    ["用电 (kWh)", "用电", "kwh"],
    ["年份", "年份", null],
  ])("%s → base %s, unit %s", (header, base, unit) => {
    expect(headerParts(header)).toEqual({ base, unit });
  });

  test("元 → 万元 × 0.0001, 亿元 × 10,000, 万千瓦时 × 10,000, other units unchanged", () => {
    expect(unitFactor("outputWan", "元")).toBe(1e-4);
    expect(unitFactor("taxWan", "亿元")).toBe(1e4);
    expect(unitFactor("taxWan", "万元")).toBe(1);
    expect(unitFactor("electricityKwh", "万千瓦时")).toBe(1e4);
    expect(unitFactor("energyTce", "tce")).toBe(1);
  });

  test("Chinese and English names map to the same statistics; unknown columns are listed", () => {
    const l = statsLayout(["企业名称", "year", "营业收入", "revenue_wan", "备注", "研发投入"]);
    expect(l.nameAt).toBe(0);
    expect(l.yearAt).toBe(1);
    expect(l.columns.map((c) => [c.column, c.field])).toEqual([
      ["营业收入", "revenueWan"],
      ["研发投入", "rndWan"],
    ]);
    expect(l.ignored).toEqual(["revenue_wan", "备注"]);
  });
});

describe("readXlsxRows", () => {
  test("reads back what writeXlsx writes (inline strings, numbers, gaps)", () => {
    const bytes = writeXlsx(
      "统计",
      ["企业名称", "年份", "产值"],
      [
        ["甲公司", 2024, 1.5],
        [null, 2025, null],
      ],
    );
    expect(readXlsxRows(bytes)).toEqual([
      ["企业名称", "年份", "产值"],
      ["甲公司", 2024, 1.5],
      [null, 2025],
    ]);
  });

  test("reads shared strings with rich-text runs and entities, as Excel and WPS write them", () => {
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
    const bytes = zipSync({
      "xl/workbook.xml": xml(
        '<workbook xmlns:r="r"><sheets><sheet name="年报" sheetId="1" r:id="rId7"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": xml(
        '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>',
      ),
      "xl/sharedStrings.xml": xml(
        '<sst><si><t>企业名称</t></si><si><r><t>A&amp;B </t></r><r><t xml:space="preserve">科技</t></r><rPh><t>カ</t></rPh></si></sst>',
      ),
      "xl/worksheets/data.xml": xml(
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="str"><f>1+1</f><v>2</v></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>1.25E3</v></c><c r="C3" t="b"><v>1</v></c></row></sheetData></worksheet>',
      ),
    });
    expect(readXlsxRows(bytes)).toEqual([["企业名称", null, "2"], [], ["A&B 科技", 1250, "TRUE"]]);
  });
});
