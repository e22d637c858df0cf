/** Source ids of the map's GeoJSON sources: all data is ours, loaded from /api, no tiles. */
export const SOURCE = {
  context: "context",
  constraints: "constraints",
  parks: "parks",
  plots: "plots",
  enclaveLinks: "enclave-links",
  parkPoints: "park-points",
} as const;
export type SourceId = (typeof SOURCE)[keyof typeof SOURCE];

/** Layer ids other code refers to (interaction, selection filters, tests). */
export const LAYER = {
  plotsFill: "plots-fill",
  plotsSelected: "plots-selected",
  parksSelected: "parks-selected",
  enclaveLinks: "enclave-links-line",
} as const;

/** The hatch image id the ecological red line fill uses (generated in code, no sprite). */
export const REDLINE_HATCH_IMAGE = "redline-hatch";
