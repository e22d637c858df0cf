/**
 * `npm run demo:generate`: regenerates the demo files in data/demo/ from the committed seed.
 * The only I/O of the demo generator; the data come from the pure `generateDemoDataset`.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DemoDatasetSchema } from "../../api/schemas/demo_dataset.ts";
import { DEMO_SEED, generateDemoDataset } from "./generate.ts";
import { serializeDemoDataset } from "./serialize.ts";

export { serializeDemoDataset } from "./serialize.ts";

/** Generates, validates and writes the demo files into `dir`; returns the bytes written per file. */
export function writeDemoFiles(dir: string, seed: number = DEMO_SEED): Record<string, number> {
  const ds = generateDemoDataset(seed);
  DemoDatasetSchema.parse(ds);
  const sizes: Record<string, number> = {};
  for (const [file, text] of Object.entries(serializeDemoDataset(ds))) {
    writeFileSync(join(dir, file), text);
    sizes[file] = Buffer.byteLength(text);
  }
  return sizes;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const dir = fileURLToPath(new URL(".", import.meta.url));
  for (const [file, bytes] of Object.entries(writeDemoFiles(dir))) {
    process.stdout.write(`data/demo/${file}: ${(bytes / 1024).toFixed(0)} KiB\n`);
  }
}
