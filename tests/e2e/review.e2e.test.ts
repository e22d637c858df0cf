import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { errorMessage } from "../../api/errors.ts";
import { translate } from "../../web/i18n/lang.ts";
import { contrastFailures } from "../helpers/contrast.ts";
import { E2eApp, SHOTS, signInContext } from "../helpers/e2e_app.ts";
import { logIn, type TestSession } from "../helpers/session.ts";

/**
 * The reviewer flow of issue 9 in Chromium: signed in as the demo reviewer (through the API; the cookie is
 * set on the browser context, so the test does not depend on a login page), open a plot, open a finding,
 * advance it, upload a photo, and see the history and the plot's audit log. Expected text comes from the
 * dictionary.
 */

let app: E2eApp;
const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("zh-CN", key, params);

/** A valid 1×1 PNG (so the thumbnail renders). */
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

beforeAll(async () => {
  app = await E2eApp.start();
});

afterEach(async () => {
  await app.closeContext();
  expect(app.offsiteRequests, "requests outside the app's origin").toEqual([]);
  expect(app.pageErrors, "uncaught page errors").toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

/** Logs `username` in through the API (a demo account) and returns the session. */
const login = (username: string, password: string): Promise<TestSession> =>
  logIn({ request: (path, init) => fetch(`${app.url}${path}`, init) }, username, password);

/** Puts `username`'s session cookie into the page's context and reloads the page. */
async function signInAs(page: Page, username: string, password: string): Promise<void> {
  if (!app.context) throw new Error("no browser context");
  await signInContext(app.context, app.url, await login(username, password));
  await page.reload();
}

describe("review workflow in the plot panel", () => {
  test("a reviewer opens a finding, advances it, adds a photo and sees history and audit log", async () => {
    const rows = await app.db.query<{ id: number }>("SELECT id FROM plots ORDER BY id LIMIT 1");
    const plotId = rows[0]?.id;
    if (plotId === undefined) throw new Error("no demo plot");
    const page = await app.openApp(`#/plot/${plotId}`, { signedIn: false });
    await page.locator('[data-testid="login-page"]').waitFor();
    const review = page.locator('[data-testid="plot-review"]');
    // An investment officer sees the plot but not its review: the section says which roles may.
    await signInAs(page, "officer", "officer-demo");
    await page.locator('[data-testid="plot-review"][data-state="anonymous"]').waitFor({ timeout: 30_000 });
    expect(await review.textContent()).toContain(zh("review.loginHint"));

    await signInAs(page, "reviewer", "reviewer-demo");
    await page.locator('[data-testid="plot-review"][data-state="ok"]').waitFor({ timeout: 30_000 });
    expect(await review.textContent()).toContain(zh("review.none"));

    await page.locator('[data-testid="finding-kind"]').selectOption("idle");
    await page.locator('[data-testid="finding-open-note"]').fill("现场未见动工迹象");
    await page.locator('[data-testid="finding-open-submit"]').click();
    const finding = page.locator('[data-testid="finding"]').first();
    await page.locator('[data-testid="finding"][data-status="identified"]').waitFor({ timeout: 15_000 });
    expect(await finding.locator('[data-testid="finding-status"]').textContent()).toBe(
      zh("review.status.identified"),
    );

    await finding.locator('[data-testid="finding-next"]').selectOption("verified");
    await finding.locator('[data-testid="finding-note"]').fill("复核属实");
    await finding.locator('[data-testid="finding-advance"]').click();
    await page.locator('[data-testid="finding"][data-status="verified"]').waitFor({ timeout: 15_000 });

    const history = page.locator('[data-testid="finding"] [data-testid="finding-history"] li');
    expect(await history.count()).toBe(2);
    const second = await history.nth(1).textContent();
    expect(second).toContain(
      zh("review.transition", { from: zh("review.status.identified"), to: zh("review.status.verified") }),
    );
    expect(second).toContain("reviewer");
    expect(second).toContain("复核属实");

    await page.locator('[data-testid="finding-photo-file"]').setInputFiles({
      name: "site.png",
      mimeType: "image/png",
      buffer: PNG_1X1,
    });
    await page.locator('[data-testid="finding-photo-upload"]').click();
    await page.locator('[data-testid="finding-photos"] img').waitFor({ timeout: 15_000 });
    const loaded = await page
      .locator('[data-testid="finding-photos"] img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1);
    expect(loaded).toBe(true);

    const audit = page.locator('[data-testid="plot-audit"] li');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plot-audit"] li').length === 3);
    expect(await audit.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")))).toEqual([
      "add_photo",
      "transition:identified->verified",
      "open",
    ]);
    await page.screenshot({ path: `${SHOTS}/review-plot-panel.png`, fullPage: true });

    // The workspace filter: the map's plot tiles keep only plots with a verified finding, the list names ours.
    await page.locator('[data-testid="review-filter-select"]').selectOption("verified");
    await page
      .locator(`[data-testid="review-filter-list"] [data-plot-id="${plotId}"]`)
      .waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => window.__zoneAtlasE2e?.plotTilesUrl()?.includes("review=verified") === true,
    );
    // maplibre fetches tiles from a worker: its responses are seen by the context, not the page.
    for (let i = 0; i < 150 && !app.tileResponses.some((r) => r.url.includes("review=verified")); i++)
      await page.waitForTimeout(100);
    const reviewTiles = app.tileResponses.filter((r) => r.url.includes("review=verified"));
    expect(reviewTiles.length).toBeGreaterThan(0);
    // The worker's tile requests carry the session cookie: no 401/403.
    expect(reviewTiles.every((r) => r.status === 200 || r.status === 204)).toBe(true);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/review-filter.png` });
    // The new sections meet WCAG AA contrast like the rest of the sidebar.
    expect(
      await contrastFailures(page, '[data-testid="plot-review"], [data-testid="review-filter"]'),
    ).toEqual([]);
  });

  test("a planner edits a plot with its version; a concurrent save shows the conflict and loads the latest", async () => {
    const rows = await app.db.query<{ id: number; version: number }>(
      "SELECT id, version FROM plots ORDER BY id OFFSET 5 LIMIT 1",
    );
    const plot = rows[0];
    if (!plot) throw new Error("no demo plot");
    const page = await app.openApp(`#/plot/${plot.id}`, { signedIn: false });
    await page.locator('[data-testid="login-page"]').waitFor();
    await signInAs(page, "planner", "planner-demo");
    const edit = page.locator('[data-testid="plot-edit"]');
    await edit.waitFor({ timeout: 30_000 });
    expect(await edit.locator("h3").textContent()).toContain(zh("review.version", { version: plot.version }));

    await page.locator('[data-testid="plot-edit-price"]').fill("1234.5");
    await page.locator('[data-testid="plot-edit-save"]').click();
    await page
      .locator('[data-testid="plot-edit"] h3', {
        hasText: zh("review.version", { version: plot.version + 1 }),
      })
      .waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid="plot-audit"] li[data-action="update"]')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="plot-edit-price"]').inputValue()).toBe("1234.5");

    // Someone else saves first (through the API, as a second planner session).
    const other = await login("planner", "planner-demo");
    const res = await fetch(`${app.url}/api/plots/${plot.id}`, {
      method: "PATCH",
      headers: {
        "Content-Type": "application/json",
        Cookie: other.cookie,
        "X-CSRF-Token": other.csrfToken,
      },
      body: JSON.stringify({ version: plot.version + 1, landPriceWan: 999 }),
    });
    expect(res.status).toBe(200);
    await page.locator('[data-testid="plot-edit-price"]').fill("2000");
    await page.locator('[data-testid="plot-edit-save"]').click();
    const error = page.locator('[data-testid="plot-edit-error"][data-conflict="true"]');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toContain(
      errorMessage("version_conflict", "zh-CN", {
        entityZh: "宗地",
        entityEn: "Plot",
        id: plot.id,
        current: plot.version + 2,
        sent: plot.version + 1,
      }),
    );
    await page.locator('[data-testid="plot-edit-reload"]').click();
    await page
      .locator('[data-testid="plot-edit"] h3', {
        hasText: zh("review.version", { version: plot.version + 2 }),
      })
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="plot-edit-price"]').inputValue()).toBe("999");
    const stored = await app.db.query<{ land_price_wan: number }>(
      "SELECT land_price_wan::float8 AS land_price_wan FROM plots WHERE id = $1",
      [plot.id],
    );
    expect(stored[0]?.land_price_wan).toBe(999);
    expect(await contrastFailures(page, '[data-testid="plot-edit"]')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/review-plot-edit.png` });
  });
});
