import type { PlotFeatureProperties } from "@api/schemas/plots.ts";
import type { Zone } from "@api/schemas/zones.ts";
import type { FeatureCollection } from "geojson";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { en } from "../../web/i18n/en.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { openTestDb } from "../helpers/test_db.ts";

/**
 * The foundation map in a real browser: built web app + real API on PGlite with the demo data.
 * Nothing outside localhost may be requested (the base style is offline); expected text comes
 * from the dictionaries and /api, never copied strings.
 */

const SCREENSHOT = "/tmp/zoneatlas-e2e.png";
const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const MAP = '[data-testid="map"]';
const LABEL = '[data-testid="park-label"]';

let db: Db;
let server: RunningServer;
let browser: Browser;
let zones: Zone[];
let context: BrowserContext | undefined;
const offsiteRequests: string[] = [];
const pageErrors: string[] = [];

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
};

/** A fresh browser context (empty localStorage), offsite requests blocked and recorded. */
async function openApp(hash = ""): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsiteRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  await page.goto(`${server.url}/?e2e=1${hash}`);
  return page;
}

async function waitForZone(page: Page, zoneId: number): Promise<void> {
  await page.waitForSelector(`${MAP}[data-ready="true"][data-zone-id="${zoneId}"]`, { timeout: 30_000 });
}

const labelNames = (page: Page) => page.locator(`${LABEL} .park-label__name`).allTextContents();
const sorted = (xs: string[]) => [...xs].sort();

function lincang(): Zone {
  const z = zones.find((zone) => zone.parks.some((p) => p.role === "enclave"));
  if (!z) throw new Error("the demo data has no zone with enclave parks");
  return z;
}

beforeAll(async () => {
  await build({ configFile: "vite.config.ts", logLevel: "silent" });
  db = await openTestDb();
  server = await startServer({ db, port: 0, staticDir: "dist/web" });
  zones = await getJson<Zone[]>("/api/zones");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(offsiteRequests, "requests outside localhost").toEqual([]);
  expect(pageErrors, "uncaught page errors").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe("foundation map", () => {
  test("shows the dictionary title and the default zone's parks as labels", async () => {
    const page = await openApp();
    const first = zones[0];
    if (!first) throw new Error("no zones");
    await waitForZone(page, first.id);
    expect(await page.locator('[data-testid="app-title"]').textContent()).toBe(zhCN["app.title"]);
    expect(await page.title()).toBe(zhCN["app.documentTitle"]);
    expect(first.parks).toHaveLength(3);
    expect(sorted(await labelNames(page))).toEqual(sorted(first.parks.map((p) => p.name)));
    const plotCount = Number(await page.locator(MAP).getAttribute("data-plot-count"));
    expect(plotCount).toBe(first.parks.reduce((n, p) => n + p.plotCount, 0));
  });

  test("the 示意数据 banner is visible for demo zones", async () => {
    const page = await openApp();
    const first = zones[0];
    if (!first) throw new Error("no zones");
    expect(first.isDemo).toBe(true);
    await waitForZone(page, first.id);
    const banner = page.locator('[data-testid="demo-banner"]');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toBe(zhCN["demo.banner"]);
  });

  test("switching to 临沧 shows one core, four enclaves and four link lines", async () => {
    const page = await openApp();
    const zone = lincang();
    await page.locator(`[data-testid="zone-switcher"] [data-zone-id="${zone.id}"]`).click();
    await waitForZone(page, zone.id);
    expect(new URL(page.url()).hash).toBe(`#/zone/${zone.id}`);
    expect(await page.locator(LABEL).count()).toBe(5);
    expect(await page.locator(`${LABEL}[data-role="core"]`).count()).toBe(1);
    expect(await page.locator(`${LABEL}[data-role="enclave"]`).count()).toBe(4);
    const badges = await page.locator('[data-testid="park-role-badge"]').allTextContents();
    expect(sorted(badges)).toEqual(sorted([zhCN["role.core"], ...Array(4).fill(zhCN["role.enclave"])]));
    expect(await page.locator(MAP).getAttribute("data-enclave-links")).toBe("4");
    expect(sorted(await labelNames(page))).toEqual(sorted(zone.parks.map((p) => p.name)));
    await page.screenshot({ path: "/tmp/zoneatlas-e2e-lincang.png" });
  });

  test("English switches the heading and park labels, and persists across reloads", async () => {
    const page = await openApp();
    const first = zones[0];
    if (!first) throw new Error("no zones");
    await waitForZone(page, first.id);
    await page.locator('[data-testid="language-switch"] [data-lang="en"]').click();
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="app-title"]')?.textContent === title,
      en["app.title"],
    );
    expect(sorted(await labelNames(page))).toEqual(sorted(first.parks.map((p) => p.nameEn)));
    expect(await page.locator('[data-testid="demo-banner"]').textContent()).toBe(en["demo.banner"]);
    await page.reload();
    await waitForZone(page, first.id);
    expect(await page.locator('[data-testid="app-title"]').textContent()).toBe(en["app.title"]);
  });

  test("a #/park/<id> deep link selects that park and its zone", async () => {
    const zone = lincang();
    const enclave = zone.parks.find((p) => p.role === "enclave");
    if (!enclave) throw new Error("no enclave park");
    const page = await openApp(`#/park/${enclave.id}`);
    await waitForZone(page, zone.id);
    const item = page.locator(`[data-testid="park-item"][data-park-id="${enclave.id}"]`);
    expect(await item.getAttribute("aria-pressed")).toBe("true");
    const activeTab = page.locator('[data-testid="zone-switcher"] [aria-current="page"]');
    expect(await activeTab.getAttribute("data-zone-id")).toBe(String(zone.id));
    const label = page.locator(`${LABEL}[data-park-id="${enclave.id}"]`);
    expect(await label.getAttribute("class")).toContain("park-label--selected");
  });

  test("clicking a plot opens the plot panel with its code", async () => {
    const first = zones[0];
    const park = first?.parks.find((p) => p.role === "core") ?? first?.parks[0];
    if (!first || !park) throw new Error("no park");
    const plots = await getJson<FeatureCollection<null, PlotFeatureProperties>>(`/api/plots?park=${park.id}`);
    const page = await openApp(`#/park/${park.id}`);
    await waitForZone(page, first.id);
    const point = await page.evaluate(() => window.__zoneAtlasE2e?.findPlotPoint() ?? null);
    if (!point) throw new Error("no plot is drawn on screen");
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('[data-testid="plot-panel"]');
    await panel.waitFor({ state: "visible" });
    const plot = plots.features.find((f) => f.properties.id === point.plotId)?.properties;
    expect(plot).toBeDefined();
    expect(await page.locator('[data-testid="plot-code"]').textContent()).toBe(plot?.code);
    expect(await page.locator('[data-testid="plot-status"]').textContent()).toBe(
      plot ? zhCN[`plotStatus.${plot.status}`] : "",
    );
    await page.mouse.move(point.x + 40, point.y + 40);
    await page.screenshot({ path: SCREENSHOT });
  });
});
