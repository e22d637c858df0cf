import { GRADES } from "@geo/mu_jun_profiles.ts";
import { describe, expect, test } from "vitest";
import { GRADE_COLORS, NO_DATA_COLOR, SEQUENTIAL_COLORS } from "../../web/map/layers/palette.ts";
import { plotLayers, plotOverlayLayers } from "../../web/map/layers/plot_layers.ts";
import {
  classifyPlots,
  PLOT_INDICATORS,
  type PlotValues,
  plotFillColor,
  rampColors,
  tileIndicatorOf,
} from "../../web/map/layers/plot_style.ts";
import { plotTileUrl } from "../../web/map/layers/plot_tiles.ts";
import { mulberry32 } from "../helpers/rng.ts";

/** Properties plot tiles carry at every zoom (docs/api.md, below z13 nothing else). */
const EVERY_ZOOM = new Set(["status", "grade", "value", "idle", "lowEfficiency", "approvedUnsupplied"]);

/** Every property name a style expression reads with `["get", name]`. */
function propertiesRead(expr: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(expr)) {
    if (expr[0] === "get" && typeof expr[1] === "string") out.add(expr[1]);
    for (const e of expr) propertiesRead(e, out);
  } else if (expr && typeof expr === "object") {
    for (const v of Object.values(expr)) propertiesRead(v, out);
  }
  return out;
}

function randomPlots(seed: number, n: number): PlotValues[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const hasStats = rng.next() < 0.7;
    return {
      status: rng.next() < 0.6 ? "built" : "available",
      grade: hasStats ? (GRADES[Math.floor(rng.next() * 4)] ?? null) : null,
      outputPerMuWan: hasStats ? rng.next() * 800 : null,
      taxPerMuWan: hasStats ? rng.next() * 60 : null,
      far: rng.next() < 0.8 ? rng.next() * 3 : null,
    };
  });
}

describe("plotTileUrl", () => {
  test("absolute on the page's origin, placeholders unescaped, zone and indicator in the query", () => {
    const url = plotTileUrl("http://127.0.0.1:8787", { zoneId: 2, indicator: "taxPerMuWan", year: null });
    expect(url).toBe("http://127.0.0.1:8787/api/tiles/plots/{z}/{x}/{y}.mvt?zone=2&indicator=taxPerMuWan");
  });

  test("a chosen year is sent; categorical colourings keep the default indicator's tiles", () => {
    const url = plotTileUrl("https://atlas.example", {
      zoneId: 1,
      indicator: tileIndicatorOf("grade"),
      year: 2024,
    });
    expect(new URL(url.replace("{z}/{x}/{y}", "0/0/0")).searchParams.toString()).toBe(
      "zone=1&indicator=outputPerMuWan&year=2024",
    );
    expect(tileIndicatorOf("far")).toBe("far");
  });
});

describe("rampColors", () => {
  test("spreads fewer classes over the whole ramp", () => {
    expect(rampColors(5)).toEqual([...SEQUENTIAL_COLORS]);
    expect(rampColors(2)).toEqual([SEQUENTIAL_COLORS[0], SEQUENTIAL_COLORS[4]]);
    expect(rampColors(3)).toEqual([SEQUENTIAL_COLORS[0], SEQUENTIAL_COLORS[2], SEQUENTIAL_COLORS[4]]);
    expect(rampColors(1)).toEqual([SEQUENTIAL_COLORS[2]]);
  });
});

describe("classifyPlots", () => {
  const SEED = 7;
  const plots = randomPlots(SEED, 400);

  test("numeric: one colour per class, every plot counted once (no data apart)", () => {
    for (const method of ["quantile", "equalInterval"] as const) {
      const c = classifyPlots(plots, "outputPerMuWan", method, []);
      if (c.kind !== "numeric") throw new Error("expected numeric");
      expect(c.colors).toHaveLength(c.breaks.length + 1);
      expect(c.counts.reduce((a, b) => a + b, 0) + c.noData, `seed ${SEED}`).toBe(plots.length);
      expect(c.noData).toBe(plots.filter((p) => p.outputPerMuWan === null).length);
    }
  });

  test("manual breaks are used as given", () => {
    const c = classifyPlots(plots, "far", "manual", [1, 2]);
    if (c.kind !== "numeric") throw new Error("expected numeric");
    expect(c.breaks).toEqual([1, 2]);
    expect(c.counts[0]).toBe(plots.filter((p) => p.far !== null && p.far < 1).length);
  });

  test("grade: A–D in Okabe-Ito colours, ungraded plots as no data", () => {
    const c = classifyPlots(plots, "grade", "quantile", []);
    if (c.kind !== "categorical") throw new Error("expected categorical");
    expect(c.categories.map((x) => [x.value, x.color])).toEqual(GRADES.map((g) => [g, GRADE_COLORS[g]]));
    expect(c.noData).toBe(plots.filter((p) => p.grade === null).length);
  });
});

describe("styling reads only what tiles carry at every zoom", () => {
  test("fill colour of every indicator and every plot layer", () => {
    const sample = randomPlots(11, 50);
    for (const indicator of PLOT_INDICATORS) {
      const expr = plotFillColor(classifyPlots(sample, indicator, "quantile", []));
      expect(
        [...propertiesRead(expr)].filter((p) => !EVERY_ZOOM.has(p)),
        indicator,
      ).toEqual([]);
    }
    const layers = [...plotLayers, ...plotOverlayLayers];
    expect([...propertiesRead(layers)].filter((p) => !EVERY_ZOOM.has(p))).toEqual([]);
  });

  test("a plot without a value gets the no-data colour; nothing classified paints all as no data", () => {
    const expr = plotFillColor(classifyPlots(randomPlots(3, 30), "taxPerMuWan", "quantile", []));
    expect(expr).toEqual([
      "case",
      ["==", ["typeof", ["get", "value"]], "number"],
      expect.anything(),
      NO_DATA_COLOR,
    ]);
    expect(plotFillColor(null)).toBe(NO_DATA_COLOR);
  });
});
