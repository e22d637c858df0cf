import type { PlotFeatureProperties, PlotListProperties } from "@api/schemas/plots.ts";
import type { Zone } from "@api/schemas/zones.ts";
import type { FeatureCollection } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../web/i18n/en.ts";
import { formatIndicatorValue } from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { quantileBreaks } from "../../web/map/class_breaks.ts";
import { E2eApp, lincangOf, MAP, PLOT_TILE_PATH, SHOTS, waitForZone } from "../helpers/e2e_app.ts";
import {
  firstPlotTilesMs,
  LOW_ZOOM_PLOT_PROPERTIES,
  legendTitle,
  numericLabels,
  tilesUrl,
  waitForClassLabels,
  waitForTilesIndicator,
  zh,
} from "../helpers/map_e2e.ts";

/**
 * The map in a real browser: built web app + real API on PGlite with the demo data. Nothing outside the
 * app's own origin may be requested (the base style is offline, plot tiles come from /api/tiles); expected
 * text comes from the dictionaries and /api, never copied strings. Screenshots go to test-output/.
 */

const LABEL = '[data-testid="park-label"]';

let app: E2eApp;
let zones: Zone[];

const getJson = <T>(path: string) => app.getJson<T>(path);
const openApp = (hash = "") => app.openApp(hash);
const labelNames = (page: Page) => page.locator(`${LABEL} .park-label__name`).allTextContents();
const sorted = (xs: string[]) => [...xs].sort();
const lincang = () => lincangOf(zones);

beforeAll(async () => {
  app = await E2eApp.start();
  zones = app.zones;
});

afterEach(async () => {
  await app.closeContext();
  expect(app.offsiteRequests, "requests outside the app's origin").toEqual([]);
  expect(app.pageErrors, "uncaught page errors").toEqual([]);
});

afterAll(() => app?.close());

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

    expect(app.tileResponses.length).toBeGreaterThan(0);
    expect(app.tileResponses.filter((r) => r.status !== 200 && r.status !== 204)).toEqual([]);
    expect(app.tileResponses.some((r) => r.status === 200)).toBe(true);
    for (const r of app.tileResponses) {
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
    expect(new URL((await tilesUrl(page)) ?? "", app.url).searchParams.get("indicator")).toBe("taxPerMuWan");
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
    await waitForTilesIndicator(page, "far");
    expect(new URL((await tilesUrl(page)) ?? "", app.url).searchParams.get("indicator")).toBe("far");

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

describe("workspace (issue #5 done-when)", () => {
  test("load /, switch zones, open #/plot/<id> with the API's 亩均产值, change the indicator, open a park dashboard, switch to English", async () => {
    const first = zones[0];
    if (!first) throw new Error("no zones");
    const page = await openApp();
    await waitForZone(page, first.id);
    const tilesMs = Number(await (await firstPlotTilesMs(page)).jsonValue());
    // Same-run reference: DOMContentLoaded of the same navigation (the page's own scripts parsed and run).
    const dclMs = await page.evaluate(
      () =>
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
    );
    console.log(
      `[perf] navigation → first plot tiles drawn: ${tilesMs.toFixed(0)} ms; DOMContentLoaded ${dclMs.toFixed(0)} ms; ratio ${(tilesMs / dclMs).toFixed(2)}`,
    );
    expect(tilesMs).toBeGreaterThan(0);
    expect(tilesMs, "generous sanity bound; the 3 s budget is reported in docs/performance.md").toBeLessThan(
      30_000,
    );

    // Switch zones.
    const zone = lincang();
    await page.locator(`[data-testid="zone-switcher"] [data-zone-id="${zone.id}"]`).click();
    await waitForZone(page, zone.id);

    // Deep link to a plot with a 亩均产值: the panel shows the API's value through web/i18n/format.ts.
    const plots = await getJson<FeatureCollection<null, PlotListProperties>>(`/api/plots?zone=${zone.id}`);
    const target = plots.features.find((f) => f.properties.outputPerMuWan !== null)?.properties;
    if (!target) throw new Error("no plot with 亩均产值 in the zone");
    await page.evaluate((id) => {
      window.location.hash = `#/plot/${id}`;
    }, target.id);
    const panel = page.locator(`[data-testid="plot-panel"][data-plot-id="${target.id}"]`);
    await panel.waitFor({ state: "visible", timeout: 15_000 });
    const detail = await getJson<{ latest: { outputPerMuWan: { value: number | null } }; code: string }>(
      `/api/plots/${target.id}`,
    );
    const value = detail.latest.outputPerMuWan.value;
    if (value === null) throw new Error("the detail has no 亩均产值");
    expect(await page.locator('[data-testid="plot-output-per-mu"]').textContent()).toBe(
      `${formatIndicatorValue(value, "zh-CN")} ${zhCN["units.wanPerMu"]}`,
    );
    expect(await page.locator('[data-testid="plot-code"]').textContent()).toBe(detail.code);
    expect(await page.locator('[data-testid="plot-trend-output"] circle').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="plot-timeline"] li').count()).toBeGreaterThan(1);
    const selected = await page.evaluate(() => window.__zoneAtlasE2e?.overlayPlotIds("selected") ?? []);
    expect(selected).toEqual([target.id]);
    await page.screenshot({ path: `${SHOTS}/workspace-plot-deep-link.png` });

    // Change the legend indicator.
    await page.locator('[data-testid="indicator-select"]').selectOption("taxPerMuWan");
    expect(await legendTitle(page)).toBe(
      zh("legend.titleWithUnit", { name: zhCN["indicator.taxPerMuWan"], unit: zhCN["units.wanPerMu"] }),
    );

    // Open a park dashboard: its KPI tiles and the idle / low-efficiency table match the API.
    const park = zone.parks.find((p) => p.role === "core") ?? zone.parks[0];
    if (!park) throw new Error("no park");
    await page.locator('[data-testid="plot-panel-close"]').click();
    await page.locator(`[data-testid="park-item"][data-park-id="${park.id}"]`).click();
    await page.locator('[data-testid="dashboard-toggle"][data-scope="park"]').click();
    expect(new URL(page.url()).hash).toBe(`#/park/${park.id}/dashboard`);
    const dashboard = page.locator(
      `[data-testid="dashboard"][data-scope="park"][data-scope-id="${park.id}"]`,
    );
    await page.waitForSelector(`[data-testid="dashboard"][data-scope-id="${park.id}"][data-ready="true"]`, {
      timeout: 20_000,
    });
    const flagged = (
      await getJson<FeatureCollection<null, PlotListProperties>>(`/api/plots?park=${park.id}`)
    ).features.filter(
      (f) => f.properties.flags.includes("idle") || f.properties.flags.includes("low_efficiency"),
    );
    expect(await dashboard.locator('[data-testid="flagged-plot"]').count()).toBe(flagged.length);
    expect(await dashboard.locator('[data-testid="kpi-tile"]').count()).toBe(12);
    await page.screenshot({ path: `${SHOTS}/workspace-park-dashboard.png` });

    // Switch to English: the dashboard and the panel follow.
    await page.locator('[data-testid="language-switch"] [data-lang="en"]').click();
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="app-title"]')?.textContent === title,
      en["app.title"],
    );
    expect(await page.locator('[data-testid="dashboard-toggle"]').textContent()).toBe(
      translate("en", "dashboard.hide", { name: park.nameEn }),
    );
    await page.screenshot({ path: `${SHOTS}/workspace-park-dashboard-en.png` });
  });

  test("an unknown plot id shows a message and the map stays usable", async () => {
    const first = zones[0];
    if (!first) throw new Error("no zones");
    const page = await openApp("#/plot/987654");
    await waitForZone(page, first.id);
    expect(await page.locator('[data-testid="route-notice"]').textContent()).toBe(
      zh("error.plotNotFound", { id: 987654 }),
    );
    const point = await page.evaluate(() => window.__zoneAtlasE2e?.findPlotPoint() ?? null);
    if (!point) throw new Error("no plot is drawn on screen");
    await page.mouse.click(point.x, point.y);
    await page
      .locator(`[data-testid="plot-panel"][data-plot-id="${point.plotId}"]`)
      .waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).hash).toBe(`#/plot/${point.plotId}`);
  });
});
