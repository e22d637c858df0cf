/**
 * `npm run import -- <file> --target plots --park <id> [--dry-run] [--encoding gbk] [--srid 4523]
 * [--gcj02] [--mapping '{"code":"宗地编码"}'] [--mapping-name n] [--save-mapping n] [--user name] [--lang en]`,
 * `npm run import -- <file> --target constraints --zone <id> --layer-type <type> [--layer-name …] [--dry-run]`,
 * `npm run import -- <file.csv|file.xlsx> --target stats [--dry-run]`
 *
 * The importers' only file I/O. It runs the same `runPlotImport` (`runConstraintImport`, `runStatsImport`) as `POST /api/imports` (the one
 * place this folder reaches into api/: the CLI is a shell around the API's import, not a second one).
 * A `.shp` path picks up its sidecars (same base name) from its folder; a zip, GeoJSON or CSV is read
 * as is. Prints the report as JSON; exit code 0 on success, 1 on a rejected import, 2 on bad usage.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { zipSync } from "fflate";
import type { Db } from "../../api/db/db.ts";
import { openDb } from "../../api/db/open.ts";
import { readEnv } from "../../api/env.ts";
import { AppError, errorMessage, type Lang } from "../../api/errors.ts";
import { runConstraintImport } from "../../api/imports/constraint_import.ts";
import { problemToAppError, runPlotImport } from "../../api/imports/plot_import.ts";
import { runStatsImport } from "../../api/imports/stats_import.ts";
import { ConstraintTypeSchema } from "../../api/schemas/enums.ts";
import { PlotFieldMappingSchema } from "../../api/schemas/imports.ts";

/** The upload bytes for a path: a `.shp` with its sidecars zipped in memory, anything else as read. */
export function uploadBytes(path: string): { bytes: Uint8Array; fileName: string } {
  if (extname(path).toLowerCase() !== ".shp")
    return { bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) };
  const dir = dirname(path);
  const stem = basename(path, extname(path)).toLowerCase();
  const parts: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir))
    if (basename(name, extname(name)).toLowerCase() === stem)
      parts[name] = new Uint8Array(readFileSync(join(dir, name)));
  return { bytes: zipSync(parts, { level: 0 }), fileName: `${basename(path, extname(path))}.zip` };
}

/** Runs the CLI on `argv` against `db`, writing to `out`/`err`; returns the exit code. */
export async function runImportCli(
  argv: string[],
  db: Db,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      allowPositionals: true,
      options: {
        target: { type: "string", default: "plots" },
        park: { type: "string" },
        zone: { type: "string" },
        "layer-type": { type: "string" },
        "layer-name": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        encoding: { type: "string" },
        srid: { type: "string" },
        gcj02: { type: "boolean", default: false },
        mapping: { type: "string" },
        "mapping-name": { type: "string" },
        "save-mapping": { type: "string" },
        user: { type: "string" },
        lang: { type: "string", default: "zh-CN" },
      },
    });
  try {
    args = parse(argv);
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const { values: v, positionals } = args;
  const lang: Lang = v.lang === "en" ? "en" : "zh-CN";
  const file = positionals[0];
  const parkId = Number(v.park);
  const createdBy = v.user ?? process.env.USER ?? "cli";
  if (file && (v.target === "constraints" || v.target === "stats"))
    return runOtherTarget({ ...v, file, createdBy, lang }, db, out, err);
  if (!file || v.target !== "plots" || !Number.isInteger(parkId) || parkId <= 0) {
    err(
      "usage: npm run import -- <file> --target plots --park <id> [--dry-run] [--encoding gbk] [--srid 4523] [--gcj02]\n",
    );
    return 2;
  }
  let mappingJson: unknown = null;
  try {
    mappingJson = v.mapping ? JSON.parse(v.mapping) : null;
  } catch (e) {
    err(`--mapping is not JSON: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const mapping = mappingJson === null ? null : PlotFieldMappingSchema.safeParse(mappingJson);
  if (mapping && !mapping.success) {
    err(`--mapping: ${mapping.error.issues[0]?.message}\n`);
    return 2;
  }
  return reportOrError(lang, out, err, async () => {
    const upload = uploadBytes(resolve(file));
    return runPlotImport(db, {
      ...upload,
      parkId,
      encoding: v.encoding,
      srid: v.srid === undefined ? undefined : Number(v.srid),
      gcj02: v.gcj02,
      dryRun: v["dry-run"],
      mapping: mapping?.data,
      mappingName: v["mapping-name"],
      saveMappingAs: v["save-mapping"],
      createdBy,
    });
  });
}

/** Runs an import, printing its report as JSON (0), or its error and any report (1). */
async function reportOrError(
  lang: Lang,
  out: (s: string) => void,
  err: (s: string) => void,
  run: () => Promise<unknown>,
): Promise<number> {
  try {
    out(`${JSON.stringify(await run(), null, 2)}\n`);
    return 0;
  } catch (e) {
    const a = problemToAppError(e);
    if (!(a instanceof AppError)) throw a;
    err(`${a.code}: ${errorMessage(a.code, lang, a.params)}\n`);
    if (a.details) out(`${JSON.stringify(a.details, null, 2)}\n`);
    return 1;
  }
}

/** `--target constraints --zone <id> --layer-type <type> [--layer-name …]` and `--target stats`. */
async function runOtherTarget(
  v: {
    file: string;
    target?: string | undefined;
    zone?: string | undefined;
    "layer-type"?: string | undefined;
    "layer-name"?: string | undefined;
    encoding?: string | undefined;
    srid?: string | undefined;
    gcj02?: boolean | undefined;
    "dry-run"?: boolean | undefined;
    createdBy: string;
    lang: Lang;
  },
  db: Db,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const upload = () => uploadBytes(resolve(v.file));
  const dryRun = v["dry-run"] === true;
  if (v.target === "stats")
    return reportOrError(v.lang, out, err, () =>
      runStatsImport(db, { ...upload(), encoding: v.encoding, dryRun, createdBy: v.createdBy }),
    );
  const zoneId = Number(v.zone);
  const layerType = ConstraintTypeSchema.safeParse(v["layer-type"]);
  if (!Number.isInteger(zoneId) || zoneId <= 0 || !layerType.success) {
    err(
      `usage: npm run import -- <file> --target constraints --zone <id> --layer-type <${ConstraintTypeSchema.options.join("|")}> [--layer-name <name>] [--dry-run]\n`,
    );
    return 2;
  }
  return reportOrError(v.lang, out, err, () =>
    runConstraintImport(db, {
      ...upload(),
      zoneId,
      layerType: layerType.data,
      layerName: v["layer-name"],
      encoding: v.encoding,
      srid: v.srid === undefined ? undefined : Number(v.srid),
      gcj02: v.gcj02 === true,
      dryRun,
      createdBy: v.createdBy,
    }),
  );
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const env = readEnv();
  const { db } = await openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.ZA_DATA_DIR,
    demo: env.ZA_DEMO === "auto",
    poolMax: env.ZA_DB_POOL_MAX,
  });
  const code = await runImportCli(
    process.argv.slice(2),
    db,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).finally(() => db.close());
  process.exit(code);
}
