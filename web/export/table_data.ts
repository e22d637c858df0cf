/** A cell of an exported table: text, an unrounded number, or empty. */
export type Cell = string | number | null;

/** A table to export: a header row and data rows of the same width. */
export interface TableData {
  /** Sheet name (XLSX) and file name stem. */
  name: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}
