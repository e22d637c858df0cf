import { chooseEncoding, type EncodingChoice } from "./dbf_encoding.ts";

/** Decodes a text file (CSV, GeoJSON): BOM, else the override, else UTF-8 if valid, else GBK. */
export function decodeText(bytes: Uint8Array, override?: string): { text: string; encoding: EncodingChoice } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && !override)
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: { encoding: "utf-8", source: "detected", reason: "UTF-8 byte-order mark", warnings: [] },
    };
  const encoding = chooseEncoding({ ldid: 0, sample: bytes.subarray(0, 4_000_000), override });
  return { text: new TextDecoder(encoding.encoding).decode(bytes), encoding };
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== "")) rows.push(row);
  return rows;
}

/** Quotes one CSV cell when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
