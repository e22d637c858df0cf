import { M2_PER_MU } from "../../geo/units.ts";
import type { LandZone, ParkProfile } from "../schemas/land.ts";
import type { Queryable } from "./db.ts";
import { BBOX_COLUMNS, type BboxRow, GEOJSON, toBbox } from "./rows.ts";

/** The public park profile without its aggregates (computed by the route from the metrics sums). */
export type ParkProfileBase = Omit<ParkProfile, "aggregates">;

interface ProfileRow extends BboxRow {
  id: number;
  zone_id: number;
  zone_name: string;
  zone_name_en: string;
  name: string;
  name_en: string;
  role: ParkProfile["role"];
  host_county: string;
  host_county_en: string;
  leading_industries: string[];
  leading_industries_en: string[];
  leading_industry_codes: string[];
  partner_park_id: number | null;
  partner_name: string | null;
  port_name: string | null;
  port_name_en: string | null;
  port_m: number | null;
  rail_name: string | null;
  rail_name_en: string | null;
  rail_m: number | null;
  hw_name: string | null;
  hw_name_en: string | null;
  hw_m: number | null;
  offered_plots: number;
  offered_m2: number;
  boundary: ParkProfile["boundary"];
  is_demo: boolean;
}

const named = (name: string | null, nameEn: string | null, m: number | null) =>
  name === null || m === null ? null : { name, nameEn, distanceM: m };

/** A park's public profile (no finances), or null. */
export async function getParkProfileBase(q: Queryable, id: number): Promise<ParkProfileBase | null> {
  const rows = await q.query<ProfileRow>(
    `SELECT p.id, p.zone_id, z.name AS zone_name, z.name_en AS zone_name_en, p.name, p.name_en, p.role,
       p.host_county, p.host_county_en, p.leading_industries, p.leading_industries_en, p.leading_industry_codes,
       p.partner_park_id, p.partner_name,
       p.nearest_port_name AS port_name, p.nearest_port_name_en AS port_name_en,
       p.nearest_port_distance_m::float8 AS port_m,
       p.nearest_railway_name AS rail_name, p.nearest_railway_name_en AS rail_name_en,
       p.nearest_railway_distance_m::float8 AS rail_m,
       p.nearest_highway_name AS hw_name, p.nearest_highway_name_en AS hw_name_en,
       p.nearest_highway_distance_m::float8 AS hw_m,
       (SELECT count(*)::int FROM plots pl WHERE pl.park_id = p.id AND pl.status IN ('available', 'reclaimed'))
         AS offered_plots,
       (SELECT COALESCE(sum(pl.area_m2), 0)::float8 FROM plots pl
         WHERE pl.park_id = p.id AND pl.status IN ('available', 'reclaimed')) AS offered_m2,
       ${GEOJSON("p.geom")} AS boundary, ${BBOX_COLUMNS("p.geom")}, p.is_demo
       FROM parks p JOIN zones z ON z.id = p.zone_id WHERE p.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const publicEnterprises = await q.query<{ name: string; name_en: string | null; industry_code: string }>(
    `SELECT e.name, e.name_en, e.industry_code FROM enterprises e
      WHERE e.is_name_public AND EXISTS (SELECT 1 FROM plots pl WHERE pl.enterprise_id = e.id AND pl.park_id = $1)
      ORDER BY e.name`,
    [id],
  );
  return {
    id: r.id,
    zoneId: r.zone_id,
    zoneName: r.zone_name,
    zoneNameEn: r.zone_name_en,
    name: r.name,
    nameEn: r.name_en,
    role: r.role,
    county: r.host_county,
    countyEn: r.host_county_en,
    industries: r.leading_industries,
    industriesEn: r.leading_industries_en,
    industryCodes: r.leading_industry_codes,
    partnerParkId: r.partner_park_id,
    partnerName: r.partner_name,
    transport: {
      port: named(r.port_name, r.port_name_en, r.port_m),
      railway: named(r.rail_name, r.rail_name_en, r.rail_m),
      highway: named(r.hw_name, r.hw_name_en, r.hw_m),
    },
    offeredPlots: r.offered_plots,
    offeredAreaMu: r.offered_m2 / M2_PER_MU,
    publicEnterprises: publicEnterprises.map((e) => ({
      name: e.name,
      nameEn: e.name_en,
      industryCode: e.industry_code,
    })),
    bbox: toBbox(r),
    boundary: r.boundary,
    isDemo: r.is_demo,
  };
}

/** Zones with their parks and offered-plot counts, for the portal's filters. */
export async function listLandZones(q: Queryable): Promise<LandZone[]> {
  const rows = await q.query<{
    zone_id: number;
    zone_name: string;
    zone_name_en: string;
    zone_is_demo: boolean;
    id: number | null;
    name: string | null;
    name_en: string | null;
    role: LandZone["parks"][number]["role"] | null;
    offered: number;
  }>(
    `SELECT z.id AS zone_id, z.name AS zone_name, z.name_en AS zone_name_en, z.is_demo AS zone_is_demo,
       p.id, p.name, p.name_en, p.role,
       (SELECT count(*)::int FROM plots pl WHERE pl.park_id = p.id AND pl.status IN ('available', 'reclaimed'))
         AS offered
       FROM zones z LEFT JOIN parks p ON p.zone_id = z.id
      ORDER BY z.id, CASE p.role WHEN 'core' THEN 0 WHEN 'park' THEN 1 ELSE 2 END, p.id`,
  );
  const zones = new Map<number, LandZone>();
  for (const r of rows) {
    let z = zones.get(r.zone_id);
    if (!z) {
      z = { id: r.zone_id, name: r.zone_name, nameEn: r.zone_name_en, isDemo: r.zone_is_demo, parks: [] };
      zones.set(r.zone_id, z);
    }
    if (r.id !== null && r.name !== null && r.name_en !== null && r.role !== null)
      z.parks.push({ id: r.id, name: r.name, nameEn: r.name_en, role: r.role, offeredPlots: r.offered });
  }
  return [...zones.values()];
}
