import type { PlotDetail } from "@api/contract.ts";
import { formatIndicatorValue, formatPercent, reasonText } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Planned versus built: the planning conditions' FAR range and minimum coverage beside the built FAR and
 * coverage, the 2008 industry minimum FAR, and each compliance check's outcome in words (built plots only).
 */
export function PlotFar({ plot }: { plot: PlotDetail }) {
  const { lang, t } = useI18n();
  const far = plot.latest.far.value;
  const cov = plot.latest.coverage.value;
  const { minFar, maxFar, minCoverageRatio } = plot.planned;
  const dash = "—";
  const fmt = (v: number | null) => (v === null ? dash : formatIndicatorValue(v, lang));
  const pct = (v: number | null) => (v === null ? dash : formatPercent(v, lang));
  const plannedFar =
    minFar === null && maxFar === null
      ? dash
      : t("plotPanel.farRange", { min: fmt(minFar), max: fmt(maxFar) });
  const industry = plot.industryMinFar.value;
  return (
    <section className="plot-section" aria-labelledby="plot-far-title">
      <h3 id="plot-far-title" className="plot-section__title">
        {t("plotPanel.plannedVsBuilt")}
      </h3>
      <table className="data-table data-table--compact" data-testid="plot-far">
        <thead>
          <tr>
            <th scope="col">{t("plotPanel.indicator")}</th>
            <th scope="col">{t("plotPanel.planned")}</th>
            <th scope="col">{t("plotPanel.built")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("indicator.far")}</th>
            <td>{plannedFar}</td>
            <td data-testid="plot-built-far">{fmt(far)}</td>
          </tr>
          <tr>
            <th scope="row">{t("indicator.coverage")}</th>
            <td>{minCoverageRatio === null ? dash : `≥ ${pct(minCoverageRatio)}`}</td>
            <td>{pct(cov)}</td>
          </tr>
          <tr>
            <th scope="row">{t("plotPanel.industryMinFar")}</th>
            <td>{industry ? `≥ ${fmt(industry.minFar)}` : dash}</td>
            <td>{fmt(far)}</td>
          </tr>
        </tbody>
      </table>
      {plot.compliance.applicable ? (
        <ul className="finding-list" data-testid="plot-compliance">
          {plot.compliance.checks.map((c) => (
            <li key={c.check} className={`finding finding--${c.status}`} data-status={c.status}>
              <span className="finding__badge">{t(`check.${c.status}`)}</span>
              {c.reasons.map((r) => reasonText(r, lang)).join(" ")}
            </li>
          ))}
        </ul>
      ) : plot.compliance.reason ? (
        <p className="plot-section__note">{reasonText(plot.compliance.reason, lang)}</p>
      ) : null}
    </section>
  );
}
