import type { MultiPolygon } from "geojson";
import { ImportProblem } from "../../data/importers/import_problem.ts";
import {
  PLOT_IMPORT_DEFAULTS,
  type PlotImportRow,
  plotRowMapper,
  suggestPlotMapping,
} from "../../data/importers/plot_mapping.ts";
import { type PreparedUpload, prepareUpload, readingChoices } from "../../data/importers/read_upload.ts";
import type { ZipLimits } from "../../data/importers/zip_entries.ts";
import { declaredAreaDeviationRatio, isDeclaredAreaMismatch } from "../../geo/area_deviation.ts";
import { intersectingBoxPairs } from "../../geo/bbox_pairs.ts";
import { DECLARED_AREA_MISMATCH_RATIO } from "../../geo/thresholds.ts";
import { m2ToMu, squareMeters } from "../../geo/units.ts";
import type { Db } from "../db/db.ts";
import {
  commitStaged,
  repairAndMeasure,
  STAGING_BATCH_ROWS,
  stagedChanges,
  stagePlots,
  stagingFindings,
} from "../db/import_staging.ts";
import {
  finishImport,
  getFieldMapping,
  insertImport,
  parkForImport,
  saveFieldMapping,
} from "../db/imports.ts";
import { liftStatementTimeout } from "../db/timeouts.ts";
import { AppError } from "../errors.ts";
import type { ImportIssue, ImportReport, PlotFieldMapping } from "../schemas/imports.ts";

/** What one plot import needs; the HTTP route, the CLI and background jobs all build this. */
export interface PlotImportInput {
  bytes: Uint8Array;
  fileName: string;
  parkId: number;
  encoding?: string | undefined;
  srid?: number | undefined;
  gcj02: boolean;
  dryRun: boolean;
  mapping?: PlotFieldMapping | undefined;
  mappingName?: string | undefined;
  saveMappingAs?: string | undefined;
  createdBy: string;
  zipLimits?: ZipLimits | undefined;
  /** Progress: `processed` of `total` steps (features staged, then validation and commit). */
  onProgress?: ((p: { phase: ImportPhase; processed: number; total: number }) => void) | undefined;
}

export type ImportPhase = "parsing" | "staging" | "validating" | "committing" | "done";

/** [minLng, minLat, maxLng, maxLat] of a MultiPolygon. */
function multiPolygonBox(g: MultiPolygon): [number, number, number, number] {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const poly of g.coordinates)
    for (const p of poly[0] ?? []) {
      const x = p[0] ?? 0;
      const y = p[1] ?? 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  return [x0, y0, x1, y1];
}

/** Carries a finished dry-run report out of the transaction, which then rolls back. */
class DryRunRollback extends Error {
  override readonly name = "DryRunRollback";
  readonly report: ImportReport;
  constructor(report: ImportReport) {
    super("dry run: rolled back");
    this.report = report;
  }
}

/** An ImportProblem (a user's unusable file) as the API error with the same code. */
export function problemToAppError(e: unknown): unknown {
  return e instanceof ImportProblem ? new AppError(e.code, e.params) : e;
}

function readOrThrow(input: PlotImportInput, gkEpsg: number | null): PreparedUpload {
  try {
    return prepareUpload(input.bytes, {
      fileName: input.fileName,
      encoding: input.encoding,
      srid: input.srid,
      gcj02: input.gcj02,
      parkGkEpsg: gkEpsg,
      zipLimits: input.zipLimits,
    });
  } catch (e) {
    throw problemToAppError(e);
  }
}

/**
 * Validates and (unless `dryRun` or there are errors) imports plots into a park, all or nothing in
 * one transaction: parse → map fields → stage in a temp table → repair and measure in PostGIS →
 * report → upsert by plot code. Errors in the report answer 422 `import_validation_failed` with the
 * report as details; nothing is written then.
 */
export async function runPlotImport(db: Db, input: PlotImportInput): Promise<ImportReport> {
  const progress = input.onProgress ?? (() => {});
  const park = await parkForImport(db, input.parkId);
  if (!park) throw new AppError("park_not_found", { id: input.parkId });
  progress({ phase: "parsing", processed: 0, total: 1 });
  const read = readOrThrow(input, park.gkEpsg);
  let saved: PlotFieldMapping = {};
  if (input.mappingName) {
    const m = await getFieldMapping(db, "plots", input.mappingName);
    if (!m) throw new AppError("mapping_not_found", { name: input.mappingName });
    saved = m;
  }
  const suggested = suggestPlotMapping(read.fields);
  const mapping: PlotFieldMapping = { ...suggested, ...saved, ...(input.mapping ?? {}) };
  const mappingSource = input.mapping
    ? "request"
    : input.mappingName
      ? `saved:${input.mappingName}`
      : "suggested";
  const mapBatch = plotRowMapper(mapping, `${park.code}-IMP-${Date.now().toString(36)}`);
  const total = read.featureCount;
  // Only each staged row's source index and box outlive its batch: the file is never one object graph.
  const rowIndex: number[] = [];
  const boxes: [number, number, number, number][] = [];
  const issues: ImportIssue[] = [];
  // Decodes, reprojects and maps one batch at a time, pulled by stagePlots while the previous batch is staged.
  function* batches(): Generator<PlotImportRow[]> {
    for (let from = 0; from < total; from += STAGING_BATCH_ROWS) {
      const to = Math.min(total, from + STAGING_BATCH_ROWS);
      const out = mapBatch(read.batch(from, to), from);
      for (const r of out.rows) {
        rowIndex.push(r.index);
        boxes.push(multiPolygonBox(r.geometry));
      }
      for (const i of out.issues) issues.push(i);
      yield out.rows;
    }
  }
  progress({ phase: "staging", processed: 0, total });

  const base = {
    importId: null,
    committed: false,
    dryRun: input.dryRun,
    fileName: input.fileName,
    format: read.format,
    layerName: read.layerName,
    featureCount: read.featureCount,
    fields: read.fields,
    ...readingChoices(read),
    sourceCoordinates: read.sourceCoordinates,
    mapping,
    mappingSource,
    defaults: PLOT_IMPORT_DEFAULTS,
    warnings: read.warnings,
  } satisfies Partial<ImportReport>;

  try {
    return await db.transaction(async (tx) => {
      await liftStatementTimeout(tx);
      await stagePlots(tx, batches(), (done) => progress({ phase: "staging", processed: done, total }));
      progress({ phase: "validating", processed: total, total });
      const repaired = await repairAndMeasure(tx);
      const candidates = intersectingBoxPairs(boxes).map(
        ([i, j]) => [rowIndex[i] ?? -1, rowIndex[j] ?? -1] as [number, number],
      );
      // 0.999: a SQL pre-filter just below the rule, so float rounding never hides a case from geo/.
      const found = await stagingFindings(tx, park.id, candidates, DECLARED_AREA_MISMATCH_RATIO * 0.999);
      const all: ImportIssue[] = [...issues];
      for (const r of repaired)
        all.push(
          r.empty
            ? {
                severity: "error",
                kind: "empty_geometry",
                index: r.idx,
                code: r.code,
                detail: `after repair: ${r.reason}`,
              }
            : {
                severity: "repaired",
                kind: "invalid_geometry",
                index: r.idx,
                code: r.code,
                detail: r.reason,
              },
        );
      for (const o of found.overlapsExisting)
        all.push({
          severity: "warning",
          kind: "overlaps_existing",
          index: o.idx,
          code: o.code,
          detail: o.other,
          areaMu: m2ToMu(squareMeters(o.overlap_m2)),
        });
      for (const o of found.overlapsInFile)
        all.push({
          severity: "warning",
          kind: "overlaps_in_file",
          index: o.idx,
          code: o.code,
          detail: o.other,
          areaMu: m2ToMu(squareMeters(o.overlap_m2)),
        });
      for (const d of found.duplicateGeometries)
        all.push({
          severity: "warning",
          kind: "duplicate_geometry",
          index: d.idx,
          code: d.code,
          detail: d.other,
        });
      for (const o of found.outsidePark)
        all.push({
          severity: "warning",
          kind: "outside_park",
          index: o.idx,
          code: o.code,
          detail: `park ${park.code}`,
          areaMu: m2ToMu(squareMeters(o.outside_m2)),
        });
      for (const c of found.codesInOtherParks)
        all.push({
          severity: "error",
          kind: "code_in_other_park",
          index: c.idx,
          code: c.code,
          detail: `park ${c.park_id}`,
        });
      for (const a of found.declaredAreaSuspects)
        if (isDeclaredAreaMismatch(a.declared_area_m2, a.area_m2))
          all.push({
            severity: "warning",
            kind: "declared_area_mismatch",
            index: a.idx,
            code: a.code,
            detail: `declared ${a.declared_area_m2} m², computed ${a.area_m2.toFixed(2)} m²`,
            deviationRatio: declaredAreaDeviationRatio(a.declared_area_m2, a.area_m2) ?? 0,
          });
      all.sort((x, y) => x.index - y.index);
      const changes = await stagedChanges(tx, park.id, found.storedInPark);
      const errorCount = all.filter((i) => i.severity === "error").length;
      const totalM2 = found.totalAreaM2;
      const report: ImportReport = {
        ...base,
        issues: all,
        errorCount,
        summary: {
          inserted: found.stagedCount - changes.updated - changes.unchanged,
          updated: changes.updated,
          geometryChanged: changes.geometryChanged,
          unchanged: changes.unchanged,
          changes: changes.changes,
        },
        totalAreaMu: m2ToMu(squareMeters(totalM2)),
      };
      if (errorCount > 0 && !input.dryRun)
        throw new AppError("import_validation_failed", { count: errorCount }, report);
      if (input.dryRun) throw new DryRunRollback(report);
      progress({ phase: "committing", processed: total, total });
      const importId = await insertImport(tx, {
        target: "plots",
        parkId: park.id,
        fileName: input.fileName,
        format: read.format,
        encoding: read.encoding?.encoding ?? null,
        sourceCrs: read.crs.crs.epsg ? `EPSG:${read.crs.crs.epsg}` : read.crs.crs.name,
        sourceCoordinates: read.sourceCoordinates,
        featureCount: read.featureCount,
        createdBy: input.createdBy,
        // The full report is stored once, with the final counts, by finishImport.
        report: {},
      });
      const counts = await commitStaged(tx, importId, park.id, found.storedInPark);
      const final: ImportReport = {
        ...report,
        importId,
        committed: true,
        summary: { ...report.summary, inserted: counts.inserted, updated: counts.updated },
      };
      await finishImport(tx, importId, counts, final);
      if (input.saveMappingAs) await saveFieldMapping(tx, "plots", input.saveMappingAs, mapping);
      progress({ phase: "done", processed: total, total });
      return final;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) {
      progress({ phase: "done", processed: total, total });
      return e.report;
    }
    // Coordinates out of range surface while batches are reprojected, inside the transaction.
    throw problemToAppError(e);
  }
}
