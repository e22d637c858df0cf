import type { Geometry, MultiPolygon } from "geojson";
import type { ImportIssue } from "../../api/schemas/imports.ts";
import { closeRings } from "./plot_mapping.ts";
import type { SourceFeature } from "./read_upload.ts";

/** One constraint polygon as read: source index, an optional name, the geometry in lon/lat. */
export interface ConstraintImportRow {
  index: number;
  name: string | null;
  geometry: MultiPolygon;
}

/** Attribute names that carry a feature's name (land-system and common GIS spellings). */
const NAME_COLUMNS = ["name", "名称", "mc", "ysmc", "图斑名称", "要素名称", "dlmc", "bsm", "title"];

/** The first name-like column of `fields`, or null. */
export function constraintNameColumn(fields: readonly string[]): string | null {
  for (const want of NAME_COLUMNS) {
    const hit = fields.find((f) => f.trim().toLowerCase() === want);
    if (hit !== undefined) return hit;
  }
  return null;
}

/**
 * Turns source features into constraint rows: polygons and multipolygons only (anything else is an
 * error `not_polygon`, an absent or ring-less geometry `empty_geometry`); unclosed rings are closed
 * and listed as repaired. Self-intersections are left to PostGIS (`ST_MakeValid`) when staged.
 */
export function constraintRows(
  features: readonly SourceFeature[],
  nameColumn: string | null,
): { rows: ConstraintImportRow[]; issues: ImportIssue[] } {
  const rows: ConstraintImportRow[] = [];
  const issues: ImportIssue[] = [];
  for (const [index, f] of features.entries()) {
    const raw = nameColumn === null ? null : f.properties[nameColumn];
    const name = raw === null || raw === undefined ? null : String(raw).trim() || null;
    const issue = (severity: ImportIssue["severity"], kind: ImportIssue["kind"], detail: string) =>
      issues.push({ severity, kind, index, code: name, detail });
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
    rows.push({ index, name, geometry: { type: "MultiPolygon", coordinates: polys } });
  }
  return { rows, issues };
}
