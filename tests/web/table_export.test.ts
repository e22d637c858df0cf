import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { toCsv } from "../../web/export/csv.ts";
import type { TableData } from "../../web/export/table_data.ts";
import { columnName, sheetName, toXlsx } from "../../web/export/xlsx.ts";

const TABLE: TableData = {
  name: "闲置与低效宗地 2024",
  columns: ["宗地编号", "企业", "面积（亩）", "亩均产值（万元/亩）"],
  rows: [
    ["532601003001GB00001", '云南"沅序"中药, 饮片', 69.38463017416746, 187.2194168563336],
    ["532601003001GB00002", "line\nbreak <&>", 12.5, null],
    ["X", null, 0, -3.25],
  ],
};

describe("toCsv", () => {
  test("RFC 4180: CRLF rows, quoting of commas, quotes and line breaks, unrounded numbers, empty nulls", () => {
    const csv = toCsv(TABLE);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("宗地编号,企业,面积（亩）,亩均产值（万元/亩）");
    expect(lines[1]).toBe('532601003001GB00001,"云南""沅序""中药, 饮片",69.38463017416746,187.2194168563336');
    expect(csv).toContain('"line\nbreak <&>",12.5,\r\n');
    expect(lines.at(-1)).toBe("");
  });
});

describe("toXlsx", () => {
  test("column names and sheet names follow Excel's rules", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(sheetName("a/b:c*d?[e]\\f-and-a-very-long-tail-beyond-31")).toBe(
      "a b c d  e  f-and-a-very-long-t",
    );
  });

  test("an independent reader (Debian python3-openpyxl) opens the workbook and reads every cell back exactly", () => {
    const dir = mkdtempSync(join(tmpdir(), "za-xlsx-"));
    const path = join(dir, "t.xlsx");
    writeFileSync(path, toXlsx(TABLE));
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb.active",
      "print(json.dumps({'title': ws.title, 'rows': [list(r) for r in ws.iter_rows(values_only=True)], 'bold': ws['A1'].font.b}))",
    ].join("\n");
    const out = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, path], { encoding: "utf8" })) as {
      title: string;
      rows: unknown[][];
      bold: boolean;
    };
    expect(out.title).toBe(TABLE.name);
    expect(out.bold).toBe(true);
    expect(out.rows).toEqual([TABLE.columns, ...TABLE.rows]);
  });
});
