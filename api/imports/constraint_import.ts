import { constraintNameColumn, constraintRows } from "../../data/importers/constraint_rows.ts";
import { readingChoices, readUpload } from "../../data/importers/read_upload.ts";
import type { ZipLimits } from "../../data/importers/zip_entries.ts";
import { m2ToMu, squareMeters } from "../../geo/units.ts";
import {
  commitConstraintLayer,
  constraintLayerExists,
  stageConstraints,
  stagedConstraintAreaM2,
  zoneForImport,
} from "../db/constraint_import.ts";
import type { Db } from "../db/db.ts";
import { finishImport, insertImport, setImportLayer } from "../db/imports.ts";
import { liftStatementTimeout } from "../db/timeouts.ts";
import { AppError } from "../errors.ts";
import type { ImportIssue } from "../schemas/imports.ts";
import type { ConstraintImportReport } from "../schemas/target_imports.ts";
import { problemToAppError } from "./plot_import.ts";

/** What one constraint-layer import needs. */
export interface ConstraintImportInput {
  bytes: Uint8Array;
  fileName: string;
  zoneId: number;
  layerType: ConstraintImportReport["layerType"];
  layerName?: string | undefined;
  encoding?: string | undefined;
  srid?: number | undefined;
  gcj02: boolean;
  dryRun: boolean;
  createdBy: string;
  zipLimits?: ZipLimits | undefined;
}

/** Carries a finished dry-run report out of the transaction, which then rolls back. */
class DryRunRollback extends Error {
  override readonly name = "DryRunRollback";
  readonly report: ConstraintImportReport;
  constructor(report: ConstraintImportReport) {
    super("dry run: rolled back");
    this.report = report;
  }
}

const baseName = (fileName: string) =>
  (fileName.split(/[/\\]/).pop() ?? fileName).replace(/\.[^.]+$/, "").trim() || "import";

/**
 * Imports a file's polygons as one new constraint layer of a zone, all or nothing in one
 * transaction, through the plot import's readers (encoding, CRS, zip limits): parse → polygons only
 * → stage → repair with `ST_MakeValid` → report (area in 亩 on the ellipsoid) → layer + features.
 * Any error in the report answers 422 `import_validation_failed` and nothing is written.
 */
export async function runConstraintImport(
  db: Db,
  input: ConstraintImportInput,
): Promise<ConstraintImportReport> {
  const zone = await zoneForImport(db, input.zoneId);
  if (!zone) throw new AppError("zone_not_found", { id: input.zoneId });
  const layerName = input.layerName ?? baseName(input.fileName);
  if (await constraintLayerExists(db, zone.id, input.layerType, layerName))
    throw new AppError("constraint_layer_exists", { name: layerName, type: input.layerType });
  let read: ReturnType<typeof readUpload>;
  try {
    read = readUpload(input.bytes, {
      fileName: input.fileName,
      encoding: input.encoding,
      srid: input.srid,
      gcj02: input.gcj02,
      parkGkEpsg: zone.gkEpsg,
      zipLimits: input.zipLimits,
    });
  } catch (e) {
    throw problemToAppError(e);
  }
  const nameColumn = constraintNameColumn(read.fields);
  const { rows, issues } = constraintRows(read.features, nameColumn);
  try {
    return await db.transaction(async (tx) => {
      await liftStatementTimeout(tx);
      const repaired = rows.length > 0 ? await stageConstraints(tx, rows) : [];
      const all: ImportIssue[] = [...issues];
      for (const r of repaired)
        all.push({
          severity: r.empty ? "error" : "repaired",
          kind: r.empty ? "empty_geometry" : "invalid_geometry",
          index: r.idx,
          code: r.name,
          detail: r.empty ? `after repair: ${r.reason}` : r.reason,
        });
      all.sort((a, b) => a.index - b.index);
      const errorCount = all.filter((i) => i.severity === "error").length;
      const areaM2 = rows.length > 0 ? await stagedConstraintAreaM2(tx) : 0;
      const report: ConstraintImportReport = {
        target: "constraints",
        importId: null,
        committed: false,
        dryRun: input.dryRun,
        fileName: input.fileName,
        format: read.format,
        zoneId: zone.id,
        layerType: input.layerType,
        layerName,
        layerId: null,
        featureCount: read.features.length,
        importedCount: rows.length - repaired.filter((r) => r.empty).length,
        fields: read.fields,
        nameColumn,
        ...readingChoices(read),
        sourceCoordinates: read.sourceCoordinates,
        warnings: read.warnings,
        issues: all,
        errorCount,
        totalAreaMu: m2ToMu(squareMeters(areaM2)),
      };
      if (errorCount > 0 && !input.dryRun)
        throw new AppError("import_validation_failed", { count: errorCount }, report);
      if (input.dryRun) throw new DryRunRollback(report);
      const importId = await insertImport(tx, {
        target: "constraints",
        parkId: null,
        fileName: input.fileName,
        format: read.format,
        encoding: read.encoding?.encoding ?? null,
        sourceCrs: read.crs.crs.epsg ? `EPSG:${read.crs.crs.epsg}` : read.crs.crs.name,
        sourceCoordinates: read.sourceCoordinates,
        featureCount: read.features.length,
        createdBy: input.createdBy,
        report: {},
      });
      const written = await commitConstraintLayer(tx, {
        zoneId: zone.id,
        type: input.layerType,
        name: layerName,
        source: `import ${importId}: ${input.fileName}`,
      });
      await setImportLayer(tx, importId, written.layerId);
      const final: ConstraintImportReport = {
        ...report,
        importId,
        committed: true,
        layerId: written.layerId,
        importedCount: written.featureCount,
      };
      await finishImport(tx, importId, { inserted: written.featureCount, updated: 0 }, final);
      return final;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.report;
    throw e;
  }
}
