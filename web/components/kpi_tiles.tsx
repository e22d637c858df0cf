import type { AreaMetrics, IndicatorOut } from "@api/contract.ts";
import { formatIndicatorValue, formatNumber, formatPercent, reasonText, unitLabel } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { Lang } from "../i18n/lang.ts";

/** The TD/T 1029 indicators shown as tiles, in the standard's order (状况 · 程度, 结构, 强度; 效益; 绩效). */
const KPI_KEYS = [
  "developmentRate",
  "supplyRate",
  "builtRate",
  "industrialLandRate",
  "highTechLandRate",
  "far",
  "buildingDensity",
  "industrialFar",
  "industrialCoverage",
  "investmentPerMuWan",
  "taxPerMuWan",
  "idleRate",
] as const satisfies ReadonlyArray<keyof AreaMetrics["indicators"]>;

/** Fractions (1 = 100 %) are shown as percentages. */
const isFraction = (key: string) => /Rate$|Coverage$|Density$/.test(key);

/** An indicator value with its unit, or "—" when it cannot be computed. */
export function formatFigure(fig: Pick<IndicatorOut, "key" | "value" | "unit">, lang: Lang): string {
  if (fig.value === null) return "—";
  if (isFraction(fig.key)) return formatPercent(fig.value, lang);
  return `${formatIndicatorValue(fig.value, lang)}${fig.unit ? ` ${unitLabel(fig.unit, lang)}` : ""}`;
}

function Tile({ fig }: { fig: IndicatorOut }) {
  const { lang } = useI18n();
  return (
    <div className="kpi" data-testid="kpi-tile" data-key={fig.key}>
      <div className="kpi__name" title={reasonText(fig.definition, lang)}>
        {reasonText(fig.name, lang)}
      </div>
      <div className="kpi__value" title={fig.reason ? reasonText(fig.reason, lang) : undefined}>
        {formatFigure(fig, lang)}
      </div>
    </div>
  );
}

/**
 * KPI tiles of the TD/T 1029 indicators (names and definitions from the API, in the UI language), the
 * total 集约度 score, and 工业用地产出强度 against its target with the gap and a progress bar.
 */
export function KpiTiles({ metrics }: { metrics: AreaMetrics }) {
  const { lang, t } = useI18n();
  const output = metrics.indicators.outputPerMuWan;
  const progress = output.progress;
  const total = metrics.scores.total.value;
  const share =
    progress && output.value !== null ? Math.min(1, Math.max(0, output.value / progress.target)) : 0;
  return (
    <div className="kpi-grid">
      <div className="kpi kpi--wide" data-testid="kpi-output" data-on-track={String(progress?.onTrack ?? "")}>
        <div className="kpi__name">{reasonText(output.name, lang)}</div>
        <div className="kpi__value" data-testid="kpi-output-value">
          {formatFigure(output, lang)}
        </div>
        {progress ? (
          <>
            <div
              className="progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share * 100)}
              aria-label={t("dashboard.targetProgress")}
            >
              <span
                className={`progress__bar${progress.onTrack ? " progress__bar--ok" : ""}`}
                style={{ width: `${share * 100}%` }}
              />
            </div>
            <div className="kpi__note">
              {t("dashboard.target", {
                target: `${formatIndicatorValue(progress.target, lang)} ${unitLabel(output.unit, lang)}`,
                year: output.target?.year ?? "",
              })}
              {progress.gap !== null
                ? ` · ${t(progress.gap >= 0 ? "dashboard.gapMet" : "dashboard.gapShort", {
                    gap: formatIndicatorValue(Math.abs(progress.gap), lang),
                  })}`
                : ""}
            </div>
          </>
        ) : null}
      </div>
      <div className="kpi" data-testid="kpi-score">
        <div className="kpi__name">{t("dashboard.totalScore")}</div>
        <div className="kpi__value">{total === null ? "—" : formatNumber(total, lang, 1)}</div>
      </div>
      {KPI_KEYS.map((k) => (
        <Tile key={k} fig={metrics.indicators[k]} />
      ))}
    </div>
  );
}
