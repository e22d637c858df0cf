import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { readUpload } from "../../data/importers/read_upload.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { CHROMIUM_ARGS, signInContext } from "../helpers/e2e_app.ts";
import { fixtureParts, zipParts } from "../helpers/real_fixtures.ts";
import { logIn } from "../helpers/session.ts";
import { openTestDb } from "../helpers/test_db.ts";

/**
 * The import dialog in a real browser against the real API on PGlite with the demo data, signed in as the
 * demo planner (session cookie from POST /api/auth/login set on the context; the dialog reads the CSRF
 * token from GET /api/auth/me): validate the real GCJ-02 county boundaries of Yunnan (UTF-8 DBF without
 * .cpg, no .prj), see the report, map 宗地编码 to `adcode`, validate again, import, see the park's plot
 * count grow by the file's features (the commit runs as a background job: 202, progress bar, then the stored
 * report), undo, see it back. Own build directory, so it can run beside the other
 * e2e suites.
 */
const OUT_DIR = "dist/web-e2e-import";
const FILE = zipParts(fixtureParts("amap_yunnan_county_gcj02_utf8_nocpg", "云南省"));
const FEATURES = readUpload(FILE, { fileName: "云南省.zip", gcj02: true }).features.length;

let db: Db;
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

async function signedInPage(hash: string): Promise<Page> {
  const planner = await logIn(
    { request: (path, init) => fetch(`${server.url}${path}`, init) },
    "planner",
    "planner-demo",
  );
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signInContext(context, server.url, planner);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (
      url.startsWith("data:") ||
      url.startsWith("blob:") ||
      new URL(url).origin === new URL(server.url).origin
    )
      return route.continue();
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/?e2e=1${hash}`);
  return page;
}

const plotsOfPark = async (parkId: number) =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plots WHERE park_id = $1", [parkId]))[0]
    ?.n ?? -1;

beforeAll(async () => {
  await build({
    configFile: "vite.config.ts",
    logLevel: "silent",
    build: { outDir: resolve(OUT_DIR), emptyOutDir: true },
  });
  db = await openTestDb();
  // Above 1 MB a commit runs as a background job (the 2 MB fixture does): the dialog follows its progress.
  server = await startServer({ db, port: 0, staticDir: OUT_DIR, backgroundImportBytes: 1_000_000 });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe("import dialog (planner)", () => {
  test("dry run of a real Shapefile shows the report; mapping edited; commit adds the plots; undo removes them", async () => {
    const [park] = await db.query<{ id: number; name: string }>(
      "SELECT id, name FROM parks WHERE gk_epsg = 4523 ORDER BY id LIMIT 1",
    );
    if (!park) throw new Error("no Wenshan demo park");
    const before = await plotsOfPark(park.id);
    const page = await signedInPage(`#/park/${park.id}`);
    await page.click('[data-testid="import-open"]', { timeout: 60_000 });
    const dialog = page.locator('[data-testid="import-dialog"]');
    await expect(dialog.getByRole("heading", { name: zhCN["import.title"] }).count()).resolves.toBe(1);
    const countShown = page.locator('[data-testid="import-park-plots"]');
    await countShown.waitFor();
    expect(Number(await countShown.getAttribute("data-count"))).toBe(before);

    await page.setInputFiles('[data-testid="import-file"]', {
      name: "云南省.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(FILE),
    });
    await page.selectOption('[data-testid="import-park"]', String(park.id));
    await page.check('[data-testid="import-gcj02"]');
    expect(await page.isDisabled('[data-testid="import-commit"]')).toBe(true);
    await page.click('[data-testid="import-dry-run"]');
    const status = page.locator('[data-testid="import-report-status"]');
    await status.waitFor({ timeout: 120_000 });
    expect(await status.textContent()).toContain(zhCN["import.report.dryRun"]);
    expect(await page.textContent('[data-testid="import-report-encoding"]')).toContain("utf-8");
    expect(await page.textContent('[data-testid="import-report-crs"]')).toContain("EPSG:4490");
    expect(await page.textContent('[data-testid="import-report-crs"]')).toContain(
      zhCN["import.report.coordinates.gcj02"],
    );
    expect(await page.textContent('[data-testid="import-report-count"]')).toContain(String(FEATURES));
    // Counties reach far beyond a park: outside-park warnings in 亩; no code column → generated codes.
    expect(await page.locator('[data-kind="outside_park"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kind="missing_code"]').count()).toBeGreaterThan(0);
    expect(await page.isEnabled('[data-testid="import-commit"]')).toBe(true);

    // Map 宗地编码 to the county code: the report is stale until validated again.
    await page.selectOption('[data-testid="import-mapping-code"]', "adcode");
    expect(await page.isDisabled('[data-testid="import-commit"]')).toBe(true);
    await page.click('[data-testid="import-dry-run"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-kind="missing_code"]').length === 0 &&
        !(document.querySelector('[data-testid="import-commit"]') as HTMLButtonElement | null)?.disabled,
      undefined,
      { timeout: 120_000 },
    );

    // Record whether the progress bar is ever shown (it may be brief), then commit: 202 with a job.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="import-progress"] progress')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    const accepted = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/imports",
    );
    await page.click('[data-testid="import-commit"]');
    expect((await accepted).status()).toBe(202);
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="import-park-plots"]')?.getAttribute("data-count") === String(n),
      before + FEATURES,
      { timeout: 120_000 },
    );
    expect(await status.textContent()).toContain("已导入");
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    expect(await plotsOfPark(park.id)).toBe(before + FEATURES);
    // The history says who imported: the signed-in account.
    expect(await page.textContent('[data-testid="import-history"]')).toContain("云南省.zip · 宗地 · planner");
    const [kunming] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM plots WHERE park_id = $1 AND code = '530102'",
      [park.id],
    );
    expect(kunming?.n).toBe(1);
    await page.screenshot({ path: "test-output/import-dialog.png" });

    const undo = page.locator('[data-testid^="import-undo-"]').first();
    await undo.click();
    await page.locator('[data-testid="import-notice"]').waitFor();
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="import-park-plots"]')?.getAttribute("data-count") === String(n),
      before,
      { timeout: 60_000 },
    );
    expect(await plotsOfPark(park.id)).toBe(before);
    expect(await page.locator('[data-undone="true"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 400_000);
});
