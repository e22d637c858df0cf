import { useId } from "react";
import { formatIndicatorValue } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** One point of a yearly series; `value` null when it cannot be computed (a gap in the line). */
export interface TrendPoint {
  year: number;
  value: number | null;
}

interface TrendChartProps {
  title: string;
  /** Shown after the title, e.g. 万元/亩. */
  unit: string;
  points: readonly TrendPoint[];
  /** A horizontal reference line (target or park average). */
  reference?: { label: string; value: number } | null;
  testId?: string;
}

const W = 280;
const H = 120;
const PAD = { top: 12, right: 10, bottom: 22, left: 44 };

/**
 * A small SVG line chart of a yearly series (no chart library): points, a line through consecutive
 * known values, a dashed reference line, year ticks and min/max value ticks. The values are also listed in
 * a visually hidden table for screen readers.
 */
export function TrendChart({ title, unit, points, reference, testId }: TrendChartProps) {
  const { lang, t } = useI18n();
  const titleId = useId();
  const known = points.filter((p): p is { year: number; value: number } => p.value !== null);
  const values = known.map((p) => p.value);
  if (reference) values.push(reference.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, lo + 1);
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? 0.5 : i / (points.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);

  return (
    <figure className="trend-chart" data-testid={testId}>
      <figcaption id={titleId} className="trend-chart__title">
        {t("legend.titleWithUnit", { name: title, unit })}
      </figcaption>
      {known.length === 0 ? (
        <p className="panel__hint">{t("chart.noData")}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="trend-chart__svg">
          <title>{title}</title>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(lo)} y2={y(lo)} className="trend-chart__axis" />
          <text x={PAD.left - 4} y={y(hi) + 4} className="trend-chart__tick" textAnchor="end">
            {formatIndicatorValue(hi, lang)}
          </text>
          <text x={PAD.left - 4} y={y(lo) + 4} className="trend-chart__tick" textAnchor="end">
            {formatIndicatorValue(lo, lang)}
          </text>
          {reference ? (
            <g className="trend-chart__reference">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(reference.value)} y2={y(reference.value)} />
              <text x={W - PAD.right} y={y(reference.value) - 3} textAnchor="end">
                {reference.label}
              </text>
            </g>
          ) : null}
          {segments.map((d) => (
            <path key={d} d={d} className="trend-chart__line" />
          ))}
          {points.map((p, i) =>
            p.value === null ? null : (
              <circle key={p.year} cx={x(i)} cy={y(p.value)} r={3} className="trend-chart__point">
                <title>{`${p.year}: ${formatIndicatorValue(p.value, lang)} ${unit}`}</title>
              </circle>
            ),
          )}
          {points.map((p, i) => (
            <text key={p.year} x={x(i)} y={H - 6} className="trend-chart__tick" textAnchor="middle">
              {p.year}
            </text>
          ))}
        </svg>
      )}
      <table className="visually-hidden">
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{p.value === null ? t("legend.noData") : formatIndicatorValue(p.value, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
