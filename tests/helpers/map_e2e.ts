import type { Page } from "playwright-core";
import { formatIndicatorValue } from "../../web/i18n/format.ts";
import { translate } from "../../web/i18n/lang.ts";
import { zhCN } from "../../web/i18n/zh_cn.ts";

/** Legend and timing helpers of the map e2e tests (expected text comes from the dictionaries). */

/** Properties plot tiles carry below z13 (docs/api.md): the styling must not need any other. */
export const LOW_ZOOM_PLOT_PROPERTIES = [
  "approvedUnsupplied",
  "grade",
  "idle",
  "lowEfficiency",
  "status",
  "value",
];

export const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("zh-CN", key, params);
export const fmt = (v: number) => formatIndicatorValue(v, "zh-CN");

export const classLabels = (page: Page) =>
  page.locator('[data-testid="plot-legend"] [data-testid="plot-class-label"]').allTextContents();
export const legendTitle = (page: Page) => page.locator('[data-testid="plot-legend-title"]').textContent();
export const tilesUrl = (page: Page) => page.evaluate(() => window.__zoneAtlasE2e?.plotTilesUrl() ?? null);

/**
 * Waits until the map's plot tile URL asks for `indicator`: the map updates its source in an effect after the
 * legend re-renders, so reading the URL right after a selection can still see the previous one.
 */
export async function waitForTilesIndicator(page: Page, indicator: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const url = window.__zoneAtlasE2e?.plotTilesUrl();
      return !!url && new URL(url, window.location.href).searchParams.get("indicator") === want;
    },
    indicator,
    { timeout: 15_000 },
  );
}

/** Waits until the legend shows `labels` (the classes follow the plot list and the chosen indicator). */
export async function waitForClassLabels(page: Page, labels: string[]): Promise<void> {
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
export function numericLabels(breaks: number[]): string[] {
  const labels = breaks.map((b, i) =>
    i === 0
      ? zh("legend.below", { value: fmt(b) })
      : zh("legend.range", { from: fmt(breaks[i - 1] as number), to: fmt(b) }),
  );
  const last = breaks[breaks.length - 1];
  if (last !== undefined) labels.push(zh("legend.atLeast", { value: fmt(last) }));
  return [...labels, zhCN["legend.noData"]];
}

export /** Milliseconds from navigation start to the first frame that drew plot tiles (web/map/first_plot_tiles.ts). */
const firstPlotTilesMs = (page: Page) =>
  page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
    "zoneatlas:first-plot-tiles",
    { timeout: 30_000 },
  );
