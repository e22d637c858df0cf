import { useI18n } from "../i18n/i18n.tsx";
import type { ImportHistoryRow } from "../import_client.ts";

interface ImportHistoryProps {
  rows: readonly ImportHistoryRow[];
  busy: boolean;
  onUndo(id: number): void;
}

/** The ids of the imports undo can take back: the newest one in force of each target. */
export function undoableIds(rows: readonly ImportHistoryRow[]): Set<number> {
  const out = new Set<number>();
  const seen = new Set<string>();
  for (const r of [...rows].sort((a, b) => b.id - a.id)) {
    if (r.undoneAt !== null || seen.has(r.target)) continue;
    seen.add(r.target);
    out.add(r.id);
  }
  return out;
}

/** Import history, newest first (who, when, what), with undo on the latest import of each target. */
export function ImportHistory({ rows, busy, onUndo }: ImportHistoryProps) {
  const { lang, t } = useI18n();
  const undoable = undoableIds(rows);
  return (
    <section className="import-history" data-testid="import-history" aria-label={t("import.history")}>
      <h3>{t("import.history")}</h3>
      {rows.length === 0 ? <p>{t("import.history.empty")}</p> : null}
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-testid={`import-history-${r.id}`} data-undone={r.undoneAt !== null}>
            <span>
              {t("import.history.row", {
                id: r.id,
                file: r.fileName,
                target: t(`import.target.${r.target}`),
                who: r.createdBy,
                when: new Date(r.createdAt).toLocaleString(lang),
              })}
            </span>
            <span className="import-history__counts">
              {t("import.history.counts", { inserted: r.insertedCount, updated: r.updatedCount })}
            </span>
            {r.undoneAt !== null ? (
              <span className="import-history__undone">{t("import.history.undone")}</span>
            ) : undoable.has(r.id) ? (
              <button
                type="button"
                className="button button--small"
                data-testid={`import-undo-${r.id}`}
                disabled={busy}
                onClick={() => onUndo(r.id)}
              >
                {t("import.undo")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
