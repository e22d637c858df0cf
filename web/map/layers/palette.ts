import type { ParkRole, PlotStatus } from "@api/schemas/enums.ts";
import type { Grade } from "@geo/mu_jun_profiles.ts";

/**
 * Map colours, shared by the map layers and the legend (plain data, no maplibre).
 * Plot statuses use the Okabe-Ito palette, which stays distinguishable under the common colour-vision deficiencies.
 * @see Okabe & Ito, "Color Universal Design" (2008), https://jfly.uni-koeln.de/color/
 */
export const PLOT_STATUS_COLORS: Record<PlotStatus, string> = {
  available: "#009E73", // bluish green: land ready to offer
  approved_unsupplied: "#E69F00", // orange: 批而未供, needs attention
  supplied: "#F0E442", // yellow: supplied, not started
  under_construction: "#56B4E9", // sky blue
  built: "#0072B2", // blue
  reclaimed: "#CC79A7", // reddish purple
};

/** Plot statuses in legend order (the land's life cycle). */
export const PLOT_STATUS_ORDER: readonly PlotStatus[] = [
  "available",
  "approved_unsupplied",
  "supplied",
  "under_construction",
  "built",
  "reclaimed",
];

/** Park boundary styling by role in 一区多园 / 一核四园. */
export const PARK_ROLE_COLORS: Record<ParkRole, { line: string; fill: string }> = {
  core: { line: "#12355B", fill: "#12355B" },
  park: { line: "#3D6FA8", fill: "#3D6FA8" },
  enclave: { line: "#C4501B", fill: "#C4501B" },
};

/** The dashed line tying an enclave to its core. */
export const ENCLAVE_LINK_COLOR = "#C4501B";

export const CONSTRAINT_COLORS = {
  farmland: "#D7E3A0",
  farmlandLine: "#A9B965",
  redline: "#D62728",
  developmentBoundary: "#7B4FA6",
  flood: "#9ECAE1",
  steepSlope: "#C9A57E",
  other: "#BDBDBD",
} as const;

export const BASE_COLORS = {
  background: "#F2F0EB",
  countyFill: "#F7F6F2",
  countyLine: "#8A8A8A",
  river: "#6FA8DC",
  roadCasing: "#FFFFFF",
  road: "#A89F91",
  plotOutline: "#3B3B3B",
  selection: "#111111",
} as const;

/**
 * Five sequential classes for numeric plot indicators, low → high: viridis sampled at 0, ¼, ½, ¾, 1.
 * Perceptually uniform and readable under the common colour-vision deficiencies and in greyscale.
 * @see van der Walt & Smith, "A Better Default Colormap for Matplotlib" (SciPy 2015), https://bids.github.io/colormap/
 */
export const SEQUENTIAL_COLORS = ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"] as const;

/** 亩均 grades A (best) … D, from the Okabe-Ito palette: green, sky blue, orange, vermillion. */
export const GRADE_COLORS: Record<Grade, string> = {
  A: "#009E73",
  B: "#56B4E9",
  C: "#E69F00",
  D: "#D55E00",
};

/** Plots without a value for the chosen indicator (no statistics, not graded …): a light neutral grey. */
export const NO_DATA_COLOR = "#D4D4D4";

/**
 * The idle / low-efficiency / 批而未供 overlays: two-tone (near-black core, white edge) hatching, dots and
 * dashes, so they stay visible over every fill colour and differ by shape, not by hue.
 */
export const OVERLAY_COLORS = { ink: "#111111", halo: "#FFFFFF" } as const;
