export * from "./area.ts";
export * from "./thresholds.ts";
export * from "./units.ts";
