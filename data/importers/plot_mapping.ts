import type { Geometry, MultiPolygon, Position } from "geojson";
import {
  type ImportIssue,
  PLOT_IMPORT_FIELDS,
  type PlotFieldMapping,
  type PlotImportField,
} from "../../api/schemas/imports.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import type { DbfValue } from "./dbf_reader.ts";
import type { SourceFeature } from "./read_upload.ts";

/** Source column names recognised per plot field (Chinese land-system names, our export's short names). */
const ALIASES: Record<PlotImportField, string[]> = {
  code: ["宗地编码", "宗地代码", "宗地号", "地块编码", "地块编号", "zddm", "zdbm", "code", "plot_code"],
  landUseCode: [
    "地类编码",
    "用地类型代码",
    "土地用途代码",
    "dlbm",
    "landuse",
    "land_use",
    "land_use_code",
    "landusecode",
  ],
  landUseEdition: ["lu_edition", "land_use_edition", "landuseedition", "分类标准"],
  status: ["供地状态", "状态", "status"],
  declaredAreaM2: ["用地面积", "宗地面积", "面积", "zdmj", "decl_m2", "declared_area_m2", "declaredaream2"],
  declaredAreaMu: ["用地面积亩", "面积亩", "面积_亩", "decl_mu", "declared_area_mu"],
  approvalDate: ["批准日期", "批准时间", "approved", "approval_date", "approvaldate"],
  supplyDate: ["供地日期", "供地时间", "出让日期", "supplied", "supply_date", "supplydate"],
};

/** Suggests a mapping from column names (case-insensitive, spaces ignored). */
export function suggestPlotMapping(fields: readonly string[]): PlotFieldMapping {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, "");
  const out: PlotFieldMapping = {};
  for (const target of PLOT_IMPORT_FIELDS) {
    const hit = fields.find((f) => ALIASES[target].includes(norm(f)));
    if (hit !== undefined) out[target] = hit;
  }
  return out;
}

/** Chinese and English status words → plot status. */
const STATUS_WORDS: Record<string, string> = {
  available: "available",
  未供: "available",
  可供: "available",
  储备: "available",
  approved_unsupplied: "approved_unsupplied",
  批而未供: "approved_unsupplied",
  已批未供: "approved_unsupplied",
  supplied: "supplied",
  已供: "supplied",
  已供地: "supplied",
  已出让: "supplied",
  under_construction: "under_construction",
  在建: "under_construction",
  built: "built",
  已建: "built",
  已建成: "built",
  建成: "built",
  reclaimed: "reclaimed",
  收回: "reclaimed",
  已收回: "reclaimed",
};

/** Defaults for fields the source does not carry (GB/T 21010-2017 0601 = 工业用地). */
export const PLOT_IMPORT_DEFAULTS = {
  status: "available",
  landUseCode: "0601",
  landUseEdition: "GB/T 21010-2017",
} as const;

const LAND_USE_EDITIONS = ["GB/T 21010-2017", "国土空间调查、规划、用途管制用地用海分类指南(2023)"];

/** One plot ready for staging: geometry as a closed MultiPolygon in lon/lat. */
export interface PlotImportRow {
  index: number;
  code: string;
  landUseCode: string;
  landUseEdition: string;
  status: string;
  declaredAreaM2: number | null;
  approvalDate: string | null;
  supplyDate: string | null;
  geometry: MultiPolygon;
}

/** Closes rings whose last position differs from the first; counts how many it closed. */
export function closeRings(polys: Position[][][]): { polys: Position[][][]; closed: number } {
  let closed = 0;
  const out = polys.map((poly) =>
    poly.map((ring) => {
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a && b && (a[0] !== b[0] || a[1] !== b[1])) {
        closed++;
        return [...ring, a];
      }
      return ring;
    }),
  );
  return { polys: out, closed };
}

const text = (v: DbfValue | undefined) => (v === null || v === undefined ? null : String(v).trim() || null);

function dateText(v: DbfValue | undefined): string | null | "bad" {
  const s = text(v);
  if (s === null) return null;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s);
  if (!m) return "bad";
  return `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}`;
}

/**
 * Maps source features to plot rows by `mapping`, listing what cannot be imported (errors) and
 * what was repaired (unclosed rings). Codes missing from the source are generated as
 * `<codePrefix>-<n>` (a warning each), so every plot can be matched on re-import.
 */
export function plotRows(
  features: readonly SourceFeature[],
  mapping: PlotFieldMapping,
  codePrefix: string,
): { rows: PlotImportRow[]; issues: ImportIssue[] } {
  return plotRowMapper(mapping, codePrefix)(features, 0);
}

/**
 * `plotRows` batch by batch: the returned function maps `features` whose first one has source index
 * `offset`, remembering codes across calls so duplicates between batches are found too.
 */
export function plotRowMapper(
  mapping: PlotFieldMapping,
  codePrefix: string,
): (features: readonly SourceFeature[], offset: number) => { rows: PlotImportRow[]; issues: ImportIssue[] } {
  const seen = new Map<string, number>();
  return (features, offset) => mapBatch(features, offset, mapping, codePrefix, seen);
}

function mapBatch(
  features: readonly SourceFeature[],
  offset: number,
  mapping: PlotFieldMapping,
  codePrefix: string,
  seen: Map<string, number>,
): { rows: PlotImportRow[]; issues: ImportIssue[] } {
  const rows: PlotImportRow[] = [];
  const issues: ImportIssue[] = [];
  const get = (f: SourceFeature, k: PlotImportField) => {
    const col = mapping[k];
    return col === undefined ? undefined : f.properties[col];
  };
  for (const [k, f] of features.entries()) {
    const index = offset + k;
    let code = text(get(f, "code"));
    if (code === null) {
      code = `${codePrefix}-${index + 1}`;
      issues.push({ severity: "warning", kind: "missing_code", index, code, detail: "code generated" });
    }
    const issue = (severity: ImportIssue["severity"], kind: ImportIssue["kind"], detail: string) =>
      issues.push({ severity, kind, index, code, detail });
    const g: Geometry | null = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      issue("error", g ? "not_polygon" : "empty_geometry", g ? g.type : "no geometry");
      continue;
    }
    const rawPolys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates).filter(
      (p) => (p[0]?.length ?? 0) > 0,
    );
    if (rawPolys.length === 0) {
      issue("error", "empty_geometry", "no rings");
      continue;
    }
    const { polys, closed } = closeRings(rawPolys);
    if (closed > 0) issue("repaired", "unclosed_ring", `${closed} ring(s) closed`);
    const first = seen.get(code);
    if (first !== undefined) {
      issue("error", "duplicate_code", `same code as feature ${first}`);
      continue;
    }
    seen.set(code, index);
    const status = text(get(f, "status"));
    const mappedStatus = status === null ? PLOT_IMPORT_DEFAULTS.status : STATUS_WORDS[status];
    if (!mappedStatus) {
      issue("error", "bad_value", `status "${status}"`);
      continue;
    }
    const edition = text(get(f, "landUseEdition")) ?? PLOT_IMPORT_DEFAULTS.landUseEdition;
    if (!LAND_USE_EDITIONS.includes(edition)) {
      issue("error", "bad_value", `landUseEdition "${edition}"`);
      continue;
    }
    const m2 = get(f, "declaredAreaM2");
    const mu = get(f, "declaredAreaMu");
    const declared =
      m2 !== undefined && m2 !== null
        ? Number(m2)
        : mu !== undefined && mu !== null
          ? Number(mu) * M2_PER_MU
          : null;
    if (declared !== null && !(declared > 0)) {
      issue("error", "bad_value", `declared area "${m2 ?? mu}"`);
      continue;
    }
    const approvalDate = dateText(get(f, "approvalDate"));
    const supplyDate = dateText(get(f, "supplyDate"));
    if (approvalDate === "bad" || supplyDate === "bad") {
      issue("error", "bad_value", "date");
      continue;
    }
    rows.push({
      index,
      code,
      landUseCode: text(get(f, "landUseCode")) ?? PLOT_IMPORT_DEFAULTS.landUseCode,
      landUseEdition: edition,
      status: mappedStatus,
      declaredAreaM2: declared,
      approvalDate,
      supplyDate,
      geometry: { type: "MultiPolygon", coordinates: polys },
    });
  }
  return { rows, issues };
}
