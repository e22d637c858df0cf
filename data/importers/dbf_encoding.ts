import { ImportProblem } from "./import_problem.ts";

/**
 * Which text encoding a DBF's strings are in, and why: the .cpg, else the language-driver byte,
 * else the content (valid UTF-8 versus GBK), unless the user overrides it.
 */

/** An encoding name TextDecoder understands (WHATWG labels), e.g. `utf-8`, `gbk`, `windows-1252`. */
export type TextEncodingName = string;

/** How the encoding was chosen; the report shows it. */
export type EncodingSource = "override" | "cpg" | "ldid" | "detected" | "default";

export interface EncodingChoice {
  encoding: TextEncodingName;
  source: EncodingSource;
  /** A one-line explanation, e.g. `LDID 0x7A (CP936)`. */
  reason: string;
  /** Problems met on the way (an unreadable .cpg, …). */
  warnings: string[];
}

/** Normalises a user or .cpg encoding label to a TextDecoder label, or null when unknown. */
export function encodingLabel(raw: string): TextEncodingName | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, "")
    .replace(/^cp/, "")
    .replace(/[\s_]/g, "");
  const map: Record<string, string> = {
    "utf-8": "utf-8",
    utf8: "utf-8",
    "65001": "utf-8",
    gbk: "gbk",
    "936": "gbk",
    gb2312: "gbk",
    gb18030: "gb18030",
    "54936": "gb18030",
    big5: "big5",
    "950": "big5",
    latin1: "windows-1252",
    "iso-8859-1": "windows-1252",
    iso88591: "windows-1252",
  };
  if (map[s]) return map[s];
  if (/^125[0-8]$/.test(s)) return `windows-${s}`;
  if (/^windows-125[0-8]$/.test(s)) return s;
  if (/^88591$/.test(s)) return "windows-1252";
  return null;
}

/** Language-driver ids (DBF header byte 29) with a known code page. */
const LDID_ENCODINGS: Record<number, { encoding: string; name: string }> = {
  77: { encoding: "gbk", name: "CP936" },
  122: { encoding: "gbk", name: "CP936" },
  87: { encoding: "windows-1252", name: "ANSI (Windows-1252)" },
  3: { encoding: "windows-1252", name: "Windows-1252" },
  120: { encoding: "big5", name: "CP950" },
  79: { encoding: "big5", name: "CP950" },
  200: { encoding: "windows-1250", name: "CP1250" },
  201: { encoding: "windows-1251", name: "CP1251" },
  101: { encoding: "ibm866", name: "CP866" },
};

function decodesStrictly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch (e) {
    // A TypeError from a fatal decoder is the answer "not valid in this encoding".
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/**
 * Chooses the encoding of a DBF's text.
 * @param cpg the .cpg file's text, if any
 * @param ldid DBF header byte 29
 * @param sample the bytes of all text fields (and field names) to sniff
 * @param override the user's choice, which wins
 */
export function chooseEncoding(opts: {
  cpg?: string | undefined;
  ldid: number;
  sample: Uint8Array;
  override?: string | undefined;
}): EncodingChoice {
  const warnings: string[] = [];
  if (opts.override) {
    const label = encodingLabel(opts.override);
    if (label) return { encoding: label, source: "override", reason: `override ${opts.override}`, warnings };
    throw new ImportProblem("import_unknown_encoding", { encoding: opts.override.slice(0, 40) });
  }
  if (opts.cpg !== undefined) {
    const text = opts.cpg.trim();
    const label = text.length <= 40 ? encodingLabel(text) : null;
    if (label) return { encoding: label, source: "cpg", reason: `.cpg "${text}"`, warnings };
    warnings.push(`.cpg is not a code page name (${JSON.stringify(text.slice(0, 30))}…); ignored`);
  }
  const ld = LDID_ENCODINGS[opts.ldid];
  if (ld)
    return {
      encoding: ld.encoding,
      source: "ldid",
      reason: `LDID 0x${opts.ldid.toString(16).toUpperCase().padStart(2, "0")} (${ld.name})`,
      warnings,
    };
  const isAscii = opts.sample.every((b) => b < 0x80);
  if (isAscii) return { encoding: "utf-8", source: "default", reason: "all text is ASCII", warnings };
  if (decodesStrictly(opts.sample, "utf-8"))
    return { encoding: "utf-8", source: "detected", reason: "text is valid UTF-8", warnings };
  if (decodesStrictly(opts.sample, "gbk"))
    return { encoding: "gbk", source: "detected", reason: "text is not UTF-8 but valid GBK", warnings };
  warnings.push("text is neither valid UTF-8 nor GBK; read as Windows-1252");
  return { encoding: "windows-1252", source: "default", reason: "neither UTF-8 nor GBK", warnings };
}
