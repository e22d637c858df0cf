import { mkdirSync, readFileSync } from "node:fs";
import type { LandProperties, LandZone } from "@api/schemas/land.ts";
import type { PlotListProperties } from "@api/schemas/plots.ts";
import type { FeatureCollection, Geometry } from "geojson";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../api/db/db.ts";
import { type RunningServer, startServer } from "../../api/server.ts";
import { en } from "../../web/i18n/en.ts";
import { formatMu } from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";
import { CHROMIUM_ARGS } from "../helpers/e2e_app.ts";
import { addConfidentialNumbers, findLeaks, loadConfidential } from "../helpers/leak_check.ts";
import { logIn, type TestSession } from "../helpers/session.ts";
import { openTestDb } from "../helpers/test_db.ts";

/**
 * The investor portal in a real browser: built web app + real API on PGlite with the demo data. Nothing
 * outside the app's origin may be requested. Every /api payload the pages load and every page's HTML are
 * kept and checked for confidential names and figures at the end. Screenshots go to test-output/.
 */

const SHOTS = "test-output";
// Its own build directory, so it can run next to the other browser suites (each builds its own).
const OUT_DIR = "dist/web-invest-e2e";

let db: Db;
let server: RunningServer;
let browser: Browser;
let zones: LandZone[];
let context: BrowserContext | undefined;
const offsiteRequests: string[] = [];
const pageErrors: string[] = [];
/** Every /api JSON answer the pages received, and every page's HTML, for the leak check. */
const payloads: Array<Promise<{ what: string; body: unknown }>> = [];

type Land = FeatureCollection<Geometry, LandProperties>;

/** The investment office's session (demo account `officer`): the test's own staff API calls. */
let officer: TestSession;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: officer.cookie } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const isSameOrigin = (url: string) =>
  url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === new URL(server.url).origin;

/** Opens `hash` in a fresh context; public pages' /api answers are kept for the leak check (not staff pages'). */
async function openPortal(hash = "#/invest", collect = true): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isSameOrigin(url)) return route.continue();
    offsiteRequests.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("response", (res) => {
    if (!collect || !new URL(res.url()).pathname.startsWith("/api/")) return;
    payloads.push(
      res.json().then(
        (body: unknown) => ({ what: `${res.request().method()} ${res.url()}`, body }),
        (err: unknown) => ({ what: `${res.url()} (unreadable: ${String(err)})`, body: null }),
      ),
    );
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  await page.goto(`${server.url}/${hash}`);
  return page;
}

/** Keeps the page's HTML for the leak check. */
async function keepHtml(page: Page, what: string): Promise<void> {
  const html = await page.content();
  payloads.push(Promise.resolve({ what: `page ${what}`, body: html }));
}

/** Waits until the land list shows the answer to `query` (the API query string of the filters). */
async function waitForList(page: Page, query: string): Promise<number> {
  const results = page.locator(`[data-testid="land-results"][data-query="${query}"][data-status="ok"]`);
  await results.waitFor({ timeout: 20_000 });
  return Number(await page.locator('[data-testid="land-count"]').getAttribute("data-count"));
}

const park = (nameEn: string) => {
  const p = zones.flatMap((z) => z.parks).find((x) => x.nameEn.includes(nameEn));
  if (!p) throw new Error(`no park ${nameEn}`);
  return p;
};

beforeAll(async () => {
  await build({
    configFile: "vite.config.ts",
    logLevel: "silent",
    build: { outDir: `../${OUT_DIR}`, emptyOutDir: true },
  });
  mkdirSync(SHOTS, { recursive: true });
  db = await openTestDb();
  server = await startServer({ db, port: 0, staticDir: OUT_DIR });
  officer = await logIn(
    { request: (path, init) => fetch(`${server.url}${path}`, init) },
    "officer",
    "officer-demo",
  );
  zones = await api<LandZone[]>("/api/land/zones");
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

describe("investor portal", () => {
  test("filters the land list (park, minimum area); the filtered view is a shareable link", async () => {
    const page = await openPortal();
    const all = await api<Land>("/api/land");
    expect(await waitForList(page, "")).toBe(all.features.length);
    expect(await page.locator('[data-testid="invest-title"]').textContent()).toBe(zhCN["invest.title"]);
    expect(await page.title()).toBe(zhCN["invest.documentTitle"]);
    expect(await page.locator('[data-testid="demo-banner"]').textContent()).toBe(zhCN["demo.banner"]);
    await page.locator('[data-testid="land-map"][data-ready="true"]').waitFor();

    const matang = park("Matang");
    await page.locator('[data-testid="filter-park"]').selectOption(String(matang.id));
    const parkCount = await waitForList(page, `park=${matang.id}`);
    expect(parkCount).toBe(matang.offeredPlots);
    const areas = (await api<Land>(`/api/land?park=${matang.id}`)).features.map((f) => f.properties.areaMu);
    const minMu = Math.floor([...areas].sort((a, b) => a - b)[Math.floor(areas.length / 2)] ?? 0);
    await page.locator('[data-testid="filter-min-mu"]').fill(String(minMu));
    const filtered = await waitForList(page, `park=${matang.id}&minMu=${minMu}`);
    expect(filtered).toBe(areas.filter((a) => a >= minMu).length);
    expect(filtered).toBeLessThan(parkCount);
    const shown = await page
      .locator('[data-testid="land-item-area"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-area-mu"))));
    expect(shown.every((a) => a >= minMu)).toBe(true);
    const total = areas.filter((a) => a >= minMu).reduce((s, a) => s + a, 0);
    expect(await page.locator('[data-testid="land-count"]').textContent()).toBe(
      translate("zh-CN", "invest.list.count", { count: filtered, area: formatMu(total, "zh-CN") }),
    );
    await page.locator('[data-testid="land-map"]').hover();
    await page.screenshot({ path: `${SHOTS}/invest-land-filtered.png` });

    // The address is the share link: a fresh browser opening it sees the same filtered list.
    const link = page.url();
    expect(new URL(link).hash).toBe(`#/invest?park=${matang.id}&minMu=${minMu}`);
    await keepHtml(page, "land list");
    await context?.close();
    const again = await openPortal(new URL(link).hash);
    expect(await waitForList(again, `park=${matang.id}&minMu=${minMu}`)).toBe(filtered);
    expect(await again.locator('[data-testid="filter-park"]').inputValue()).toBe(String(matang.id));
  });

  test("opens a plot: 标准地 conditions, floor price and infrastructure", async () => {
    const page = await openPortal("#/invest?standard=true");
    await waitForList(page, "standard=true");
    const first = page.locator('[data-testid="land-item"]').first();
    const id = Number(await first.getAttribute("data-plot-id"));
    await first.locator('[data-testid="land-item-open"]').click();
    await page.locator(`[data-testid="plot-page"][data-plot-id="${id}"]`).waitFor();
    const plot = (await api<Land>("/api/land?standard=true")).features.find(
      (f) => f.properties.id === id,
    )?.properties;
    expect(await page.locator('[data-testid="plot-title"]').textContent()).toBe(
      translate("zh-CN", "invest.plot.title", { code: plot?.code ?? "" }),
    );
    expect(new URL(page.url()).hash).toBe(`#/invest/plot/${id}`);
    const standard = await page.locator('[data-testid="plot-standard"]').textContent();
    expect(standard).toContain(zhCN["invest.plot.standardTitle"]);
    expect(standard).toContain(zhCN["invest.std.minInvestment"]);
    expect(await page.locator('[data-testid="plot-price"]').textContent()).toContain(zhCN["units.wanPerMu"]);
    await page.locator('[data-testid="land-map"][data-ready="true"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/invest-plot.png`, fullPage: true });
    await keepHtml(page, "plot");

    // The park profile from the plot page: transport and the ≥ 3-firm aggregates.
    await page.locator('[data-testid="plot-park-link"]').click();
    await page.locator('[data-testid="park-profile"]').waitFor();
    expect(await page.locator('[data-testid="transport"]').textContent()).toContain(
      zhCN["invest.park.highway"],
    );
    expect(await page.locator('[data-testid="park-aggregates"]').getAttribute("data-suppressed")).toBe(
      "false",
    );
    await page.screenshot({ path: `${SHOTS}/invest-park.png`, fullPage: true });
    await keepHtml(page, "park profile");
  });

  test("compares two plots side by side", async () => {
    const page = await openPortal("#/invest");
    await waitForList(page, "");
    const items = page.locator('[data-testid="land-item"]');
    const ids = [
      Number(await items.nth(0).getAttribute("data-plot-id")),
      Number(await items.nth(3).getAttribute("data-plot-id")),
    ];
    await items.nth(0).locator('[data-testid="compare-toggle"]').click();
    await items.nth(3).locator('[data-testid="compare-toggle"]').click();
    expect(await items.nth(0).locator('[data-testid="compare-toggle"]').getAttribute("aria-pressed")).toBe(
      "true",
    );
    const nav = page.locator('[data-testid="nav-compare"]');
    expect(await nav.textContent()).toBe(translate("zh-CN", "invest.nav.compare", { count: 2 }));
    await nav.click();
    await page.locator('[data-testid="compare-table"][data-count="2"]').waitFor();
    const cols = await page
      .locator('[data-testid="compare-col"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-plot-id"))));
    expect(cols).toEqual(ids);
    expect(new URL(page.url()).hash).toBe(`#/invest/compare?compare=${ids.join("%2C")}`);
    const table = await page.locator('[data-testid="compare-table"]').textContent();
    expect(table).toContain(zhCN["invest.plot.floorPrice"]);
    await page.screenshot({ path: `${SHOTS}/invest-compare.png`, fullPage: true });
    await keepHtml(page, "compare");
  });

  test("submits an inquiry that the staff list then shows", async () => {
    const offered = (await api<Land>("/api/land")).features[0]?.properties;
    if (!offered) throw new Error("no offered plot");
    const page = await openPortal(`#/invest/plot/${offered.id}`);
    await page.locator('[data-testid="inquiry-form"]').waitFor();
    // Client-side rule first: a contact is required.
    await page.locator('[data-testid="inquiry-contactName"]').fill("Somchai P.");
    await page.locator('[data-testid="inquiry-message"]').fill("We plan a 30 mu aluminium profile plant.");
    await page.locator('[data-testid="inquiry-submit"]').click();
    expect(await page.locator('[data-testid="inquiry-error"]').textContent()).toBe(
      zhCN["invest.inquiry.contactHint"],
    );
    await page.locator('[data-testid="language-switch"] [data-lang="en"]').click();
    await page.locator('[data-testid="inquiry-email"]').fill("somchai@example.com");
    await page.locator('[data-testid="inquiry-country"]').fill("Thailand");
    await page.locator('[data-testid="inquiry-areaMu"]').fill("30");
    await page.locator('[data-testid="inquiry-submit"]').click();
    const done = page.locator('[data-testid="inquiry-success"]');
    await done.waitFor();
    const id = Number(await done.getAttribute("data-inquiry-id"));
    expect(await done.locator("p").textContent()).toBe(translate("en", "invest.inquiry.success", { id }));
    await page.screenshot({ path: `${SHOTS}/invest-inquiry-sent.png`, fullPage: true });
    await keepHtml(page, "inquiry");
    const staff = await api<{
      items: Array<{ id: number; plotId: number; email: string; lang: string; areaMu: number }>;
    }>("/api/staff/inquiries");
    expect(staff.items.find((i) => i.id === id)).toMatchObject({
      plotId: offered.id,
      email: "somchai@example.com",
      lang: "en",
      areaMu: 30,
    });
  });

  test("the A4 flyer prints on one page in English", async () => {
    const offered = (await api<Land>("/api/land?standard=true")).features[0]?.properties;
    const page = await openPortal(`#/invest/flyer/${offered?.id}?lang=en`);
    const flyer = page.locator('[data-testid="plot-flyer"][data-lang="en"]');
    await flyer.waitFor();
    expect(await flyer.locator("h1").textContent()).toBe(en["invest.flyer.heading"]);
    expect(await flyer.textContent()).toContain(en["invest.flyer.demo"]);
    await page.screenshot({ path: `${SHOTS}/invest-flyer-en.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      path: `${SHOTS}/invest-flyer-en.pdf`,
      preferCSSPageSize: true,
      printBackground: true,
    });
    const text = pdf.toString("latin1");
    expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    // A4 = 210 × 297 mm = 595.3 × 841.9 pt
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(Number(box?.[1])).toBeCloseTo(595.28, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.89, 0);
    await keepHtml(page, "flyer");
  });

  test("no page payload or page HTML carries a confidential field name, firm name or firm figure", async () => {
    const conf = await loadConfidential(db);
    const staff = await api<FeatureCollection<Geometry, PlotListProperties>>("/api/plots");
    addConfidentialNumbers(
      conf,
      staff.features.flatMap((f) => [f.properties.outputPerMuWan, f.properties.taxPerMuWan]),
    );
    const all = await Promise.all(payloads);
    expect(all.filter((p) => p.what.startsWith("page ")).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((p) => p.what.includes("/api/land")).length).toBeGreaterThan(5);
    const leaks = all.flatMap((p) => findLeaks(p.body, conf).map((l) => `${p.what}: ${l}`));
    expect(leaks.slice(0, 20)).toEqual([]);
    // The built bundle itself holds no firm name either.
    const html = readFileSync(`${OUT_DIR}/index.html`, "utf8");
    expect(findLeaks(html, conf)).toEqual([]);
  });
});

describe("investment office pages (#/staff, behind the sign-in)", () => {
  test("matching recommends the aluminium parks over the 三七 park; a recorded referral keeps the totals reconciled", async () => {
    const wenshan = zones[0];
    const sanqi = park("Sanqi");
    // Signed out, #/staff shows the login page with the demo accounts; the officer's demo account signs in.
    const page = await openPortal(`#/staff?tab=match&zone=${wenshan?.id}`, false);
    await page.locator('[data-testid="login-page"] [data-testid="demo-accounts"]').waitFor();
    expect(await page.locator('[data-testid="match-industry"]').count()).toBe(0);
    await page.locator('[data-testid="demo-use-officer"]').click();
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="user-menu"]').waitFor();
    expect(await page.locator('[data-testid="user-menu"]').textContent()).toContain("officer");
    await page.locator('[data-testid="match-industry"]').fill("C3216");
    await page.locator('[data-testid="match-areaMu"]').fill("40");
    await page.locator('[data-testid="match-investmentWan"]').fill("20000");
    await page.locator('[data-testid="match-park"]').selectOption(String(sanqi.id));
    await page.locator('[data-testid="match-run"]').click();
    await page.locator('[data-testid="match-results"]').waitFor();
    expect(await page.locator('[data-testid="match-row"]').first().getAttribute("data-recommended")).toBe(
      "true",
    );
    await page.screenshot({ path: `${SHOTS}/staff-match.png`, fullPage: true });

    await page.goto(`${server.url}/#/staff?tab=referrals&zone=${wenshan?.id}&year=2031`);
    await page.locator('[data-testid="referral-ledger"][data-count="0"]').waitFor();
    await page.locator('[data-testid="ref-project"]').fill("e2e 项目");
    await page.locator('[data-testid="ref-investment"]').fill("1000.00005");
    await page.locator('[data-testid="ref-fromParkId"]').selectOption(String(park("Matang").id));
    await page.locator('[data-testid="ref-toParkId"]').selectOption(String(sanqi.id));
    await page.locator('[data-testid="ref-save"]').click();
    await page.locator('[data-testid="referral-ledger"][data-count="1"]').waitFor();
    const totals = page.locator('[data-testid="referral-totals"]');
    await page.locator('[data-testid="referral-totals"][data-zone-total-yuan="10000001"]').waitFor();
    expect(await totals.getAttribute("data-reconciled")).toBe("true");
    expect(await totals.locator("caption").textContent()).toBe(zhCN["staff.ref.reconciled"]);
    await page.screenshot({ path: `${SHOTS}/staff-referrals.png`, fullPage: true });

    await page.goto(`${server.url}/#/staff?tab=sharing&zone=${zones[1]?.id}&year=2024`);
    const sharing = page.locator('[data-testid="benefit-sharing"]');
    await sharing.waitFor();
    expect(await sharing.getAttribute("data-reconciled")).toBe("true");
    await page.screenshot({ path: `${SHOTS}/staff-sharing.png`, fullPage: true });
  });
});
