import type { ParkSummary } from "@api/schemas/zones.ts";
import type { ExpansionWeights } from "@geo/expansion_score.ts";
import { useState } from "react";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import type { useExpansion } from "../hooks/use_expansion.ts";
import { formatMu, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

interface ExpansionPanelProps {
  park: ParkSummary;
  state: ReturnType<typeof useExpansion>;
}

const WEIGHT_KEYS: readonly (keyof ExpansionWeights)[] = ["proximity", "adjacency", "compactness", "size"];

/**
 * Expansion (扩区) for the selected park: candidate land ranked by adjustable weights, a boundary drawn
 * on the map with its live ≈ area (geo/), a control-line check, saving as a proposal with versions,
 * and links to the application pack.
 */
export function ExpansionPanel({ park, state: s }: ExpansionPanelProps) {
  const { lang, t } = useI18n();
  const [name, setName] = useState("");
  const [rationale, setRationale] = useState("");
  // Saving proposals is the planners' (the server refuses others with 403).
  const canSave = hasRole(useAuth()?.me, "planner");
  const pct = (x: number) => `${formatNumber(x * 100, lang, 1)} %`;
  const packBase = s.saved ? `/api/expansion/proposals/${s.saved.id}` : null;

  return (
    <section
      className="panel expansion-panel"
      data-testid="expansion-panel"
      aria-labelledby="expansion-title"
    >
      <header className="panel__header">
        <h2 id="expansion-title" className="panel__title">
          {t("expansion.title")}
        </h2>
      </header>
      <p className="panel__hint">{t("expansion.hint")}</p>
      {park.isDemo ? <p className="expansion-panel__demo">{t("expansion.demoNote")}</p> : null}
      <fieldset className="expansion-panel__weights">
        <legend>{t("expansion.weights")}</legend>
        {WEIGHT_KEYS.map((k) => (
          <label key={k}>
            {t(`expansion.weight.${k}`)}
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={s.weights[k]}
              data-testid={`expansion-weight-${k}`}
              onChange={(e) => s.setWeights({ ...s.weights, [k]: Number(e.target.value) })}
            />
            <span>{formatNumber(s.weights[k], lang, 2)}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={s.busy} onClick={s.findCandidates} data-testid="expansion-find">
        {t("expansion.findCandidates")}
      </button>
      {s.candidates ? (
        <div data-testid="expansion-candidates" data-count={s.candidates.features.length}>
          {s.candidates.warnings.map((w) => (
            <p key={w.code} className="notice" role="alert">
              {w.message}
            </p>
          ))}
          {s.candidates.features.length === 0 ? (
            <p>{t("expansion.noCandidates")}</p>
          ) : (
            <>
              <p>
                {t("expansion.candidates", {
                  count: s.candidates.features.length,
                  area: formatMu(s.candidates.totalAreaMu, lang),
                })}
              </p>
              <ul className="expansion-panel__list">
                {s.candidates.features.slice(0, 20).map((f) => (
                  <li key={f.properties.rank}>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.ranks.includes(f.properties.rank)}
                        onChange={() => s.toggleRank(f.properties.rank)}
                      />
                      {t("expansion.candidateRow", {
                        rank: f.properties.rank,
                        area: formatMu(f.properties.areaMu, lang),
                        score: formatNumber(f.properties.score, lang, 1),
                      })}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      <button type="button" onClick={() => s.setDrawing(!s.drawing)} data-testid="expansion-draw">
        {s.drawing ? t("expansion.stopDraw") : t("expansion.draw")}
      </button>
      {s.drawing ? <p className="panel__hint">{t("expansion.drawHint")}</p> : null}
      {s.liveAreaMu !== null ? (
        <p data-testid="expansion-live-area" data-area-mu={s.liveAreaMu}>
          {t("expansion.liveArea", { area: formatMu(s.liveAreaMu, lang) })}
        </p>
      ) : null}
      <button
        type="button"
        disabled={s.busy || !s.geometry}
        onClick={s.runCheck}
        data-testid="expansion-check"
      >
        {t("expansion.check")}
      </button>
      {s.check ? (
        <div data-testid="expansion-verdict" data-verdict={s.check.verdict}>
          <p>
            <strong>{t(`expansion.verdict.${s.check.verdict}`)}</strong>
            {s.check.insideBoundaryRatio !== null
              ? ` · ${t("expansion.insideBoundary", { pct: pct(s.check.insideBoundaryRatio) })}`
              : null}
          </p>
          <ul>
            {s.check.reasons.map((r) => (
              <li key={r.en}>{lang === "en" ? r.en : r.zh}</li>
            ))}
            {s.check.warnings.map((w) => (
              <li key={w.code} role="alert">
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canSave ? (
        <>
          <label className="expansion-panel__field">
            {t("expansion.name")}
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="expansion-name" />
          </label>
          <label className="expansion-panel__field">
            {t("expansion.rationale")}
            <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={3} />
          </label>
          <button
            type="button"
            disabled={s.busy || !s.geometry || name.trim() === ""}
            onClick={() => s.save(name.trim(), rationale)}
            data-testid="expansion-save"
          >
            {s.saved ? t("expansion.saveVersion") : t("expansion.save")}
          </button>
        </>
      ) : null}
      {s.error ? (
        <p className="notice" role="alert" data-testid="expansion-error">
          {s.error}
        </p>
      ) : null}
      {s.saved && packBase ? (
        <div
          data-testid="expansion-saved"
          data-proposal-id={s.saved.id}
          data-version={s.saved.currentVersion}
        >
          <p>
            {t("expansion.saved", {
              name: s.saved.name,
              version: s.saved.currentVersion,
              area: formatMu(s.saved.areaMu, lang),
            })}
          </p>
          <p>
            {t("expansion.pack")}: <a href={`${packBase}/pack.html`}>{t("expansion.packHtml")}</a> ·{" "}
            <a href={`${packBase}/pack.pdf`}>{t("expansion.packPdf")}</a> ·{" "}
            <a href={`${packBase}/boundary.zip`}>{t("expansion.packShp")}</a> ·{" "}
            <a href={`${packBase}/tables.xlsx`}>{t("expansion.packXlsx")}</a>
          </p>
        </div>
      ) : null}
      <button type="button" onClick={s.loadProposals}>
        {t("expansion.loadProposals")}
      </button>
      {s.proposals ? (
        s.proposals.length === 0 ? (
          <p>{t("expansion.noProposals")}</p>
        ) : (
          <ul data-testid="expansion-proposals">
            {s.proposals.map((p) => (
              <li key={p.id}>
                <a href={`/api/expansion/proposals/${p.id}/pack.html`}>{p.name}</a> · v{p.currentVersion} ·{" "}
                {formatMu(p.areaMu, lang)}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
