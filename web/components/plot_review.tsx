import type { FindingDetail } from "@api/schemas/findings.ts";
import type { AuditEntry } from "@api/schemas/plot_edit.ts";
import { FINDING_KINDS, type FindingKind } from "@geo/finding_workflow.ts";
import { type FormEvent, useRef, useState } from "react";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import { useAsync } from "../hooks/use_async.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/zh_cn.ts";
import { fetchPlotAudit, fetchPlotFindings, openFinding } from "../review_client.ts";
import { FindingCard } from "./finding_card.tsx";

/** The dictionary key of an audit action (`transition:a->b` → the transition label). */
const actionKey = (a: AuditEntry["action"]): MessageKey =>
  a.startsWith("transition:")
    ? "review.action.transition"
    : a === "open" || a === "update" || a === "add_photo" || a === "import_insert" || a === "import_update"
      ? `review.action.${a}`
      : "review.action.update";

/**
 * The review workflow of one plot (issue 9): its findings (open one, advance it, add photos, see its history)
 * and the plot's audit log. Shown to reviewers, planners and admins; reviewers and admins write. Without a
 * session it says how to get one.
 */
export function PlotReview({ plotId }: { plotId: number }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const me = useAuth()?.me ?? null;
  // Reviewers and planners read (admins too); reviewers write. The server enforces the same.
  const reads = hasRole(me, "reviewer", "planner");
  const writes = hasRole(me, "reviewer");
  const [state, reload] = useAsync(`review:${plotId}:${reads}`, async (signal) => {
    if (!reads) return { findings: [] as FindingDetail[], audit: [] as AuditEntry[] };
    const [findings, audit] = await Promise.all([
      fetchPlotFindings(plotId, langRef.current, signal),
      fetchPlotAudit(plotId, langRef.current, signal),
    ]);
    return { findings, audit };
  });
  const [kind, setKind] = useState<FindingKind>("idle");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === "loading")
    return (
      <section className="plot-section" data-testid="plot-review" data-state="loading">
        <p className="plot-section__note">{t("review.loading")}</p>
      </section>
    );
  if (state.status === "error")
    return (
      <section className="plot-section" data-testid="plot-review" data-state="error">
        <p className="form-error" role="alert">
          {state.error.message}
        </p>
      </section>
    );
  const { findings, audit } = state.data;
  if (!reads)
    return (
      <section className="plot-section" data-testid="plot-review" data-state="anonymous">
        <p className="plot-section__note">{t("review.loginHint")}</p>
      </section>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!writes) return;
    setBusy(true);
    setError(null);
    try {
      await openFinding({ plotId, kind, note }, lang);
      setNote("");
      reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="plot-section"
      aria-labelledby="plot-review-title"
      data-testid="plot-review"
      data-state="ok"
    >
      <h3 id="plot-review-title" className="plot-section__title">
        {t("review.title")}
      </h3>
      {findings.length === 0 ? <p className="plot-section__note">{t("review.none")}</p> : null}
      <ul className="finding-cards" data-testid="finding-list">
        {findings.map((f) => (
          <FindingCard
            key={`${f.id}-${f.version}-${f.photos.length}`}
            finding={f}
            canWrite={writes}
            onChanged={reload}
          />
        ))}
      </ul>
      {writes ? (
        <form className="finding-card__form" onSubmit={submit} data-testid="finding-open-form">
          <h4 className="finding-block__title">{t("review.open")}</h4>
          <label>
            {t("review.kindLabel")}
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as FindingKind)}
              data-testid="finding-kind"
            >
              {FINDING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`review.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("review.noteLabel")}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
              data-testid="finding-open-note"
            />
          </label>
          <button type="submit" className="button" disabled={busy} data-testid="finding-open-submit">
            {t("review.openSubmit")}
          </button>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
      <h4 className="finding-block__title">{t("review.audit")}</h4>
      {audit.length === 0 ? <p className="plot-section__note">{t("review.auditEmpty")}</p> : null}
      <ol className="finding-list" data-testid="plot-audit">
        {audit.map((a) => (
          <li key={a.id} data-action={a.action}>
            {formatDateTime(a.at, lang)} · {a.username} · {t(actionKey(a.action))}
            {a.action.startsWith("transition:") && a.before && a.after
              ? `（${String(a.before.status)} → ${String(a.after.status)}）`
              : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
