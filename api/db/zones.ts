import type { ZoneTarget } from "../schemas/demo_dataset.ts";
import type { Zone } from "../schemas/zones.ts";
import type { Queryable } from "./db.ts";
import { listParks } from "./parks.ts";
import { BBOX_COLUMNS, type BboxRow, toBbox } from "./rows.ts";

interface ZoneRow extends Partial<Record<keyof BboxRow, number | null>> {
  id: number;
  code: string;
  name: string;
  name_en: string;
  province: string;
  level: Zone["level"];
  policy_profile: string;
  targets: ZoneTarget[];
  is_demo: boolean;
}

/** All zones with their parks; a zone's bbox frames all of its parks. */
export async function listZones(q: Queryable): Promise<Zone[]> {
  const rows = await q.query<ZoneRow>(
    `SELECT z.id, z.code, z.name, z.name_en, z.province, z.level, z.policy_profile, z.targets, z.is_demo, b.*
       FROM zones z
       LEFT JOIN LATERAL (SELECT ${BBOX_COLUMNS("ST_Extent(p.geom)")} FROM parks p WHERE p.zone_id = z.id) b ON true
      ORDER BY z.id`,
  );
  const parks = await listParks(q);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    province: r.province,
    level: r.level,
    policyProfile: r.policy_profile,
    targets: r.targets,
    bbox:
      r.xmin == null || r.ymin == null || r.xmax == null || r.ymax == null
        ? null
        : toBbox({ xmin: r.xmin, ymin: r.ymin, xmax: r.xmax, ymax: r.ymax }),
    isDemo: r.is_demo,
    parks: parks.filter((p) => p.zoneId === r.id),
  }));
}

/** True when a zone with this id exists. */
export async function zoneExists(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>("SELECT EXISTS (SELECT 1 FROM zones WHERE id = $1) AS ok", [
    id,
  ]);
  return rows[0]?.ok === true;
}

/** What the metrics need to know about a zone: level and targets. */
export interface ZoneProfile {
  id: number;
  name: string;
  nameEn: string;
  level: Zone["level"];
  targets: ZoneTarget[];
  isDemo: boolean;
}

/** A zone's profile, or null. */
export async function getZoneProfile(q: Queryable, id: number): Promise<ZoneProfile | null> {
  const rows = await q.query<ZoneProfile>(
    `SELECT id, name, name_en AS "nameEn", level, targets, is_demo AS "isDemo" FROM zones WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
