import type { Cell, TableData } from "./table_data.ts";

function csvField(cell: Cell): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? (Number.isFinite(cell) ? String(cell) : "") : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; numbers
 * unrounded, empty cells empty. No byte-order mark (the download adds one so Excel reads UTF-8).
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
export function toCsv(table: TableData): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
