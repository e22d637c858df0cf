import type { Disposal, FindingDetail, FindingStatus } from "@api/schemas/findings.ts";
import { DISPOSALS } from "@geo/finding_workflow.ts";
import { type FormEvent, useState } from "react";
import { formatDateTime, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { advanceFinding, uploadFindingPhoto } from "../review_client.ts";

interface FindingCardProps {
  finding: FindingDetail;
  /** The session's CSRF token when the account may write (reviewer, admin); null: read-only. */
  /** The account may advance the finding and add photos (reviewers, admins). */
  canWrite: boolean;
  /** Called after a successful write (reload the list and the audit history). */
  onChanged(): void;
}

/**
 * One finding: kind, status, disposal and fee, evidence note and photos, the transition history, and — for
 * reviewers — the next step (with disposal when deciding) and a photo upload. Errors (409 stale version,
 * 413, 415, 422) show the server's message.
 */
export function FindingCard({ finding: f, canWrite, onChanged }: FindingCardProps) {
  const { lang, t } = useI18n();
  const [to, setTo] = useState<FindingStatus | "">(f.next[0] ?? "");
  const [disposal, setDisposal] = useState<Disposal>("fee");
  const [note, setNote] = useState("");
  const [caption, setCaption] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const statusText = (s: FindingStatus) => t(`review.status.${s}`);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const advance = (e: FormEvent) => {
    e.preventDefault();
    if (!canWrite || to === "") return;
    void run(() =>
      advanceFinding(
        f.id,
        { to, version: f.version, note, ...(to === "disposal_decided" ? { disposal } : {}) },
        lang,
      ),
    );
  };
  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (!canWrite || !file) return;
    void run(() => uploadFindingPhoto(f.id, file, caption, lang));
  };

  return (
    <li className="finding-card" data-testid="finding" data-finding-id={f.id} data-status={f.status}>
      <h4 className="finding-block__title">
        {t(`review.kind.${f.kind}`)}：<span data-testid="finding-status">{statusText(f.status)}</span>
        <span className="plot-section__note"> · {t("review.version", { version: f.version })}</span>
      </h4>
      {f.note ? <p className="plot-section__note">{f.note}</p> : null}
      {f.disposal ? (
        <p className="plot-section__note" data-testid="finding-disposal">
          {t("review.disposalLabel")}：{t(`review.disposal.${f.disposal}`)}
          {f.feeWan !== null && f.feeAsOf !== null
            ? ` · ${t("review.fee", { fee: formatNumber(f.feeWan, lang, 2), asOf: f.feeAsOf })}`
            : ""}
        </p>
      ) : null}
      <h5 className="finding-card__subtitle">{t("review.history")}</h5>
      <ol className="finding-list" data-testid="finding-history">
        {f.transitions.map((x) => (
          <li key={`${x.at}-${x.to}`}>
            {x.from === null
              ? `${t("review.opened")}：${statusText(x.to)}`
              : t("review.transition", { from: statusText(x.from), to: statusText(x.to) })}
            {" — "}
            {t("review.by", { user: x.username, at: formatDateTime(x.at, lang) })}
            {x.note ? `：${x.note}` : ""}
          </li>
        ))}
      </ol>
      {f.photos.length > 0 ? (
        <div className="finding-card__photos" data-testid="finding-photos">
          {f.photos.map((p) => (
            <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
              <img
                src={p.url}
                alt={p.caption || t("review.photoAlt", { id: f.id, photo: p.id })}
                width={96}
              />
            </a>
          ))}
        </div>
      ) : null}
      {canWrite && f.next.length > 0 ? (
        <form className="finding-card__form" onSubmit={advance} data-testid="finding-advance-form">
          <label>
            {t("review.nextLabel")}
            <select
              value={to}
              onChange={(e) => setTo(e.target.value as FindingStatus)}
              data-testid="finding-next"
            >
              {f.next.map((s) => (
                <option key={s} value={s}>
                  {statusText(s)}
                </option>
              ))}
            </select>
          </label>
          {to === "disposal_decided" ? (
            <label>
              {t("review.disposalLabel")}
              <select
                value={disposal}
                onChange={(e) => setDisposal(e.target.value as Disposal)}
                data-testid="finding-disposal-select"
              >
                {DISPOSALS.map((d) => (
                  <option key={d} value={d}>
                    {t(`review.disposal.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            {t("review.noteLabel")}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="finding-note" />
          </label>
          <button type="submit" className="button" disabled={busy} data-testid="finding-advance">
            {t("review.advance")}
          </button>
        </form>
      ) : null}
      {canWrite && f.status !== "closed" ? (
        <form className="finding-card__form" onSubmit={upload}>
          <label>
            {t("review.photoFile")}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="finding-photo-file"
            />
          </label>
          <label>
            {t("review.photoCaption")}
            <input value={caption} onChange={(e) => setCaption(e.target.value)} />
          </label>
          <button
            type="submit"
            className="button"
            disabled={busy || !file}
            data-testid="finding-photo-upload"
          >
            {t("review.upload")}
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="finding-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
