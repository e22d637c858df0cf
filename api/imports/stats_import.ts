import { ImportProblem } from "../../data/importers/import_problem.ts";
import { layoutReport, type StatsCell, statsLayout, statsRows } from "../../data/importers/stats_mapping.ts";
import { decodeText, parseCsv } from "../../data/importers/text_table.ts";
import { readXlsxRows } from "../../data/importers/xlsx_reader.ts";
import { isZip, type ZipLimits } from "../../data/importers/zip_entries.ts";
import type { Db, Queryable } from "../db/db.ts";
import { finishImport, insertImport } from "../db/imports.ts";
import { enterprisesByKeys, saveStatsPrevious, upsertEnterpriseStats } from "../db/stats_import.ts";
import { liftStatementTimeout } from "../db/timeouts.ts";
import { AppError } from "../errors.ts";
import type { StatsImportIssue, StatsImportReport } from "../schemas/target_imports.ts";
import { problemToAppError } from "./plot_import.ts";

/** What one statistics import needs. */
export interface StatsImportInput {
  bytes: Uint8Array;
  fileName: string;
  encoding?: string | undefined;
  dryRun: boolean;
  createdBy: string;
  zipLimits?: ZipLimits | undefined;
}

/** Carries a finished dry-run report out of the transaction, which then rolls back. */
class DryRunRollback extends Error {
  override readonly name = "DryRunRollback";
  readonly report: StatsImportReport;
  constructor(report: StatsImportReport) {
    super("dry run: rolled back");
    this.report = report;
  }
}

/** Reads the table of a CSV (encoding detected as for plot CSVs) or the first sheet of an XLSX. */
function readTable(input: StatsImportInput): {
  format: StatsImportReport["format"];
  cells: StatsCell[][];
  encoding: StatsImportReport["encoding"];
  warnings: string[];
} {
  if (input.bytes.length === 0) throw new ImportProblem("import_empty_file", { file: input.fileName });
  const ext = /\.([^./\\]+)$/.exec(input.fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(input.bytes)) {
    if (ext !== "xlsx" && ext !== "xlsm")
      throw new AppError("stats_import_unsupported_format", { file: input.fileName });
    return {
      format: "xlsx",
      cells: readXlsxRows(input.bytes, input.zipLimits),
      encoding: null,
      warnings: [],
    };
  }
  if (ext !== "csv" && ext !== "txt")
    throw new AppError("stats_import_unsupported_format", { file: input.fileName });
  const { text, encoding } = decodeText(input.bytes, input.encoding);
  return {
    format: "csv",
    cells: parseCsv(text),
    encoding: { name: encoding.encoding, source: encoding.source, reason: encoding.reason },
    warnings: encoding.warnings,
  };
}

/**
 * Imports enterprise annual statistics (CSV or XLSX, columns mapped by Chinese or English header,
 * values in 元 converted to 万元) keyed by credit code or enterprise name and year: every row is
 * checked (unknown or ambiguous enterprise, duplicate key, non-numeric or negative value) and any
 * error refuses the whole file (422 `import_validation_failed`); else one upsert by (enterprise,
 * year) in one transaction. A dry run performs the same upsert and rolls it back.
 */
export async function runStatsImport(db: Db, input: StatsImportInput): Promise<StatsImportReport> {
  let table: ReturnType<typeof readTable>;
  let layout: ReturnType<typeof statsLayout>;
  try {
    table = readTable(input);
    const header = table.cells[0];
    if (!header || table.cells.length < 2)
      throw new ImportProblem("import_no_features", { file: input.fileName });
    layout = statsLayout(header);
  } catch (e) {
    throw problemToAppError(e);
  }
  const header = table.cells[0] ?? [];
  // Enterprises are looked up inside the transaction that writes, so the check and the upsert agree.
  const check = async (q: Queryable) => {
    const parsed = statsRows(table.cells.slice(1), layout);
    const issues: StatsImportIssue[] = [...parsed.issues];
    const found = await enterprisesByKeys(
      q,
      parsed.rows.flatMap((r) => (r.creditCode ? [r.creditCode] : [])),
      parsed.rows.flatMap((r) => (!r.creditCode && r.name ? [r.name] : [])),
    );
    const byCode = new Map(found.flatMap((e) => (e.creditCode ? [[e.creditCode, e.id] as const] : [])));
    const byName = new Map<string, number[]>();
    for (const e of found) byName.set(e.name, [...(byName.get(e.name) ?? []), e.id]);
    const resolved: { enterpriseId: number; year: number; values: (typeof parsed.rows)[number]["values"] }[] =
      [];
    const firstRow = new Map<string, number>();
    for (const r of parsed.rows) {
      const key = r.creditCode ?? r.name;
      const issue = (kind: StatsImportIssue["kind"], detail: string) =>
        issues.push({ severity: "error", kind, row: r.row, key, year: r.year, column: null, detail });
      const ids = r.creditCode
        ? [byCode.get(r.creditCode)].filter((x) => x !== undefined)
        : (byName.get(r.name ?? "") ?? []);
      if (ids.length === 0) {
        issue(
          "unknown_enterprise",
          r.creditCode ? "no enterprise with this credit code" : "no enterprise with this name",
        );
        continue;
      }
      if (ids.length > 1) {
        issue("ambiguous_enterprise", `${ids.length} enterprises have this name; use the credit code`);
        continue;
      }
      const enterpriseId = ids[0] as number;
      const k = `${enterpriseId}:${r.year}`;
      const first = firstRow.get(k);
      if (first !== undefined) {
        issue("duplicate_key", `same enterprise and year as row ${first}`);
        continue;
      }
      firstRow.set(k, r.row);
      resolved.push({ enterpriseId, year: r.year, values: r.values });
    }
    issues.sort((a, b) => a.row - b.row);
    const errorCount = issues.length;
    const report: StatsImportReport = {
      target: "stats",
      importId: null,
      committed: false,
      dryRun: input.dryRun,
      fileName: input.fileName,
      format: table.format,
      rowCount: table.cells.slice(1).filter((c) => c.some((x) => x !== null && String(x).trim() !== ""))
        .length,
      fields: header.map((h) => (h === null ? "" : String(h).trim())),
      encoding: table.encoding,
      ...layoutReport(header, layout),
      warnings: table.warnings,
      issues,
      errorCount,
      summary: { inserted: 0, updated: 0 },
    };
    return { report, resolved };
  };
  const fields = layout.columns.map((c) => c.field);
  try {
    return await db.transaction(async (tx) => {
      await liftStatementTimeout(tx);
      const { report, resolved } = await check(tx);
      if (report.errorCount > 0 && !input.dryRun)
        throw new AppError("import_validation_failed", { count: report.errorCount }, report);
      if (report.errorCount > 0) throw new DryRunRollback(report);
      if (input.dryRun)
        throw new DryRunRollback({ ...report, summary: await upsertEnterpriseStats(tx, fields, resolved) });
      const importId = await insertImport(tx, {
        target: "stats",
        parkId: null,
        fileName: input.fileName,
        format: table.format,
        encoding: table.encoding?.name ?? null,
        sourceCrs: "-",
        sourceCoordinates: "wgs84",
        featureCount: report.rowCount,
        createdBy: input.createdBy,
        report: {},
      });
      // The rows' previous values first, for undo; then the one upsert.
      await saveStatsPrevious(tx, importId, resolved);
      const counts = await upsertEnterpriseStats(tx, fields, resolved);
      const final: StatsImportReport = { ...report, summary: counts, importId, committed: true };
      await finishImport(tx, importId, counts, final);
      return final;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.report;
    throw e;
  }
}
