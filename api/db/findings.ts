import { nextFindingStatuses } from "../../geo/finding_workflow.ts";
import type { PlotRecord } from "../../geo/types.ts";
import type {
  Finding,
  FindingCreate,
  FindingDetail,
  FindingListQuery,
  FindingPhoto,
  FindingTransition,
} from "../schemas/findings.ts";
import type { Queryable } from "./db.ts";
import { PLOT_RECORD_COLUMNS } from "./plot_records.ts";

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FINDING_COLUMNS = `f.id, f.plot_id AS "plotId", pl.code AS "plotCode", pl.park_id AS "parkId",
  p.zone_id AS "zoneId", f.kind, f.status, f.note, f.disposal, f.fee_wan::float8 AS "feeWan",
  f.fee_as_of::text AS "feeAsOf", f.version, f.created_by AS "createdBy",
  ${TS("f.created_at")} AS "createdAt", ${TS("f.updated_at")} AS "updatedAt"`;
const FINDING_FROM =
  "FROM plot_findings f JOIN plots pl ON pl.id = f.plot_id JOIN parks p ON p.id = pl.park_id";

const withNext = (f: Omit<Finding, "next">): Finding => ({ ...f, next: [...nextFindingStatuses(f.status)] });

/**
 * Findings filtered by zone, park, plot, workflow status and kind, newest first. `scopeZone` (the account's
 * zone, null for every zone) restricts the list further.
 */
export async function listFindings(
  q: Queryable,
  f: FindingListQuery,
  scopeZone: number | null,
): Promise<Finding[]> {
  const rows = await q.query<Omit<Finding, "next">>(
    `SELECT ${FINDING_COLUMNS} ${FINDING_FROM}
      WHERE ($1::int IS NULL OR p.zone_id = $1) AND ($2::int IS NULL OR pl.park_id = $2)
        AND ($3::int IS NULL OR f.plot_id = $3) AND ($4::text IS NULL OR f.status = $4)
        AND ($5::text IS NULL OR f.kind = $5) AND ($6::int IS NULL OR p.zone_id = $6)
      ORDER BY f.id DESC`,
    [f.zone ?? null, f.park ?? null, f.plot ?? null, f.status ?? null, f.kind ?? null, scopeZone],
  );
  return rows.map(withNext);
}

/** One finding (no history), optionally locked for update; null when it does not exist. */
export async function getFinding(
  q: Queryable,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<Finding | null> {
  const rows = await q.query<Omit<Finding, "next">>(
    `SELECT ${FINDING_COLUMNS} ${FINDING_FROM} WHERE f.id = $1${opts.forUpdate ? " FOR UPDATE OF f" : ""}`,
    [id],
  );
  const r = rows[0];
  return r ? withNext(r) : null;
}

/** One finding with its transitions (oldest first) and photo metadata; null when it does not exist. */
export async function getFindingDetail(q: Queryable, id: number): Promise<FindingDetail | null> {
  const f = await getFinding(q, id);
  if (!f) return null;
  const [transitions, photos] = await Promise.all([
    q.query<FindingTransition>(
      `SELECT from_status AS "from", to_status AS "to", note, user_id AS "userId", username, ${TS("at")} AS at
         FROM finding_transitions WHERE finding_id = $1 ORDER BY id`,
      [id],
    ),
    q.query<Omit<FindingPhoto, "url">>(
      `SELECT id, media_type AS "mediaType", size_bytes AS "sizeBytes", caption, user_id AS "userId",
              ${TS("created_at")} AS "createdAt"
         FROM finding_photos WHERE finding_id = $1 ORDER BY id`,
      [id],
    ),
  ]);
  return {
    ...f,
    transitions,
    photos: photos.map((p) => ({ ...p, url: `/api/findings/${id}/photos/${p.id}` })),
  };
}

/** The plot's zone and the fields the idle-land rules read; null when the plot does not exist. */
export async function getPlotForFinding(
  q: Queryable,
  plotId: number,
): Promise<(PlotRecord & { zoneId: number }) | null> {
  const rows = await q.query<PlotRecord & { zoneId: number }>(
    `SELECT ${PLOT_RECORD_COLUMNS}, p.zone_id AS "zoneId"
       FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE pl.id = $1`,
    [plotId],
  );
  return rows[0] ?? null;
}

/** Opens a finding (status identified) and records the opening as its first transition; returns its id. */
export async function insertFinding(
  q: Queryable,
  body: FindingCreate,
  actor: { userId: number; username: string },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO plot_findings (plot_id, kind, note, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [body.plotId, body.kind, body.note, actor.userId],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("INSERT … RETURNING id returned no row");
  await insertTransition(q, id, null, "identified", body.note, actor);
  return id;
}

/**
 * Moves finding `id` from `version` to status `to` (with disposal and fee when deciding), bumping the
 * version. Returns the new version, or null when the row changed meanwhile.
 */
export async function updateFindingStatus(
  q: Queryable,
  id: number,
  version: number,
  to: Finding["status"],
  decided: { disposal: Finding["disposal"]; feeWan: number | null; feeAsOf: string | null } | null,
): Promise<number | null> {
  const rows = await q.query<{ version: number }>(
    `UPDATE plot_findings
        SET status = $3, version = version + 1, updated_at = now(),
            disposal = CASE WHEN $4::boolean THEN $5 ELSE disposal END,
            fee_wan = CASE WHEN $4::boolean THEN $6::float8 ELSE fee_wan END,
            fee_as_of = CASE WHEN $4::boolean THEN $7::date ELSE fee_as_of END
      WHERE id = $1 AND version = $2 RETURNING version`,
    [
      id,
      version,
      to,
      decided !== null,
      decided?.disposal ?? null,
      decided?.feeWan ?? null,
      decided?.feeAsOf ?? null,
    ],
  );
  return rows[0]?.version ?? null;
}

/** Records one transition (who, when, from, to, note). */
export async function insertTransition(
  q: Queryable,
  findingId: number,
  from: Finding["status"] | null,
  to: Finding["status"],
  note: string,
  actor: { userId: number; username: string },
): Promise<void> {
  await q.query(
    `INSERT INTO finding_transitions (finding_id, from_status, to_status, note, user_id, username)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [findingId, from, to, note, actor.userId, actor.username],
  );
}

/** Stores a photo's bytes (media type already detected from its magic bytes); returns its id. */
export async function insertPhoto(
  q: Queryable,
  p: {
    findingId: number;
    mediaType: FindingPhoto["mediaType"];
    bytes: Uint8Array;
    caption: string;
    userId: number;
  },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO finding_photos (finding_id, media_type, bytes, size_bytes, caption, user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.findingId, p.mediaType, p.bytes, p.bytes.byteLength, p.caption, p.userId],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("INSERT … RETURNING id returned no row");
  return id;
}

/** A photo's bytes and media type, with its finding's zone; null when absent. */
export async function getPhoto(
  q: Queryable,
  findingId: number,
  photoId: number,
): Promise<{ mediaType: FindingPhoto["mediaType"]; bytes: Uint8Array; zoneId: number } | null> {
  const rows = await q.query<{ mediaType: FindingPhoto["mediaType"]; bytes: Uint8Array; zoneId: number }>(
    `SELECT ph.media_type AS "mediaType", ph.bytes, p.zone_id AS "zoneId"
       FROM finding_photos ph JOIN plot_findings f ON f.id = ph.finding_id
       JOIN plots pl ON pl.id = f.plot_id JOIN parks p ON p.id = pl.park_id
      WHERE ph.finding_id = $1 AND ph.id = $2`,
    [findingId, photoId],
  );
  return rows[0] ?? null;
}
