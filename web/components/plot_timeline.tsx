import type { PlotDetail } from "@api/contract.ts";
import { formatNumber, reasonText } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

const STEPS = [
  "approval",
  "supply",
  "agreedStart",
  "extendedStart",
  "actualStart",
  "suspendedSince",
] as const;

/**
 * The plot's status timeline: approval, supply, agreed and extended start, actual start and suspension
 * dates (those recorded), then the current status; for 批而未供 plots the age since approval.
 */
export function PlotTimeline({ plot }: { plot: PlotDetail }) {
  const { lang, t } = useI18n();
  const steps = STEPS.flatMap((k) => {
    const date = plot.dates[k];
    return date ? [{ key: k, date }] : [];
  });
  const age = plot.approvedUnsuppliedAge.value;
  return (
    <section className="plot-section" aria-labelledby="plot-timeline-title">
      <h3 id="plot-timeline-title" className="plot-section__title">
        {t("plotPanel.timeline")}
      </h3>
      <ol className="timeline" data-testid="plot-timeline">
        {steps.map((s) => (
          <li key={s.key} className="timeline__item" data-step={s.key}>
            <time dateTime={s.date}>{s.date}</time>
            <span>{t(`timeline.${s.key}`)}</span>
          </li>
        ))}
        <li className="timeline__item timeline__item--now">
          <time dateTime={plot.asOf}>{plot.asOf}</time>
          <span>{t("timeline.now", { status: t(`plotStatus.${plot.status}`) })}</span>
        </li>
      </ol>
      {age ? (
        <p className="plot-section__note" data-testid="plot-unsupplied-age">
          {t("timeline.unsuppliedAge", { years: formatNumber(age.years, lang, 1) })}{" "}
          {age.reasons.map((r) => reasonText(r, lang)).join(" ")}
        </p>
      ) : null}
    </section>
  );
}
