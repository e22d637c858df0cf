import type { AuditEntry } from "../schemas/plot_edit.ts";
import type { Queryable } from "./db.ts";

/** Who made an edit (the signed-in account). */
export interface Actor {
  userId: number;
  username: string;
}

/** Writes one audit row; call it inside the edit's transaction so both commit or neither does. */
export async function insertAudit(
  q: Queryable,
  a: {
    actor: Actor;
    entity: AuditEntry["entity"];
    entityId: number;
    plotId: number;
    action: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (user_id, username, entity, entity_id, plot_id, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [
      a.actor.userId,
      a.actor.username,
      a.entity,
      a.entityId,
      a.plotId,
      a.action,
      a.before === null ? null : JSON.stringify(a.before),
      a.after === null ? null : JSON.stringify(a.after),
    ],
  );
}

/** A plot's audit history, newest first (its own edits and those of its findings). */
export async function listPlotAudit(q: Queryable, plotId: number): Promise<AuditEntry[]> {
  return q.query<AuditEntry>(
    `SELECT id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            user_id AS "userId", username, entity, entity_id AS "entityId", action, before, after
       FROM audit_log WHERE plot_id = $1 ORDER BY id DESC`,
    [plotId],
  );
}
