import { existsSync } from "node:fs";
import { DEMO_DIR } from "../api/db/seed.ts";
import { ensureTemplate } from "./helpers/pglite_template.ts";

/** Builds the PGlite templates once per run (see tests/helpers/pglite_template.ts). */
export default async function setup(): Promise<void> {
  await ensureTemplate(false);
  if (existsSync(`${DEMO_DIR}/zones.json`)) await ensureTemplate(true);
}
