import type {
  StatsImportField,
  StatsImportIssue,
  StatsImportReport,
} from "../../api/schemas/target_imports.ts";
import { ImportProblem } from "./import_problem.ts";

/** A cell of a statistics table: text (CSV, XLSX strings), a number (XLSX numeric cells) or empty. */
export type StatsCell = string | number | null;

/** 万元 per 元: values in 元 are converted to 万元 at the edge (CONVENTIONS §4: money is stored in 万元). */
export const WAN_PER_YUAN = 1e-4;
/** 万元 per 亿元. */
const WAN_PER_YI = 1e4;

/** Header names per statistic, compared after lower-casing and removing spaces and the unit suffix. */
const FIELD_NAMES: Record<StatsImportField, readonly string[]> = {
  outputWan: ["产值", "工业总产值", "总产值", "工业产值", "output", "outputwan", "output_wan"],
  valueAddedWan: ["增加值", "工业增加值", "valueadded", "value_added", "valueaddedwan", "value_added_wan"],
  taxWan: ["税收", "税收总额", "实缴税金", "纳税额", "税金", "tax", "taxwan", "tax_wan"],
  revenueWan: ["营业收入", "主营业务收入", "营收", "revenue", "revenuewan", "revenue_wan"],
  fixedAssetInvestmentWan: [
    "固定资产投资",
    "固定资产投资额",
    "fixedassetinvestment",
    "fixed_asset_investment",
    "fixedassetinvestmentwan",
    "fixed_asset_investment_wan",
  ],
  energyTce: ["能耗", "综合能耗", "能源消费量", "energy", "energytce", "energy_tce"],
  emissionsT: ["排放", "排放量", "污染物排放量", "emissions", "emissionst", "emissions_t"],
  electricityKwh: ["用电", "用电量", "electricity", "electricitykwh", "electricity_kwh"],
  employees: ["从业人员", "从业人员数", "从业人数", "职工人数", "employees"],
  rndWan: ["研发投入", "研发经费", "研发费用", "r&d", "rnd", "rndwan", "rnd_wan"],
};
const CREDIT_CODE_NAMES = ["统一社会信用代码", "信用代码", "creditcode", "credit_code", "uscc"];
const NAME_NAMES = [
  "企业名称",
  "企业",
  "单位名称",
  "名称",
  "enterprise",
  "enterprisename",
  "enterprise_name",
  "name",
];
const YEAR_NAMES = ["年份", "年度", "统计年度", "year"];

const MONEY_FIELDS: ReadonlySet<StatsImportField> = new Set([
  "outputWan",
  "valueAddedWan",
  "taxWan",
  "revenueWan",
  "fixedAssetInvestmentWan",
  "rndWan",
]);

/** Splits a header into its base name and unit: "产值（元）" → ["产值", "元"], "tax_yuan" → ["tax", "元"]. */
export function headerParts(header: string): { base: string; unit: string | null } {
  let h = header.trim().toLowerCase().replace(/\s+/g, "");
  let unit: string | null = null;
  const paren = /[(（[]([^)）\]]*)[)）\]]$/.exec(h);
  if (paren) {
    unit = paren[1] ?? "";
    h = h.slice(0, paren.index);
  } else {
    const suffix = /_(yuan|wan)$/.exec(h);
    if (suffix) {
      unit = suffix[1] === "yuan" ? "元" : "万元";
      h = h.slice(0, suffix.index);
    }
  }
  return { base: h, unit };
}

/**
 * The factor from a column's unit to the stored unit: money to 万元 (元 × 0.0001, 亿元 × 10,000),
 * electricity to kWh (万千瓦时 × 10,000), energy to tce (万吨标准煤 × 10,000); 1 otherwise.
 */
export function unitFactor(field: StatsImportField, unit: string | null): number {
  if (unit === null) return 1;
  const u = unit.replace(/\s+/g, "");
  if (MONEY_FIELDS.has(field)) {
    if (u === "元" || u === "yuan" || u === "rmb" || u === "cny") return WAN_PER_YUAN;
    if (u === "亿元") return WAN_PER_YI;
    return 1;
  }
  if (field === "electricityKwh" && (u === "万千瓦时" || u === "万kwh" || u === "万度")) return 1e4;
  if (field === "energyTce" && (u === "万吨标准煤" || u === "万tce")) return 1e4;
  return 1;
}

/** How the header maps to keys and statistics. */
export interface StatsLayout {
  creditCodeAt: number | null;
  nameAt: number | null;
  yearAt: number;
  columns: { at: number; column: string; field: StatsImportField; factor: number }[];
  ignored: string[];
}

/**
 * Maps a header row (Chinese or English names, with units in brackets or `_yuan`/`_wan` suffixes).
 * @throws ImportProblem `stats_import_missing_column` without a year column or without any enterprise key column
 */
export function statsLayout(header: readonly StatsCell[]): StatsLayout {
  let creditCodeAt: number | null = null;
  let nameAt: number | null = null;
  let yearAt: number | null = null;
  const columns: StatsLayout["columns"] = [];
  const ignored: string[] = [];
  const taken = new Set<StatsImportField>();
  header.forEach((cell, at) => {
    const column = cell === null ? "" : String(cell).trim();
    if (column === "") return;
    const { base, unit } = headerParts(column);
    if (CREDIT_CODE_NAMES.includes(base) && creditCodeAt === null) creditCodeAt = at;
    else if (NAME_NAMES.includes(base) && nameAt === null) nameAt = at;
    else if (YEAR_NAMES.includes(base) && yearAt === null) yearAt = at;
    else {
      const field = (Object.keys(FIELD_NAMES) as StatsImportField[]).find((f) =>
        FIELD_NAMES[f].includes(base),
      );
      if (field && !taken.has(field)) {
        taken.add(field);
        columns.push({ at, column, field, factor: unitFactor(field, unit) });
      } else ignored.push(column);
    }
  });
  if (yearAt === null)
    throw new ImportProblem("stats_import_missing_column", { nameZh: "年份", nameEn: "year" });
  if (creditCodeAt === null && nameAt === null)
    throw new ImportProblem("stats_import_missing_column", {
      nameZh: "统一社会信用代码或企业名称",
      nameEn: "credit_code or enterprise name",
    });
  return { creditCodeAt, nameAt, yearAt, columns, ignored };
}

/** One statistics row as parsed, before the enterprise is resolved. Values in stored units. */
export interface StatsRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  creditCode: string | null;
  name: string | null;
  year: number;
  values: Partial<Record<StatsImportField, number | null>>;
}

const cellText = (c: StatsCell | undefined) => (c === null || c === undefined ? "" : String(c).trim());

/** Parses a numeric cell: numbers as they are, text with thousands separators; empty → null; else NaN. */
function cellNumber(c: StatsCell | undefined): number | null {
  if (typeof c === "number") return c;
  const s = cellText(c).replace(/[,，\s]/g, "");
  if (s === "" || s === "-" || s === "—") return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}

/**
 * Parses the data rows under `layout`, listing missing keys, bad years, non-numeric and negative
 * values and duplicate (enterprise key, year) pairs as errors. Values are converted to the stored
 * units (元 → 万元 …).
 */
export function statsRows(
  rows: readonly (readonly StatsCell[])[],
  layout: StatsLayout,
): { rows: StatsRow[]; issues: StatsImportIssue[] } {
  const out: StatsRow[] = [];
  const issues: StatsImportIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => cellText(c) === "")) return;
    const creditCode = layout.creditCodeAt === null ? "" : cellText(cells[layout.creditCodeAt]).toUpperCase();
    const name = layout.nameAt === null ? "" : cellText(cells[layout.nameAt]);
    const key = creditCode || name || null;
    const yearText = cellText(cells[layout.yearAt]).replace(/年$/, "");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const issue = (kind: StatsImportIssue["kind"], column: string | null, detail: string) =>
      issues.push({ severity: "error", kind, row, key, year, column, detail });
    let ok = true;
    if (key === null) {
      issue("missing_key", null, "no credit code and no enterprise name");
      ok = false;
    }
    if (year === null || year < 1990 || year > 2100) {
      issue("bad_year", null, `year "${yearText}"`);
      ok = false;
    }
    const values: StatsRow["values"] = {};
    for (const col of layout.columns) {
      const v = cellNumber(cells[col.at]);
      if (v !== null && Number.isNaN(v)) {
        issue("not_numeric", col.column, `"${cellText(cells[col.at])}"`);
        ok = false;
      } else if (v !== null && v < 0) {
        issue("negative_value", col.column, String(v));
        ok = false;
      } else if (v !== null && col.field === "employees" && !Number.isInteger(v)) {
        issue("not_numeric", col.column, `${v} is not a whole number`);
        ok = false;
      } else values[col.field] = v === null ? null : v * col.factor;
    }
    if (key !== null && year !== null) {
      const k = `${creditCode ? "c" : "n"}:${key}:${year}`;
      const first = seen.get(k);
      if (first !== undefined) {
        issue("duplicate_key", null, `same enterprise and year as row ${first}`);
        ok = false;
      } else seen.set(k, row);
    }
    if (ok && year !== null)
      out.push({ row, creditCode: creditCode || null, name: name || null, year, values });
  });
  return { rows: out, issues };
}

/** The report's description of a layout. */
export function layoutReport(
  header: readonly StatsCell[],
  l: StatsLayout,
): Pick<StatsImportReport, "key" | "yearColumn" | "columns" | "ignoredColumns"> {
  const name = (at: number | null) => (at === null ? null : cellText(header[at]));
  return {
    key: { creditCodeColumn: name(l.creditCodeAt), nameColumn: name(l.nameAt) },
    yearColumn: cellText(header[l.yearAt]),
    columns: l.columns.map(({ column, field, factor }) => ({ column, field, factor })),
    ignoredColumns: l.ignored,
  };
}
