import { M2_PER_MU } from "../../geo/units.ts";
import type { ParkDetail, ParkSummary } from "../schemas/zones.ts";
import type { Queryable } from "./db.ts";
import { BBOX_COLUMNS, type BboxRow, GEOJSON, toBbox } from "./rows.ts";

export interface ParkRow extends BboxRow {
  id: number;
  zone_id: number;
  code: string;
  name: string;
  name_en: string;
  role: ParkSummary["role"];
  host_county: string;
  host_county_en: string;
  leading_industries: string[];
  leading_industries_en: string[];
  approved_area_m2: number | null;
  area_m2: number;
  plot_count: number;
  label_point: { coordinates: [number, number] };
  partner_park_id: number | null;
  partner_name: string | null;
  host_benefit_share_ratio: number | null;
  gk_epsg: number | null;
  is_demo: boolean;
}

const PARK_COLUMNS = `p.id, p.zone_id, p.code, p.name, p.name_en, p.role, p.host_county, p.host_county_en,
  p.leading_industries, p.leading_industries_en, p.approved_area_m2::float8 AS approved_area_m2,
  p.area_m2::float8 AS area_m2, p.partner_park_id, p.partner_name,
  p.host_benefit_share_ratio::float8 AS host_benefit_share_ratio, p.gk_epsg, p.is_demo,
  (SELECT count(*)::int FROM plots pl WHERE pl.park_id = p.id) AS plot_count,
  ${GEOJSON("ST_PointOnSurface(p.geom)")} AS label_point, ${BBOX_COLUMNS("p.geom")}`;

/** Maps a park row to the API's summary shape (areas in 亩). */
export function toParkSummary(r: ParkRow): ParkSummary {
  return {
    id: r.id,
    code: r.code,
    zoneId: r.zone_id,
    name: r.name,
    nameEn: r.name_en,
    role: r.role,
    county: r.host_county,
    countyEn: r.host_county_en,
    industries: r.leading_industries,
    industriesEn: r.leading_industries_en,
    approvedAreaMu: r.approved_area_m2 === null ? null : r.approved_area_m2 / M2_PER_MU,
    boundaryAreaMu: r.area_m2 / M2_PER_MU,
    plotCount: r.plot_count,
    bbox: toBbox(r),
    labelPoint: r.label_point.coordinates,
    partnerParkId: r.partner_park_id,
    partnerName: r.partner_name,
    hostBenefitShareRatio: r.host_benefit_share_ratio,
    gkEpsg: r.gk_epsg,
    isDemo: r.is_demo,
  };
}

/** All parks, ordered by zone, role (core first) and id. */
export async function listParks(q: Queryable): Promise<ParkSummary[]> {
  const rows = await q.query<ParkRow>(
    `SELECT ${PARK_COLUMNS} FROM parks p
      ORDER BY p.zone_id, CASE p.role WHEN 'core' THEN 0 WHEN 'park' THEN 1 ELSE 2 END, p.id`,
  );
  return rows.map(toParkSummary);
}

/** One park with its boundary, or null. */
export async function getPark(q: Queryable, id: number): Promise<ParkDetail | null> {
  const rows = await q.query<
    ParkRow & { zone_name: string; zone_name_en: string; boundary: ParkDetail["boundary"] }
  >(
    `SELECT ${PARK_COLUMNS}, z.name AS zone_name, z.name_en AS zone_name_en, ${GEOJSON("p.geom")} AS boundary
       FROM parks p JOIN zones z ON z.id = p.zone_id WHERE p.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return { ...toParkSummary(r), zoneName: r.zone_name, zoneNameEn: r.zone_name_en, boundary: r.boundary };
}

/** The zone a park belongs to, or null for an unknown park. */
export async function getParkZoneId(q: Queryable, parkId: number): Promise<number | null> {
  const rows = await q.query<{ zone_id: number }>("SELECT zone_id FROM parks WHERE id = $1", [parkId]);
  return rows[0]?.zone_id ?? null;
}
