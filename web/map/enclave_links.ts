import type { ParkSummary } from "@api/schemas/zones.ts";
import type { FeatureCollection, LineString, Point } from "geojson";

/** Properties of one enclave → core link line. */
export interface EnclaveLinkProperties {
  enclaveId: number;
  coreId: number;
}

/**
 * 一核四园: one line from each enclave park's label point to its partner core's label point.
 * Enclaves whose partner is missing from `parks` (another zone, or not recorded) get no line.
 */
export function enclaveLinks(
  parks: readonly ParkSummary[],
): FeatureCollection<LineString, EnclaveLinkProperties> {
  const byId = new Map(parks.map((p) => [p.id, p]));
  const features: FeatureCollection<LineString, EnclaveLinkProperties>["features"] = [];
  for (const park of parks) {
    if (park.role !== "enclave" || park.partnerParkId === null) continue;
    const core = byId.get(park.partnerParkId);
    if (!core) continue;
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates: [park.labelPoint, core.labelPoint] },
      properties: { enclaveId: park.id, coreId: core.id },
    });
  }
  return { type: "FeatureCollection", features };
}

/** Each park's label point with its id and role, for the zoomed-out park dots. */
export function parkPoints(
  parks: readonly ParkSummary[],
): FeatureCollection<Point, { id: number; role: ParkSummary["role"] }> {
  return {
    type: "FeatureCollection",
    features: parks.map((p) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: p.labelPoint },
      properties: { id: p.id, role: p.role },
    })),
  };
}
