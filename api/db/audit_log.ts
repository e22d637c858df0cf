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

/** A plot's audit history, newest first: its own edits, those of its findings, and the imports that wrote it. */
export async function listPlotAudit(q: Queryable, plotId: number): Promise<AuditEntry[]> {
  // Imports write plots in bulk and keep their own record (who, when, the previous values of updated plots:
  // imports, import_plot_changes); they join the plot's history here as `import_insert` / `import_update`
  // entries (id = −import id), so the per-plot history shows every change whatever wrote it.
  return q.query<AuditEntry>(
    `SELECT id, at, "userId", username, entity, "entityId", action, before, after FROM (
       SELECT id::int AS id, at AS ts, user_id AS "userId", username, entity, entity_id AS "entityId", action,
              before, after
         FROM audit_log WHERE plot_id = $1
       UNION ALL
       SELECT -i.id, i.created_at, NULL, i.created_by, 'import', i.id, 'import_insert', NULL,
              jsonb_build_object('fileName', i.file_name, 'undone', i.undone_at IS NOT NULL)
         FROM imports i WHERE $1 = ANY (i.inserted_plot_ids)
       UNION ALL
       SELECT -i.id, i.created_at, NULL, i.created_by, 'import', i.id, 'import_update', c.previous,
              jsonb_build_object('fileName', i.file_name, 'undone', i.undone_at IS NOT NULL)
         FROM import_plot_changes c JOIN imports i ON i.id = c.import_id WHERE c.plot_id = $1
     ) e
     CROSS JOIN LATERAL (SELECT to_char(e.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) f
     ORDER BY e.ts DESC, e.id DESC`,
    [plotId],
  );
}
