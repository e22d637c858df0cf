import { DECLARED_AREA_MISMATCH_RATIO } from "./thresholds.ts";

/**
 * Relative deviation of a declared area from the computed one: (declared − computed) / computed.
 * Unit: ratio (0.01 = 1 %); null when either area is missing or the computed area is not positive.
 * @param declaredM2 area stated in the source, m²
 * @param computedM2 area computed on the ellipsoid (`ST_Area(geom::geography)`), m²
 */
export function declaredAreaDeviationRatio(
  declaredM2: number | null,
  computedM2: number | null,
): number | null {
  if (declaredM2 === null || computedM2 === null || !(computedM2 > 0)) return null;
  return (declaredM2 - computedM2) / computedM2;
}

/** True when a declared area deviates from the computed one by more than DECLARED_AREA_MISMATCH_RATIO. */
export function isDeclaredAreaMismatch(declaredM2: number | null, computedM2: number | null): boolean {
  const r = declaredAreaDeviationRatio(declaredM2, computedM2);
  return r !== null && Math.abs(r) > DECLARED_AREA_MISMATCH_RATIO;
}
