import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR, migrate } from "../../api/db/migrate.ts";
import { openPglite } from "../../api/db/pglite.ts";
import { DEMO_DIR, seedDemo } from "../../api/db/seed.ts";

/**
 * Test speed-up: `CREATE EXTENSION postgis` costs ~12 s in PGlite, loading a dumped data directory ~2.5 s.
 * Templates are built once per content hash of migrations (+ demo data) and cached under node_modules/.cache.
 */
const CACHE_DIR = new URL("../../node_modules/.cache/zoneatlas-tests/", import.meta.url).pathname;

function contentHash(demo: boolean): string {
  const h = createHash("sha256");
  const dirs = demo ? [MIGRATIONS_DIR, DEMO_DIR] : [MIGRATIONS_DIR];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  }
  return h.digest("hex").slice(0, 16);
}

/** Path of the cached template tarball for `demo`. */
export const templatePath = (demo: boolean) =>
  join(CACHE_DIR, `pglite-${demo ? "demo" : "empty"}-${contentHash(demo)}.tar`);

/** Builds the template if it is missing (called from vitest's globalSetup, once per run). */
export async function ensureTemplate(demo: boolean): Promise<string> {
  const path = templatePath(demo);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    if (demo) await seedDemo(db);
    const blob = await db.dumpDataDir();
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    await db.close();
  }
  return path;
}

/** The template tarball as a Blob for `openDb({ pgliteDump })`. */
export function loadTemplate(demo: boolean): Blob | undefined {
  const path = templatePath(demo);
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}
