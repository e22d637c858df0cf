/**
 * Stable text form of the demo dataset, one string per file of `DEMO_FILES`. Pure (no I/O), so
 * tests can compare the committed files with fresh generator output byte for byte.
 */
import { DEMO_FILES, type DemoDataset } from "../../api/schemas/demo_dataset.ts";

type FileName = (typeof DEMO_FILES)[keyof typeof DEMO_FILES];

const isNumericNest = (v: unknown): boolean =>
  typeof v === "number" || (Array.isArray(v) && v.length > 0 && v.every(isNumericNest));

/** 2-space-indented JSON, except that coordinate arrays (nested arrays of numbers) stay on one line. */
function pretty(v: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (isNumericNest(v)) return JSON.stringify(v);
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(",\n")}\n${indent}]`;
  }
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** One record per line inside a JSON array. */
const lines = (records: readonly unknown[]) => `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;

/** A FeatureCollection with one feature per line. */
const featureLines = (fc: { features: readonly unknown[] }) =>
  `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;

/**
 * Serialises the dataset into the text of each demo file (keyed by file name, e.g. `plots.geojson`).
 * zones.json is indented; the other files hold one record or feature per line.
 */
export function serializeDemoDataset(ds: DemoDataset): Record<FileName, string> {
  return {
    [DEMO_FILES.zones]: `${pretty(ds.zones, "")}\n`,
    [DEMO_FILES.enterprises]: lines(ds.enterprises),
    [DEMO_FILES.plots]: featureLines(ds.plots),
    [DEMO_FILES.constraints]: featureLines(ds.constraints),
    [DEMO_FILES.context]: featureLines(ds.context),
    [DEMO_FILES.invest]: `${pretty(ds.invest, "")}\n`,
  } as Record<FileName, string>;
}
