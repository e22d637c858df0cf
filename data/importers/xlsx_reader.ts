import { ImportProblem } from "./import_problem.ts";
import { DEFAULT_ZIP_LIMITS, type ZipLimits, zipEntries } from "./zip_entries.ts";

/** A cell as read: a number for numeric cells, text otherwise, null when empty. */
export type XlsxCell = string | number | null;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? ""),
  );
}

/** The text of an `<si>` or `<is>` element: all `<t>` runs joined (rich text keeps its runs), phonetic runs skipped. */
function runsText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += unescapeXml(m[1] ?? "");
  return out;
}

/** 0-based column index of a cell reference such as "AB12". */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? "") n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const decoder = new TextDecoder("utf-8");

/**
 * Reads the first worksheet of an Office Open XML workbook (.xlsx, ECMA-376 Part 1 §18) into rows
 * of cells: shared strings, inline strings, formula string results, numbers and booleans. The
 * archive goes through the same zip limits as Shapefile uploads (entry names, size, ratio).
 * @throws ImportProblem `import_bad_file` when the archive is not a workbook
 */
export function readXlsxRows(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): XlsxCell[][] {
  const files = zipEntries(bytes, limits);
  const text = (name: string) => {
    const b = files.get(name);
    return b ? decoder.decode(b) : null;
  };
  const workbook = text("xl/workbook.xml");
  if (workbook === null) throw new ImportProblem("import_bad_file", { reason: "no xl/workbook.xml" });
  const firstSheetRid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = text("xl/_rels/workbook.xml.rels") ?? "";
  let target = "worksheets/sheet1.xml";
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id === firstSheetRid && t) target = t;
  }
  const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const sheet = text(sheetPath);
  if (sheet === null) throw new ImportProblem("import_bad_file", { reason: `no ${sheetPath}` });
  const shared: string[] = [];
  for (const m of (text("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g))
    shared.push(runsText(m[1] ?? ""));
  const rows: XlsxCell[][] = [];
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNo = Number(/\br="(\d+)"/.exec(rm[1] ?? "")?.[1] ?? rows.length + 1);
    const cells: XlsxCell[] = [];
    let next = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? "";
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? "n";
      const inner = cm[2] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: XlsxCell = null;
      if (type === "s") value = v === undefined ? null : (shared[Number(v)] ?? null);
      else if (type === "inlineStr") value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (type === "str" || type === "e") value = v === undefined ? null : unescapeXml(v);
      else if (type === "b") value = v === undefined ? null : v === "1" ? "TRUE" : "FALSE";
      else value = v === undefined || v === "" ? null : Number(v);
      cells[col] = value;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNo - 1] = cells;
  }
  return Array.from(rows, (r) => r ?? []);
}
