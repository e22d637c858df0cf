import type { PlotDetail } from "@api/contract.ts";
import { formatNumber, reasonText } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The findings in words: idle land (闲置土地, 53号令) with stage and fee, low-efficiency rules that fired,
 * lacked data or passed, and the 亩均 grade with its reasons.
 */
export function PlotFindings({ plot }: { plot: PlotDetail }) {
  const { lang, t } = useI18n();
  const { idle, lowEfficiency: low, grade } = plot;
  return (
    <section className="plot-section" aria-labelledby="plot-findings-title" data-testid="plot-findings">
      <h3 id="plot-findings-title" className="plot-section__title">
        {t("plotPanel.findings")}
      </h3>
      <div className="finding-block" data-testid="plot-idle" data-status={idle.status}>
        <h4 className="finding-block__title">
          {t("legend.overlay.idle")}：{t(`idleStatus.${idle.status}`)}
          {idle.stage ? ` · ${t(`idleStage.${idle.stage}`)}` : ""}
        </h4>
        {idle.feeWan !== null ? (
          <p className="plot-section__note">
            {t("plotPanel.idleFee", { fee: formatNumber(idle.feeWan, lang, 2) })}
          </p>
        ) : null}
        <ul className="finding-list">
          {idle.reasons.map((r) => (
            <li key={r.zh}>{reasonText(r, lang)}</li>
          ))}
        </ul>
      </div>
      <div
        className="finding-block"
        data-testid="plot-low-efficiency"
        data-low={low.lowEfficiency ? "true" : "false"}
      >
        <h4 className="finding-block__title">
          {t("legend.overlay.lowEfficiency")}：
          {low.lowEfficiency ? t("plotPanel.lowEfficiencyYes") : t("plotPanel.lowEfficiencyNo")}
        </h4>
        <ul className="finding-list">
          {low.flags.map((f) => (
            <li key={f.rule} className="finding finding--fail">
              <span className="finding__badge">{t(`lowRule.${f.rule}`)}</span>
              {f.reasons.map((r) => reasonText(r, lang)).join(" ")}
            </li>
          ))}
          {low.insufficientData.map((f) => (
            <li key={f.rule} className="finding finding--insufficient_data">
              <span className="finding__badge">{t(`lowRule.${f.rule}`)}</span>
              {f.reasons.map((r) => reasonText(r, lang)).join(" ")}
            </li>
          ))}
          {low.passed.length > 0 ? (
            <li className="finding finding--pass">
              {t("plotPanel.rulesPassed", { rules: low.passed.map((k) => t(`lowRule.${k}`)).join("、") })}
            </li>
          ) : null}
        </ul>
      </div>
      <div className="finding-block" data-testid="plot-grade-reasons">
        <h4 className="finding-block__title">
          {t("indicator.grade")}：{grade.grade ? t(`grade.${grade.grade}`) : t("legend.ungraded")}
        </h4>
        <ul className="finding-list">
          {grade.reasons.map((r) => (
            <li key={r.zh}>{reasonText(r, lang)}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
