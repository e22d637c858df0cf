import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PlotListProperties } from "@api/schemas/plots.ts";
import type { SearchResponse } from "@api/schemas/search.ts";
import type { Zone } from "@api/schemas/zones.ts";
import type { FeatureCollection } from "geojson";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { gaussKrugerOf } from "../../geo/gauss_kruger.ts";
import { measuredArea, pathLengthM } from "../../geo/measure.ts";
import {
  formatDistance,
  formatHaFromMu,
  formatIndicatorValue,
  formatMu,
  formatNumber,
  unitLabel,
} from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { contrastFailures } from "../helpers/contrast.ts";
import { E2eApp, lincangOf, SHOTS, signInContext, waitForZone } from "../helpers/e2e_app.ts";

/**
 * Workspace flows beyond the done-when run (tests/e2e/map.e2e.test.ts): search, dashboard tables and their
 * CSV/XLSX exports, measurement, Gauss-Krüger readout, basemap settings, the API-down banner and keyboard
 * focus. Same rules: real API on PGlite, no request outside the app's origin unless a test opts into an
 * online basemap and checks where its requests went.
 */

let app: E2eApp;
let zones: Zone[];
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("zh-CN", key, params);

beforeAll(async () => {
  app = await E2eApp.start();
  zones = app.zones;
});

afterEach(async () => {
  await app.closeContext();
  expect(app.offsiteRequests, "requests outside the app's origin").toEqual([]);
  expect(app.pageErrors, "uncaught page errors").toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

function firstZone(): Zone {
  const z = zones[0];
  if (!z) throw new Error("no zones");
  return z;
}

/** A point on the map canvas, as page coordinates, at fractions of its box. */
async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="map"] canvas').boundingBox();
  if (!box) throw new Error("no map canvas");
  return { x: Math.round(box.x + box.width * fx), y: Math.round(box.y + box.height * fy) };
}

describe("search", () => {
  test("typing part of a plot code lists it; Enter opens the plot (framed) in its zone", async () => {
    const zone = lincangOf(zones);
    const plots = await app.getJson<FeatureCollection<null, PlotListProperties>>(
      `/api/plots?zone=${zone.id}`,
    );
    const plot = plots.features[3]?.properties;
    if (!plot) throw new Error("no plot");
    const page = await app.openApp();
    await waitForZone(page, firstZone().id);
    const input = page.locator('[data-testid="search-input"]');
    await input.fill(plot.code);
    const hit = page.locator(`[data-testid="search-result"][data-kind="plot"][data-id="${plot.id}"]`);
    await hit.waitFor({ timeout: 10_000 });
    const api = await app.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(plot.code)}`);
    expect(await page.locator('[data-testid="search-result"]').count()).toBe(api.results.length);
    await input.press("Enter");
    await page.locator(`[data-testid="plot-panel"][data-plot-id="${plot.id}"]`).waitFor({ timeout: 15_000 });
    await waitForZone(page, zone.id);
    expect(new URL(page.url()).hash).toBe(`#/plot/${plot.id}`);
    expect(await page.evaluate(() => window.__zoneAtlasE2e?.zoom() ?? 0)).toBeGreaterThanOrEqual(14);
  });

  test("an enterprise name opens its largest plot; a park name frames the park", async () => {
    const page = await app.openApp();
    await waitForZone(page, firstZone().id);
    const park = lincangOf(zones).parks.find((p) => p.role === "enclave");
    if (!park) throw new Error("no enclave");
    const input = page.locator('[data-testid="search-input"]');
    await input.fill(park.name);
    await page.locator(`[data-testid="search-result"][data-kind="park"][data-id="${park.id}"]`).click();
    await page.waitForFunction((h) => window.location.hash === h, `#/park/${park.id}`);
    const item = page.locator(`[data-testid="park-item"][data-park-id="${park.id}"]`);
    await item.waitFor();
    expect(await item.getAttribute("aria-pressed")).toBe("true");
  });
});

describe("dashboards", () => {
  test("a zone dashboard ranks every park; its CSV and XLSX exports hold the table", async () => {
    const zone = firstZone();
    const page = await app.openApp(`#/zone/${zone.id}/dashboard`, { acceptDownloads: true });
    await waitForZone(page, zone.id);
    await page.waitForSelector('[data-testid="dashboard"][data-scope="zone"][data-ready="true"]', {
      timeout: 30_000,
    });
    const rows = page.locator('[data-testid="park-ranking-row"]');
    expect(await rows.count()).toBe(zone.parks.length);
    const metrics = await Promise.all(
      zone.parks.map((p) =>
        app.getJson<{ indicators: { outputPerMuWan: { value: number | null } } }>(
          `/api/parks/${p.id}/metrics`,
        ),
      ),
    );
    const expectedOrder = zone.parks
      .map((p, i) => ({ id: p.id, v: metrics[i]?.indicators.outputPerMuWan.value ?? -Infinity }))
      .sort((a, b) => b.v - a.v)
      .map((r) => String(r.id));
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-park-id")))).toEqual(
      expectedOrder,
    );
    await page.screenshot({ path: `${SHOTS}/workspace-zone-dashboard.png` });

    const ranking = page.locator('[data-testid="park-ranking"]');
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      ranking.locator('[data-testid="export-csv"]').click(),
    ]);
    const csv = readFileSync(await csvDownload.path(), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(zone.parks.length + 1);
    expect(lines[0]?.split(",")[0]).toBe(zhCN["dashboard.rank"]);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      ranking.locator('[data-testid="export-xlsx"]').click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = join(mkdtempSync(join(tmpdir(), "za-e2e-")), xlsxDownload.suggestedFilename());
    await xlsxDownload.saveAs(xlsxPath);
    const script =
      "import json,sys,openpyxl;ws=openpyxl.load_workbook(sys.argv[1]).active;print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)]))";
    const sheet = JSON.parse(
      execFileSync("/usr/bin/python3", ["-c", script, xlsxPath], { encoding: "utf8" }),
    ) as unknown[][];
    expect(sheet).toHaveLength(zone.parks.length + 1);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(zone.parks.map((_, i) => i + 1));
  });

  test("clicking an idle or low-efficiency plot in a park dashboard opens it and zooms the map to it", async () => {
    const zone = firstZone();
    const park = zone.parks[0];
    if (!park) throw new Error("no park");
    const page = await app.openApp(`#/park/${park.id}/dashboard`);
    await waitForZone(page, zone.id);
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 30_000 });
    const before = await page.evaluate(() => window.__zoneAtlasE2e?.zoom() ?? 0);
    const first = page.locator('[data-testid="flagged-plot"]').first();
    const plotId = Number(await first.getAttribute("data-plot-id"));
    await first.click();
    await page.locator(`[data-testid="plot-panel"][data-plot-id="${plotId}"]`).waitFor({ timeout: 15_000 });
    const after = await page.evaluate(() => window.__zoneAtlasE2e?.zoom() ?? 0);
    expect(after).toBeGreaterThan(before);
    const findings = await page.locator('[data-testid="plot-findings"]').textContent();
    expect(findings?.length ?? 0).toBeGreaterThan(20);
    // The table stays below the map while the plot is open; closing the plot returns to the dashboard.
    expect(await page.locator('[data-testid="flagged-plot"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/workspace-dashboard-plot.png` });
    await page.locator('[data-testid="plot-panel-close"]').click();
    await page.waitForFunction((h) => window.location.hash === h, `#/park/${park.id}/dashboard`);
  });

  test("the year selector reloads the dashboard for that year", async () => {
    const zone = firstZone();
    const park = zone.parks[1] ?? zone.parks[0];
    if (!park) throw new Error("no park");
    const page = await app.openApp(`#/park/${park.id}/dashboard`);
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 30_000 });
    const m = await app.getJson<{ availableYears: number[] }>(`/api/parks/${park.id}/metrics`);
    // The five-year trend: one point per year with a value.
    const trendYears = m.availableYears.slice(-5);
    const series = await Promise.all(
      trendYears.map((y) =>
        app.getJson<{ indicators: { outputPerMuWan: { value: number | null } } }>(
          `/api/parks/${park.id}/metrics?year=${y}`,
        ),
      ),
    );
    await page.locator('[data-testid="scope-trend-output"] svg').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="scope-trend-output"] circle').count()).toBe(
      series.filter((x) => x.indicators.outputPerMuWan.value !== null).length,
    );
    const year = m.availableYears[0];
    if (year === undefined) throw new Error("no years");
    await page.locator('[data-testid="dashboard-year"]').selectOption(String(year));
    await page.waitForSelector(`[data-testid="dashboard"][data-ready="true"][data-year="${year}"]`, {
      timeout: 30_000,
    });
    const api = await app.getJson<{ indicators: { outputPerMuWan: { value: number; unit: string } } }>(
      `/api/parks/${park.id}/metrics?year=${year}`,
    );
    const fig = api.indicators.outputPerMuWan;
    expect(await page.locator('[data-testid="kpi-output-value"]').textContent()).toBe(
      `${formatIndicatorValue(fig.value, "zh-CN")} ${unitLabel(fig.unit, "zh-CN")}`,
    );
  });
});

describe("map tools", () => {
  test("measuring a distance shows geo/'s length and does not open plots; the readout shows Gauss-Krüger X/Y", async () => {
    const zone = firstZone();
    const page = await app.openApp(`#/park/${zone.parks[0]?.id}`);
    await waitForZone(page, zone.id);
    const a = await canvasPoint(page, 0.4, 0.5);
    const b = await canvasPoint(page, 0.6, 0.55);
    const llA = await page.evaluate(({ x, y }) => window.__zoneAtlasE2e?.lngLatAt(x, y) ?? null, a);
    const llB = await page.evaluate(({ x, y }) => window.__zoneAtlasE2e?.lngLatAt(x, y) ?? null, b);
    if (!llA || !llB) throw new Error("hook missing");

    await page.mouse.move(a.x, a.y);
    const gk = gaussKrugerOf(llA.lng, llA.lat);
    const readout = page.locator('[data-testid="coordinate-gk"]');
    await readout.waitFor();
    expect(await readout.textContent()).toBe(
      zh("map.gaussKruger", {
        epsg: gk.epsg,
        x: formatNumber(gk.xM, "zh-CN", 0),
        y: formatNumber(gk.yM, "zh-CN", 0),
      }),
    );

    await page.locator('[data-testid="measure-distance"]').click();
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    const expected = zh("measure.distanceResult", {
      distance: formatDistance(
        pathLengthM([
          [llA.lng, llA.lat],
          [llB.lng, llB.lat],
        ]),
        "zh-CN",
      ),
    });
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="measure-result"]')?.textContent === text,
      expected,
      { timeout: 5_000 },
    );
    expect(await page.locator('[data-testid="plot-panel"]').count()).toBe(0);
    await page.keyboard.press("Escape");
    expect(await page.locator('[data-testid="measure-tool"]').getAttribute("data-mode")).toBe("off");

    // Area: three vertices, 亩 and ha from geo/measuredArea.
    const c = await canvasPoint(page, 0.5, 0.7);
    const llC = await page.evaluate(({ x, y }) => window.__zoneAtlasE2e?.lngLatAt(x, y) ?? null, c);
    if (!llC) throw new Error("hook missing");
    await page.locator('[data-testid="measure-area"]').click();
    for (const p of [a, b, c]) await page.mouse.click(p.x, p.y);
    const area = measuredArea([
      [llA.lng, llA.lat],
      [llB.lng, llB.lat],
      [llC.lng, llC.lat],
    ]);
    const expectedArea = zh("measure.areaResult", {
      mu: formatMu(area.areaMu, "zh-CN"),
      ha: formatHaFromMu(area.areaMu, "zh-CN"),
      m2: formatNumber(area.areaM2, "zh-CN", 0),
    });
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="measure-result"]')?.textContent === text,
      expectedArea,
      { timeout: 5_000 },
    );
    expect(await page.locator('[data-testid="plot-panel"]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/workspace-measure.png` });
  });

  test("basemap: offline by default; 高德 shows the GCJ-02 warning and requests only its own tile host", async () => {
    const zone = firstZone();
    const page = await app.openApp();
    await waitForZone(page, zone.id);
    expect(await page.locator('[data-testid="basemap-attribution"]').count()).toBe(0);
    await page.locator('[data-testid="basemap-settings-toggle"]').click();
    const options = page.locator('[data-testid="basemap-option"]');
    expect(await options.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    await page.locator('[data-testid="basemap-option"][value="amap"]').check();
    expect(await page.locator('[data-testid="gcj-warning"]').textContent()).toBe(zhCN["basemap.gcjWarning"]);
    await page.locator('[data-testid="basemap-attribution"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/workspace-basemap-gcj-warning.png` });
    // The opt-in basemap asked only its own host (blocked here: no network in tests).
    await page.locator('[data-testid="basemap-option"][value="offline"]').check();
    await page.locator('[data-testid="basemap-attribution"]').waitFor({ state: "detached" });
    const hosts = new Set(app.offsiteRequests.map((u) => new URL(u).host));
    for (const h of hosts) expect(h).toMatch(/^webrd0[1-4]\.is\.autonavi\.com$/);
    app.offsiteRequests.length = 0;
  });
});

describe("legend", () => {
  test("unchecking 生态保护红线 hides its map layers without reloading data; checking it shows them again", async () => {
    // A zone whose constraint layers include the ecological red line, as the API lists them.
    let zone: Zone | undefined;
    let types: string[] = [];
    for (const z of zones) {
      const fc = await app.getJson<FeatureCollection>(`/api/constraints?zone=${z.id}`);
      types = [...new Set(fc.features.map((f) => String(f.properties?.type)))];
      if (types.includes("ecological_redline")) {
        zone = z;
        break;
      }
    }
    if (!zone) throw new Error("no demo zone with an ecological red line");
    const page = await app.openApp(`#/zone/${zone.id}`);
    await waitForZone(page, zone.id);
    const toggles = page.locator('[data-testid="constraint-toggle"]');
    await toggles.first().waitFor();
    // One checkbox per type the zone has, all on.
    const listed = await toggles.evaluateAll((els) => els.map((e) => e.getAttribute("data-constraint")));
    expect(new Set(listed)).toEqual(new Set(types));
    for (const box of await toggles.all()) expect(await box.isChecked()).toBe(true);

    const visibility = () =>
      page.evaluate(() => window.__zoneAtlasE2e?.constraintLayerVisibility("ecological_redline") ?? null);
    const constraintRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/constraints") constraintRequests.push(r.url());
    });
    expect(await visibility()).toEqual({
      "constraint-redline-fill": "visible",
      "constraint-redline-line": "visible",
    });

    // Keyboard: focus the red line checkbox and toggle it with Space.
    const redline = page.getByRole("checkbox", { name: zhCN["constraint.ecological_redline"] });
    await redline.focus();
    await page.keyboard.press("Space");
    expect(await redline.isChecked()).toBe(false);
    await expect
      .poll(visibility)
      .toEqual({ "constraint-redline-fill": "none", "constraint-redline-line": "none" });
    // Other types stay drawn.
    const others = types.filter((t) => t !== "ecological_redline");
    for (const t of others) {
      const v = await page.evaluate(
        (type) => window.__zoneAtlasE2e?.constraintLayerVisibility(type as "flood") ?? null,
        t,
      );
      expect(
        Object.values(v ?? {}).every((s) => s === "visible"),
        t,
      ).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/workspace-redline-hidden.png` });

    await redline.check();
    await expect
      .poll(visibility)
      .toEqual({ "constraint-redline-fill": "visible", "constraint-redline-line": "visible" });
    expect(constraintRequests, "toggling must not reload the constraint layers").toEqual([]);
  });
});

describe("faults and access", () => {
  test("signed out: the login page lists the demo accounts; a wrong password is refused; the reviewer signs in and out", async () => {
    const page = await app.openApp("", { signedIn: false });
    const login = page.locator('[data-testid="login-page"]');
    await login.waitFor();
    // No map, no zone data before signing in.
    expect(await page.locator('[data-testid="map"]').count()).toBe(0);
    // The demo accounts arrive after the form (GET /api/auth/demo-accounts): wait for the table.
    const demo = page.locator('[data-testid="demo-accounts"]');
    await demo.locator("tbody tr").first().waitFor();
    expect(await demo.locator("tbody tr").count()).toBe(4);
    expect(await demo.textContent()).toContain("reviewer-demo");
    await page.locator('[data-testid="login-username"]').fill("reviewer");
    await page.locator('[data-testid="login-password"]').fill("not-the-password");
    await page.locator('[data-testid="login-submit"]').click();
    expect(await page.locator('[data-testid="login-error"]').textContent()).toBe("用户名或密码错误");
    await page.screenshot({ path: `${SHOTS}/login.png` });
    expect(await contrastFailures(page, ".auth-card")).toEqual([]);
    await page.locator('[data-testid="demo-use-reviewer"]').click();
    await page.locator('[data-testid="login-submit"]').click();
    await waitForZone(page, app.zones[0]?.id ?? 0);
    const menu = page.locator('[data-testid="user-menu"]');
    expect(await menu.textContent()).toContain(`reviewer · ${zhCN["auth.role.reviewer"]}`);
    await page.locator('[data-testid="logout"]').click();
    await login.waitFor();
    // The session is gone on the server too: the API refuses the old cookie.
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).status);
    expect(me).toBe(401);
    expect(app.pageErrors).toEqual([]);
  });

  test("API unreachable → a visible retry banner; retry loads the map", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    app.context = context;
    await signInContext(context, app.url, app.session);
    let down = true;
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (!app.isSameOrigin(url)) {
        app.offsiteRequests.push(url);
        return route.abort("blockedbyclient");
      }
      if (down && new URL(url).pathname.startsWith("/api/")) return route.abort("connectionrefused");
      return route.continue();
    });
    const page = await context.newPage();
    page.on("pageerror", (err) => app.pageErrors.push(err.message));
    await page.goto(`${app.url}/?e2e=1`);
    const banner = page.locator('[data-testid="load-error"]');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain(zhCN["error.network"]);
    expect(await page.locator('[data-testid="app-title"]').textContent()).toBe(zhCN["app.title"]);
    await page.screenshot({ path: `${SHOTS}/workspace-api-down.png` });
    down = false;
    await banner.getByRole("button", { name: zhCN["status.retry"] }).click();
    await waitForZone(page, firstZone().id);
    expect(await banner.count()).toBe(0);
  });

  test("the keyboard reaches the search, the dashboard toggle, the control-layer toggles and the map tools with a visible focus ring", async () => {
    const page = await app.openApp();
    await waitForZone(page, firstZone().id);
    const reached: string[] = [];
    // Enough presses to pass the legend's controls (plot overlays and one checkbox per control layer).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          id: el.getAttribute("data-testid") ?? "",
          visible:
            el.matches(":focus-visible") &&
            style.outlineStyle !== "none" &&
            parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (info?.id) {
        expect(info.visible, `focus ring on ${info.id}`).toBe(true);
        reached.push(info.id);
      }
    }
    const ids = [
      "search-input",
      "dashboard-toggle",
      "constraint-toggle",
      "measure-distance",
      "basemap-settings-toggle",
    ];
    for (const id of ids) expect(reached).toContain(id);
  });

  test("text in the sidebar, plot panel, dashboard and map tools meets WCAG AA contrast", async () => {
    const zone = firstZone();
    const park = zone.parks[0];
    if (!park) throw new Error("no park");
    const page = await app.openApp(`#/park/${park.id}/dashboard`);
    await page.waitForSelector('[data-testid="dashboard"][data-ready="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="basemap-settings-toggle"]').click();
    expect(await contrastFailures(page, ".sidebar, .dashboard, .map-tools, .app-header")).toEqual([]);
    await page.locator('[data-testid="flagged-plot"]').first().click();
    await page.locator('[data-testid="plot-panel"]').waitFor({ timeout: 15_000 });
    expect(await contrastFailures(page, ".sidebar")).toEqual([]);
    // The checker itself: a light-grey line of text on white (2.3:1) is caught.
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "low contrast probe";
      p.style.color = "#a3acb8";
      p.style.background = "#ffffff";
      document.querySelector(".sidebar")?.append(p);
    });
    const failures = await contrastFailures(page, ".sidebar");
    expect(failures.map((f) => [f.text, Math.round(f.ratio * 10) / 10])).toEqual([
      ["low contrast probe", 2.3],
    ]);
  });
});
