import type { ConstraintType } from "@api/schemas/enums.ts";
import { useState } from "react";
import type { ConstraintToggles } from "../hooks/use_constraint_toggles.ts";
import type { PlotStyle } from "../hooks/use_plot_style.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/zh_cn.ts";
import {
  BASE_COLORS,
  CONSTRAINT_COLORS,
  ENCLAVE_LINK_COLOR,
  PARK_ROLE_COLORS,
} from "../map/layers/palette.ts";
import { PlotLegend } from "./plot_legend.tsx";

type LegendSymbol =
  | { kind: "fill"; color: string; border?: string }
  | { kind: "line"; color: string; dashed?: boolean; width?: number }
  | { kind: "hatch"; color: string };

function Swatch({ symbol }: { symbol: LegendSymbol }) {
  if (symbol.kind === "fill") {
    return (
      <span
        className="legend__swatch"
        style={{ background: symbol.color, borderColor: symbol.border ?? symbol.color }}
      />
    );
  }
  if (symbol.kind === "hatch") {
    return (
      <span
        className="legend__swatch legend__swatch--hatch"
        style={{ color: symbol.color, borderColor: symbol.color }}
      />
    );
  }
  return (
    <span
      className="legend__line"
      style={{
        borderTopColor: symbol.color,
        borderTopStyle: symbol.dashed ? "dashed" : "solid",
        borderTopWidth: symbol.width ?? 2,
      }}
    />
  );
}

const PARK_ITEMS: Array<[MessageKey, LegendSymbol]> = [
  ["role.core", { kind: "line", color: PARK_ROLE_COLORS.core.line, width: 3 }],
  ["role.park", { kind: "line", color: PARK_ROLE_COLORS.park.line }],
  ["role.enclave", { kind: "line", color: PARK_ROLE_COLORS.enclave.line, dashed: true }],
  ["legend.enclaveLink", { kind: "line", color: ENCLAVE_LINK_COLOR, dashed: true, width: 1.5 }],
];
const CONSTRAINT_SYMBOLS: Record<ConstraintType, LegendSymbol> = {
  permanent_farmland: {
    kind: "fill",
    color: CONSTRAINT_COLORS.farmland,
    border: CONSTRAINT_COLORS.farmlandLine,
  },
  ecological_redline: { kind: "hatch", color: CONSTRAINT_COLORS.redline },
  development_boundary: { kind: "line", color: CONSTRAINT_COLORS.developmentBoundary, dashed: true },
  flood: { kind: "fill", color: CONSTRAINT_COLORS.flood },
  steep_slope: { kind: "fill", color: CONSTRAINT_COLORS.steepSlope },
  other: { kind: "fill", color: CONSTRAINT_COLORS.other },
};
const CONTEXT_ITEMS: Array<[MessageKey, LegendSymbol]> = [
  ["context.road", { kind: "line", color: BASE_COLORS.road, width: 3 }],
  ["context.river", { kind: "line", color: BASE_COLORS.river, width: 3 }],
  ["context.county", { kind: "line", color: BASE_COLORS.countyLine, dashed: true, width: 1 }],
];

function Group({ title, items }: { title: MessageKey; items: Array<[MessageKey, LegendSymbol]> }) {
  const { t } = useI18n();
  return (
    <div className="legend__group">
      <h3 className="legend__group-title">{t(title)}</h3>
      <ul>
        {items.map(([key, symbol]) => (
          <li key={key} className="legend__item">
            <Swatch symbol={symbol} />
            {t(key)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The control layers the zone has, each with a checkbox that shows or hides its map layers. */
function ConstraintGroup({ toggles }: { toggles: ConstraintToggles }) {
  const { t } = useI18n();
  return (
    <fieldset className="legend__group legend__constraints" data-testid="constraint-toggles">
      <legend className="legend__group-title">{t("legend.constraints")}</legend>
      {toggles.present.length === 0 ? <p className="legend__field">{t("legend.noConstraints")}</p> : null}
      {toggles.present.map((type) => (
        <label key={type} className="legend__item legend__toggle-item">
          <input
            type="checkbox"
            data-testid="constraint-toggle"
            data-constraint={type}
            checked={toggles.visible[type]}
            onChange={(e) => toggles.setVisible(type, e.target.checked)}
          />
          <Swatch symbol={CONSTRAINT_SYMBOLS[type]} />
          {t(`constraint.${type}`)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The map legend, collapsible: the plot colouring (indicator, classes, overlays; see PlotLegend),
 * park roles, the zone's control layers (each switchable) and base features.
 */
export function Legend({ plotStyle, constraints }: { plotStyle: PlotStyle; constraints: ConstraintToggles }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  return (
    <aside
      className={`panel legend${open ? "" : " legend--closed"}`}
      data-testid="legend"
      aria-label={t("legend.title")}
    >
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t("legend.title")}
      </button>
      {open ? (
        <div className="legend__body">
          <PlotLegend style={plotStyle} />
          <Group title="legend.parks" items={PARK_ITEMS} />
          <ConstraintGroup toggles={constraints} />
          <Group title="legend.context" items={CONTEXT_ITEMS} />
        </div>
      ) : null}
    </aside>
  );
}
