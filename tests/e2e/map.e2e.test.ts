import type { PlotFeatureProperties, PlotListProperties } from "@api/schemas/plots.ts";
import type { Zone } from "@api/schemas/zones.ts";
import type { FeatureCollection } from "geojson";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { en } from "../../web/i18n/en.ts";
import { formatIndicatorValue } from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { quantileBreaks } from "../../web/map/class_breaks.ts";
import { openTestDb } from "../helpers/test_db.ts";

/**
 * The map in a real browser: built web app + real API on PGlite with the demo data. Nothing outside the
 * app's own origin may be requested (the base style is offline, plot tiles come from /api/tiles); expected
 * text comes from the dictionaries and /api, never copied strings. Screenshots go to test-output/.
 */

const SHOTS = "test-output";
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
/** Plot tile responses of the current context (maplibre fetches them from its worker). */
let tileResponses: Array<{ url: string; status: number }> = [];

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The app's own origin (a blob: URL carries its creator's origin; data: URLs fetch nothing). */
const isSameOrigin = (url: string) =>
  url.startsWith("data:") || new URL(url).origin === new URL(server.url).origin;

const PLOT_TILE_PATH = "/api/tiles/plots/";

/** A fresh browser context (empty localStorage), requests to any other origin blocked and recorded. */
async function openApp(hash = ""): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isSameOrigin(url)) return route.continue();
    offsiteRequests.push(url);
    return route.abort("blockedbyclient");
  });
  tileResponses = [];
  context.on("response", (res) => {
    if (new URL(res.url()).pathname.startsWith(PLOT_TILE_PATH)) {
      tileResponses.push({ url: res.url(), status: res.status() });
    }
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
  expect(offsiteRequests, "requests outside the app's origin").toEqual([]);
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
    // The plot tiles followed the zone: only 临沧's plots are drawn.
    const plots = await getJson<FeatureCollection<null, PlotListProperties>>(`/api/plots?zone=${zone.id}`);
    const zonePlotIds = new Set(plots.features.map((f) => f.properties.id));
    const rendered = await page.evaluate(() => window.__zoneAtlasE2e?.renderedPlots() ?? null);
    expect(rendered?.ids.length).toBeGreaterThan(0);
    expect(rendered?.ids.filter((id) => !zonePlotIds.has(id))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/map-lincang.png` });
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
    const selected = await page.evaluate(() => window.__zoneAtlasE2e?.overlayPlotIds("selected") ?? []);
    expect(selected).toEqual([point.plotId]);
    await page.mouse.move(point.x + 40, point.y + 40);
    await page.screenshot({ path: `${SHOTS}/map-plot-panel.png` });
  });
});

/** Properties plot tiles carry below z13 (docs/api.md): the styling must not need any other. */
const LOW_ZOOM_PLOT_PROPERTIES = ["approvedUnsupplied", "grade", "idle", "lowEfficiency", "status", "value"];
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("zh-CN", key, params);
const fmt = (v: number) => formatIndicatorValue(v, "zh-CN");

const classLabels = (page: Page) =>
  page.locator('[data-testid="plot-legend"] [data-testid="plot-class-label"]').allTextContents();
const legendTitle = (page: Page) => page.locator('[data-testid="plot-legend-title"]').textContent();
const tilesUrl = (page: Page) => page.evaluate(() => window.__zoneAtlasE2e?.plotTilesUrl() ?? null);

/** Waits until the legend shows `labels` (the classes follow the plot list and the chosen indicator). */
async function waitForClassLabels(page: Page, labels: string[]): Promise<void> {
  await page
    .waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-testid="plot-class-label"]')].map((e) => e.textContent),
        ) === JSON.stringify(want),
      labels,
      { timeout: 10_000 },
    )
    .catch(async (err: unknown) => {
      throw new Error(
        `legend labels ${JSON.stringify(await classLabels(page))}, want ${JSON.stringify(labels)}`,
        {
          cause: err,
        },
      );
    });
}

/** Legend labels of five-or-fewer numeric classes under `breaks`, then the no-data class. */
function numericLabels(breaks: number[]): string[] {
  const labels = breaks.map((b, i) =>
    i === 0
      ? zh("legend.below", { value: fmt(b) })
      : zh("legend.range", { from: fmt(breaks[i - 1] as number), to: fmt(b) }),
  );
  const last = breaks[breaks.length - 1];
  if (last !== undefined) labels.push(zh("legend.atLeast", { value: fmt(last) }));
  return [...labels, zhCN["legend.noData"]];
}

describe("plot tiles", () => {
  test("plots render from same-origin vector tiles, coloured by 亩均产值 in quantile classes", async () => {
    const first = zones[0];
    if (!first) throw new Error("no zones");
    const plots = await getJson<FeatureCollection<null, PlotListProperties>>(`/api/plots?zone=${first.id}`);
    const page = await openApp();
    await waitForZone(page, first.id);
    const rendered = await page.evaluate(() => window.__zoneAtlasE2e?.renderedPlots() ?? null);
    if (!rendered) throw new Error("e2e hook missing");
    expect(rendered.ids.length).toBeGreaterThan(20);
    expect(rendered.withValue).toBeGreaterThan(0);
    const zoneIds = new Set(plots.features.map((f) => f.properties.id));
    expect(rendered.ids.filter((id) => !zoneIds.has(id))).toEqual([]);
    if (rendered.zoom < 13)
      expect(rendered.properties.filter((p) => !LOW_ZOOM_PLOT_PROPERTIES.includes(p))).toEqual([]);

    expect(tileResponses.length).toBeGreaterThan(0);
    expect(tileResponses.filter((r) => r.status !== 200 && r.status !== 204)).toEqual([]);
    expect(tileResponses.some((r) => r.status === 200)).toBe(true);
    for (const r of tileResponses) {
      const q = new URL(r.url).searchParams;
      expect(q.get("zone")).toBe(String(first.id));
      expect(q.get("indicator")).toBe("outputPerMuWan");
    }

    expect(await legendTitle(page)).toBe(
      zh("legend.titleWithUnit", { name: zhCN["indicator.outputPerMuWan"], unit: zhCN["units.wanPerMu"] }),
    );
    const breaks = quantileBreaks(
      plots.features.map((f) => f.properties.outputPerMuWan),
      5,
    );
    await waitForClassLabels(page, numericLabels(breaks));
    await page.screenshot({ path: `${SHOTS}/map-output-per-mu.png` });
  });

  test("changing the indicator changes the tiles' indicator= and the legend", async () => {
    const first = zones[0];
    if (!first) throw new Error("no zones");
    const plots = await getJson<FeatureCollection<null, PlotListProperties>>(`/api/plots?zone=${first.id}`);
    const page = await openApp();
    await waitForZone(page, first.id);
    const select = page.locator('[data-testid="indicator-select"]');

    const taxTiles = page.context().waitForEvent("response", {
      predicate: (res) => res.url().includes(PLOT_TILE_PATH) && res.url().includes("indicator=taxPerMuWan"),
      timeout: 15_000,
    });
    await select.selectOption("taxPerMuWan");
    expect([200, 204]).toContain((await taxTiles).status());
    expect(new URL((await tilesUrl(page)) ?? "", server.url).searchParams.get("indicator")).toBe(
      "taxPerMuWan",
    );
    expect(await legendTitle(page)).toBe(
      zh("legend.titleWithUnit", { name: zhCN["indicator.taxPerMuWan"], unit: zhCN["units.wanPerMu"] }),
    );
    // The map re-fetched its tiles: the values drawn are the list's 亩均税收 of the same plots.
    const rendered = await page.evaluate(() => window.__zoneAtlasE2e?.renderedPlots() ?? null);
    const taxById = new Map(plots.features.map((f) => [f.properties.id, f.properties.taxPerMuWan]));
    const drawn = Object.entries(rendered?.values ?? {});
    expect(drawn.length).toBeGreaterThan(0);
    for (const [id, value] of drawn) {
      const want = taxById.get(Number(id));
      if (typeof want !== "number")
        throw new Error(`plot ${id} has a tile value but no 亩均税收 in the list`);
      expect(Math.abs(value - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
    }
    const taxValues = plots.features.map((f) => f.properties.taxPerMuWan);
    await waitForClassLabels(page, numericLabels(quantileBreaks(taxValues, 5)));

    // Manual breaks: the classes follow what was typed; a descending list is refused with a message.
    await page.locator('[data-testid="class-method"] input[value="manual"]').check();
    const manual = page.locator('[data-testid="manual-breaks"]');
    await manual.fill("10, 20");
    await waitForClassLabels(page, numericLabels([10, 20]));
    await manual.fill("20, 10");
    expect(await page.locator('[data-testid="manual-breaks-issue"]').textContent()).toBe(
      zh("legend.manualIssue.notAscending", { max: 4 }),
    );

    await select.selectOption("far");
    expect(await legendTitle(page)).toBe(zhCN["indicator.far"]);
    expect(new URL((await tilesUrl(page)) ?? "", server.url).searchParams.get("indicator")).toBe("far");

    await select.selectOption("grade");
    expect(await legendTitle(page)).toBe(zhCN["indicator.grade"]);
    await waitForClassLabels(page, [
      zhCN["grade.A"],
      zhCN["grade.B"],
      zhCN["grade.C"],
      zhCN["grade.D"],
      zhCN["legend.ungraded"],
    ]);
    const counts = await page.locator('[data-testid="plot-class"] .legend__count').allTextContents();
    const gradeCounts = (["A", "B", "C", "D"] as const).map(
      (g) => plots.features.filter((f) => f.properties.grade === g).length,
    );
    gradeCounts.push(plots.features.filter((f) => f.properties.grade === null).length);
    expect(counts).toEqual(gradeCounts.map((count) => zh("legend.count", { count })));
    await page.screenshot({ path: `${SHOTS}/map-grade.png` });

    await page.locator('[data-testid="language-switch"] [data-lang="en"]').click();
    await waitForClassLabels(page, [
      en["grade.A"],
      en["grade.B"],
      en["grade.C"],
      en["grade.D"],
      en["legend.ungraded"],
    ]);
  });

  test("idle, low-efficiency and 批而未供 overlays draw flagged plots and toggle from the legend", async () => {
    const first = zones[0];
    const park = first?.parks.find((p) => p.role === "core") ?? first?.parks[0];
    if (!first || !park) throw new Error("no park");
    const page = await openApp(`#/park/${park.id}`);
    await waitForZone(page, first.id);
    const overlayIds = (o: "idle" | "lowEfficiency" | "approvedUnsupplied") =>
      page.evaluate((which) => window.__zoneAtlasE2e?.overlayPlotIds(which) ?? [], o);
    const flagged = await getJson<FeatureCollection<null, PlotListProperties>>(
      `/api/plots?zone=${first.id}&flag=low_efficiency`,
    );
    const flaggedIds = new Set(flagged.features.map((f) => f.properties.id));
    const low = await overlayIds("lowEfficiency");
    expect(low.length).toBeGreaterThan(0);
    expect(low.filter((id) => !flaggedIds.has(id))).toEqual([]);
    expect((await overlayIds("approvedUnsupplied")).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/map-overlays.png` });

    for (const o of ["idle", "lowEfficiency", "approvedUnsupplied"] as const) {
      const toggle = page.locator(`[data-testid="overlay-toggle"][data-overlay="${o}"]`);
      expect(await toggle.isChecked()).toBe(true);
      expect(await toggle.locator("xpath=..").textContent()).toBe(zhCN[`legend.overlay.${o}`]);
      await toggle.uncheck();
      expect(await overlayIds(o)).toEqual([]);
    }
    await page.locator('[data-testid="overlay-toggle"][data-overlay="lowEfficiency"]').check();
    expect(await overlayIds("lowEfficiency")).toEqual(low);
  });
});
