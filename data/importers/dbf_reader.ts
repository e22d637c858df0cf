import { chooseEncoding, type EncodingChoice } from "./dbf_encoding.ts";
import { ImportProblem } from "./import_problem.ts";

/** One DBF column. `type` is the dBASE letter: C text, N/F number, L logical, D date. */
export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

/** A value read from a DBF cell. Dates become `YYYY-MM-DD` text; blanks become null. */
export type DbfValue = string | number | boolean | null;

export interface DbfTable {
  fields: DbfField[];
  /** Number of records the header announces (deleted ones included). */
  recordCount: number;
  /** Header byte 29, the language driver id. */
  ldid: number;
  encoding: EncodingChoice;
  /** Reads record `i` (0-based); null when it is marked deleted. */
  record(i: number): Record<string, DbfValue> | null;
  /** Whether record `i` is marked deleted (without decoding it). */
  isDeleted(i: number): boolean;
}

function trimmedEnd(bytes: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && (bytes[e - 1] === 0x20 || bytes[e - 1] === 0x00)) e--;
  return e;
}

/**
 * Parses a dBASE III/IV table (the .dbf of a Shapefile). Text is decoded after trimming pad bytes,
 * so a multibyte character at the end of a full-width field is never split.
 * @param bytes the whole .dbf
 * @param opts `cpg`: the .cpg text; `encoding`: a user override
 * @throws ImportProblem `import_empty_file` / `import_truncated_file`
 */
export function readDbf(bytes: Uint8Array, opts: { cpg?: string; encoding?: string } = {}): DbfTable {
  if (bytes.length === 0) throw new ImportProblem("import_empty_file", { file: ".dbf" });
  if (bytes.length < 32) throw new ImportProblem("import_truncated_file", { file: ".dbf" });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const ldid = bytes[29] ?? 0;
  if (headerLength > bytes.length || headerLength < 33)
    throw new ImportProblem("import_truncated_file", { file: ".dbf" });
  const rawFields: { nameBytes: Uint8Array; type: string; length: number; decimals: number }[] = [];
  for (let off = 32; off + 32 <= headerLength && bytes[off] !== 0x0d; off += 32) {
    let nameEnd = off;
    while (nameEnd < off + 11 && bytes[nameEnd] !== 0) nameEnd++;
    rawFields.push({
      nameBytes: bytes.subarray(off, nameEnd),
      type: String.fromCharCode(bytes[off + 11] ?? 0x43),
      length: bytes[off + 16] ?? 0,
      decimals: bytes[off + 17] ?? 0,
    });
  }
  // The records that fit; a short last record means the file was cut.
  if (headerLength + recordCount * recordLength > bytes.length)
    throw new ImportProblem("import_truncated_file", { file: ".dbf" });

  // Sniff text from field names and C columns (up to 2 MB) when no metadata decides.
  const textParts: Uint8Array[] = rawFields.map((f) => f.nameBytes);
  let sampled = 0;
  const offsets: number[] = [];
  let pos = 1;
  for (const f of rawFields) {
    offsets.push(pos);
    pos += f.length;
  }
  for (let r = 0; r < recordCount && sampled < 2_000_000; r++) {
    const base = headerLength + r * recordLength;
    rawFields.forEach((f, k) => {
      if (f.type !== "C") return;
      const start = base + (offsets[k] ?? 0);
      const slice = bytes.subarray(start, trimmedEnd(bytes, start, start + f.length));
      textParts.push(slice);
      sampled += slice.length;
    });
  }
  const sample = new Uint8Array(textParts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of textParts) {
    sample.set(p, at);
    at += p.length + 1; // a space between parts keeps a sequence from spanning two cells
    sample[at - 1] = 0x20;
  }
  const encoding = chooseEncoding({ cpg: opts.cpg, ldid, sample, override: opts.encoding });
  const decoder = new TextDecoder(encoding.encoding);
  const fields: DbfField[] = rawFields.map((f) => ({
    name: decoder.decode(f.nameBytes).trim(),
    type: f.type,
    length: f.length,
    decimals: f.decimals,
  }));
  const ascii = new TextDecoder("latin1");

  const record = (i: number): Record<string, DbfValue> | null => {
    const base = headerLength + i * recordLength;
    if (bytes[base] === 0x2a) return null;
    const out: Record<string, DbfValue> = {};
    fields.forEach((f, k) => {
      const start = base + (offsets[k] ?? 0);
      const end = trimmedEnd(bytes, start, start + f.length);
      let from = start;
      while (f.type !== "C" && from < end && bytes[from] === 0x20) from++;
      const raw = bytes.subarray(from, end);
      out[f.name] = cellValue(f.type, raw, decoder, ascii);
    });
    return out;
  };
  const isDeleted = (i: number) => bytes[headerLength + i * recordLength] === 0x2a;
  return { fields, recordCount, ldid, encoding, record, isDeleted };
}

function cellValue(type: string, raw: Uint8Array, text: TextDecoder, ascii: TextDecoder): DbfValue {
  if (raw.length === 0) return null;
  switch (type) {
    case "N":
    case "F":
    case "O": {
      const s = ascii.decode(raw).trim();
      const n = Number(s);
      return s === "" || !Number.isFinite(n) ? null : n;
    }
    case "L": {
      const c = String.fromCharCode(raw[0] ?? 0x3f).toUpperCase();
      return "YT".includes(c) ? true : "NF".includes(c) ? false : null;
    }
    case "D": {
      const s = ascii.decode(raw);
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
    }
    default:
      return text.decode(raw);
  }
}
