import { useId } from "react";

/** One bar. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown at the bar's end (formatted value). */
  text: string;
  color?: string;
}

const ROW = 22;
const LABEL_W = 120;
const W = 360;

/**
 * A small horizontal SVG bar chart (no chart library) with labels and values as text, plus an optional
 * dashed reference line (e.g. a target). Values below 0 are drawn as 0.
 */
export function BarChart({
  title,
  bars,
  reference,
  testId,
}: {
  title: string;
  bars: readonly Bar[];
  reference?: { label: string; value: number } | null;
  testId?: string;
}) {
  const titleId = useId();
  const max = Math.max(1e-9, ...bars.map((b) => b.value), reference?.value ?? 0);
  const barW = W - LABEL_W - 70;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * barW;
  const h = bars.length * ROW + 8;
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption id={titleId} className="trend-chart__title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={titleId} className="bar-chart__svg">
        <title>{title}</title>
        {bars.map((b, i) => (
          <g key={b.key} transform={`translate(0, ${i * ROW + 4})`}>
            <text x={LABEL_W - 6} y={14} textAnchor="end" className="bar-chart__label">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
              <title>{b.label}</title>
            </text>
            <rect
              x={LABEL_W}
              y={3}
              width={x(b.value) - LABEL_W}
              height={ROW - 8}
              fill={b.color ?? "#1e4f86"}
            />
            <text x={x(b.value) + 4} y={14} className="bar-chart__value">
              {b.text}
            </text>
          </g>
        ))}
        {reference ? (
          <g className="trend-chart__reference">
            <line x1={x(reference.value)} x2={x(reference.value)} y1={0} y2={h} />
            <text x={x(reference.value) + 3} y={h - 2}>
              {reference.label}
            </text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
