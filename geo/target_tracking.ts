import type { NullReason } from "./computed.ts";
import { type Computed, isKnown } from "./computed.ts";
import {
  OUTPUT_INTENSITY_TARGET_NATIONAL_WAN_PER_MU,
  OUTPUT_INTENSITY_TARGET_PROVINCIAL_WAN_PER_MU,
} from "./thresholds.ts";

/**
 * A zone target, as stored in `zones.targets`: reach at least (`min`) or at most (`max`) `target`
 * by `year`. Units are the indicator's.
 * @see ../docs/schema.md (zones.targets), ../shared/domain.md §2
 */
export interface ZoneTarget {
  readonly indicator: string;
  readonly target: number;
  readonly unit: string;
  readonly year: number;
  readonly direction: "min" | "max";
  readonly source: string;
}

/** A value measured against its target. */
export interface TargetProgress {
  readonly value: number | null;
  readonly target: number;
  /** Signed distance in the good direction: value − target (min) or target − value (max); < 0 = short. */
  readonly gap: number | null;
  /** gap ≥ 0; null when the value is unknown. */
  readonly onTrack: boolean | null;
  readonly reason: NullReason | null;
}

/**
 * Progress of `value` toward `target`: gap (positive or zero when met) and whether it is met.
 * An unknown value gives null gap and onTrack with its reason.
 */
export function trackTarget(
  value: Computed,
  target: Pick<ZoneTarget, "target" | "direction">,
): TargetProgress {
  if (!isKnown(value))
    return { value: null, target: target.target, gap: null, onTrack: null, reason: value.reason };
  const gap = target.direction === "min" ? value.value - target.target : target.target - value.value;
  return { value: value.value, target: target.target, gap, onTrack: gap >= 0, reason: null };
}

/**
 * The Guizhou 2025 target for 工业用地产出强度 (`outputPerMuWan`): 500 万元/亩 for national zones,
 * 300 for provincial zones. [firm]
 * @see Guizhou implementation plan (黔科领发〔2021〕1号); ../shared/domain.md §2
 */
export function guizhouOutputTarget(level: "national" | "provincial"): ZoneTarget {
  return {
    indicator: "outputPerMuWan",
    target:
      level === "national"
        ? OUTPUT_INTENSITY_TARGET_NATIONAL_WAN_PER_MU
        : OUTPUT_INTENSITY_TARGET_PROVINCIAL_WAN_PER_MU,
    unit: "万元/亩",
    year: 2025,
    direction: "min",
    source: "黔科领发〔2021〕1号",
  };
}
