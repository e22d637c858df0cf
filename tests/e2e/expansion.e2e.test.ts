import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { AREA_PARITY_REL_TOL } from "../../geo/thresholds.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { CHROMIUM_ARGS, signInContext } from "../helpers/e2e_app.ts";
import { logIn, type TestSession } from "../helpers/session.ts";
import { openTestDb } from "../helpers/test_db.ts";

/**
 * The expansion panel in a real browser against the real API on PGlite with the demo data: candidates,
 * drawing a polygon with terra-draw (live ≈ area from geo/), the control-line check, saving a proposal
 * and comparing the live area with the server's ellipsoidal area. Own build directory, so it can run
 * beside the map e2e suite.
 */
const OUT_DIR = "dist/web-e2e-expansion";
const PARK = 3;

let db: Db;
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const offsite: string[] = [];

/** A planner (the role that drafts expansion applications), signed in with the demo account. */
let planner: TestSession;

async function openPark(): Promise<Page> {
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
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/?e2e=1#/park/${PARK}`);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
  return page;
}

beforeAll(async () => {
  await build({
    configFile: "vite.config.ts",
    logLevel: "silent",
    build: { outDir: resolve(OUT_DIR), emptyOutDir: true },
  });
  db = await openTestDb();
  server = await startServer({ db, port: 0, staticDir: OUT_DIR });
  planner = await logIn(
    { request: (path, init) => fetch(`${server.url}${path}`, init) },
    "planner",
    "planner-demo",
  );
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe("expansion panel", () => {
  test("candidates, draw with live ≈ area, check, save: server area within the parity tolerance", async () => {
    const page = await openPark();
    const panel = page.locator('[data-testid="expansion-panel"]');
    await panel.waitFor();
    expect(await panel.locator("h2").textContent()).toBe(zhCN["expansion.title"]);

    await page.click('[data-testid="expansion-find"]');
    const cands = page.locator('[data-testid="expansion-candidates"]');
    await cands.waitFor({ timeout: 60_000 });
    expect(Number(await cands.getAttribute("data-count"))).toBeGreaterThan(0);

    await page.click('[data-testid="expansion-draw"]');
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error("no map box");
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners: [number, number][] = [
      [cx - 150, cy - 110],
      [cx + 140, cy - 120],
      [cx + 160, cy + 100],
      [cx - 140, cy + 120],
    ];
    for (const [x, y] of corners) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    const live = page.locator('[data-testid="expansion-live-area"]');
    await live.waitFor();
    const [fx, fy] = corners[0] ?? [0, 0];
    await page.mouse.move(fx, fy, { steps: 4 });
    await page.mouse.click(fx, fy); // closes the ring
    await page.waitForTimeout(300);
    const liveMu = Number(await live.getAttribute("data-area-mu"));
    expect(liveMu).toBeGreaterThan(10);
    expect(await live.textContent()).toContain("≈");

    await page.click('[data-testid="expansion-check"]');
    const verdict = page.locator('[data-testid="expansion-verdict"]');
    await verdict.waitFor({ timeout: 30_000 });
    expect(["pass", "warn", "fail"]).toContain(await verdict.getAttribute("data-verdict"));

    await page.fill('[data-testid="expansion-name"]', "浏览器绘制方案");
    await page.click('[data-testid="expansion-save"]');
    const saved = page.locator('[data-testid="expansion-saved"]');
    await saved.waitFor({ timeout: 30_000 });
    const id = Number(await saved.getAttribute("data-proposal-id"));
    const res = await fetch(`${server.url}/api/expansion/proposals/${id}`, {
      headers: { Cookie: planner.cookie },
    });
    const proposal = (await res.json()) as { areaMu: number; name: string; sources: { kind: string }[] };
    expect(proposal.name).toBe("浏览器绘制方案");
    expect(proposal.sources).toEqual([{ kind: "drawn" }]);
    expect(Math.abs(proposal.areaMu - liveMu) / proposal.areaMu).toBeLessThan(AREA_PARITY_REL_TOL);
    await page.screenshot({ path: "test-output/expansion-panel.png" });
    expect(pageErrors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
