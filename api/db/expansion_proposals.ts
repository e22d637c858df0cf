import type { MultiPolygon } from "geojson";
import { M2_PER_MU } from "../../geo/units.ts";
import type { Queryable } from "./db.ts";

/** Where a part of a proposal came from (stored as jsonb). */
export type ProposalSource =
  | { kind: "candidate"; rank: number; areaMu?: number | undefined }
  | { kind: "drawn" };

/** One saved version of a proposal. */
export interface ProposalVersion {
  version: number;
  name: string;
  rationale: string;
  sources: ProposalSource[];
  areaMu: number;
  createdAt: string;
  geometry: MultiPolygon;
}

/** A proposal with its latest version's content and its history (without geometries). */
export interface Proposal {
  id: number;
  parkId: number;
  zoneId: number;
  parkName: string;
  currentVersion: number;
  name: string;
  rationale: string;
  sources: ProposalSource[];
  areaMu: number;
  geometry: MultiPolygon;
  createdAt: string;
  updatedAt: string;
  versions: Omit<ProposalVersion, "geometry" | "rationale" | "sources">[];
  isDemo: boolean;
}

interface VersionRow {
  version: number;
  name: string;
  rationale: string;
  sources: ProposalSource[];
  area_m2: number;
  created_at: string;
  geometry: MultiPolygon;
}

const VERSION_COLUMNS = `v.version, v.name, v.rationale, v.sources, v.area_m2::float8 AS area_m2,
  to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  ST_AsGeoJSON(v.geom, 15)::json AS geometry`;

const toVersion = (r: VersionRow): ProposalVersion => ({
  version: r.version,
  name: r.name,
  rationale: r.rationale,
  sources: r.sources,
  areaMu: r.area_m2 / M2_PER_MU,
  createdAt: r.created_at,
  geometry: r.geometry,
});

/** Inserts a proposal and its version 1 (geometry must already be valid with area > 0). */
export async function insertProposal(
  q: Queryable,
  p: { parkId: number; name: string; rationale: string; sources: ProposalSource[]; geometry: MultiPolygon },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO expansion_proposals (park_id) VALUES ($1) RETURNING id`,
    [p.parkId],
  );
  if (!row) throw new Error("proposal not inserted");
  await insertVersion(q, row.id, 1, p);
  return row.id;
}

async function insertVersion(
  q: Queryable,
  id: number,
  version: number,
  p: { name: string; rationale: string; sources: ProposalSource[]; geometry: MultiPolygon },
): Promise<void> {
  await q.query(
    `INSERT INTO expansion_proposal_versions (proposal_id, version, name, rationale, sources, geom)
     VALUES ($1, $2, $3, $4, $5::jsonb, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)))`,
    [id, version, p.name, p.rationale, JSON.stringify(p.sources), JSON.stringify(p.geometry)],
  );
}

/**
 * Appends a version to a proposal when its current version is still `expectedVersion` (optimistic
 * concurrency; the proposal row is locked, so concurrent saves of the same version cannot both pass).
 * Returns the new version number, `{conflict: current}` when someone saved in between, or null when the
 * proposal does not exist.
 */
export async function appendVersion(
  q: Queryable,
  id: number,
  expectedVersion: number,
  next: (current: ProposalVersion) => {
    name: string;
    rationale: string;
    sources: ProposalSource[];
    geometry: MultiPolygon;
  },
): Promise<{ version: number } | { conflict: number } | null> {
  const [head] = await q.query<{ current_version: number }>(
    `SELECT current_version FROM expansion_proposals WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!head) return null;
  // Locked, so of two editors who saw the same version exactly one gets past this.
  if (head.current_version !== expectedVersion) return { conflict: head.current_version };
  const current = await getVersion(q, id, head.current_version);
  if (!current) throw new Error(`proposal ${id} lacks its current version ${head.current_version}`);
  const version = head.current_version + 1;
  await insertVersion(q, id, version, next(current));
  await q.query(`UPDATE expansion_proposals SET current_version = $2, updated_at = now() WHERE id = $1`, [
    id,
    version,
  ]);
  return { version };
}

/** One version of a proposal, or null. */
export async function getVersion(q: Queryable, id: number, version: number): Promise<ProposalVersion | null> {
  const [r] = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM expansion_proposal_versions v WHERE v.proposal_id = $1 AND v.version = $2`,
    [id, version],
  );
  return r ? toVersion(r) : null;
}

/** A proposal with its current version and history, or null. */
export async function getProposal(q: Queryable, id: number): Promise<Proposal | null> {
  const [head] = await q.query<{
    id: number;
    park_id: number;
    zone_id: number;
    park_name: string;
    current_version: number;
    created_at: string;
    updated_at: string;
    is_demo: boolean;
  }>(
    `SELECT e.id, e.park_id, p.zone_id, p.name AS park_name, e.current_version, p.is_demo,
            to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
            to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM expansion_proposals e JOIN parks p ON p.id = e.park_id WHERE e.id = $1`,
    [id],
  );
  if (!head) return null;
  const current = await getVersion(q, id, head.current_version);
  if (!current) throw new Error(`proposal ${id} lacks its current version ${head.current_version}`);
  const history = await q.query<{ version: number; name: string; area_m2: number; created_at: string }>(
    `SELECT version, name, area_m2::float8 AS area_m2,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
       FROM expansion_proposal_versions WHERE proposal_id = $1 ORDER BY version`,
    [id],
  );
  return {
    id: head.id,
    parkId: head.park_id,
    zoneId: head.zone_id,
    parkName: head.park_name,
    currentVersion: head.current_version,
    name: current.name,
    rationale: current.rationale,
    sources: current.sources,
    areaMu: current.areaMu,
    geometry: current.geometry,
    createdAt: head.created_at,
    updatedAt: head.updated_at,
    versions: history.map((h) => ({
      version: h.version,
      name: h.name,
      areaMu: h.area_m2 / M2_PER_MU,
      createdAt: h.created_at,
    })),
    isDemo: head.is_demo,
  };
}

/** Proposal summaries (current version), optionally of one park, newest first. */
export async function listProposals(q: Queryable, parkId: number | undefined, zoneId?: number) {
  const rows = await q.query<{
    id: number;
    park_id: number;
    current_version: number;
    name: string;
    area_m2: number;
    updated_at: string;
  }>(
    `SELECT e.id, e.park_id, e.current_version, v.name, v.area_m2::float8 AS area_m2,
            to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM expansion_proposals e
       JOIN expansion_proposal_versions v ON v.proposal_id = e.id AND v.version = e.current_version
      WHERE ($1::int IS NULL OR e.park_id = $1)
        AND ($2::int IS NULL OR e.park_id IN (SELECT id FROM parks WHERE zone_id = $2))
      ORDER BY e.updated_at DESC, e.id DESC`,
    [parkId ?? null, zoneId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    parkId: r.park_id,
    currentVersion: r.current_version,
    name: r.name,
    areaMu: r.area_m2 / M2_PER_MU,
    updatedAt: r.updated_at,
  }));
}

/** The zone of a proposal's park, or null for an unknown proposal. */
export async function getProposalZoneId(q: Queryable, id: number): Promise<number | null> {
  const rows = await q.query<{ zone_id: number }>(
    "SELECT p.zone_id FROM expansion_proposals e JOIN parks p ON p.id = e.park_id WHERE e.id = $1",
    [id],
  );
  return rows[0]?.zone_id ?? null;
}
