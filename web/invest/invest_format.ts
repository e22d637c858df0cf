import type { StandardTerms } from "@api/schemas/land.ts";
import { formatIndicatorValue, formatNumber } from "../i18n/format.ts";
import { type Lang, translate } from "../i18n/lang.ts";
import type { MessageKey } from "../i18n/zh_cn.ts";

/** A 万元/亩 figure, e.g. `18.5 万元/亩` / `18.5 10k yuan/mu`. */
export const formatWanPerMu = (v: number, lang: Lang) =>
  `${formatIndicatorValue(v, lang)} ${translate(lang, "units.wanPerMu")}`;

/** A total in 万元 with one decimal, e.g. `1,234.5 万元`. */
export const formatWan = (v: number, lang: Lang) =>
  translate(lang, "invest.units.wan", { value: formatNumber(v, lang, 1) });

/** A ratio as a percentage, e.g. `30 %`. */
export const formatPercent = (ratio: number, lang: Lang) => `${formatNumber(ratio * 100, lang, 0)} %`;

/** The land-use label of a code by its prefix (0601, 0604, 1001…, 1101…), else the code itself. */
export function landUseLabel(code: string, lang: Lang): string {
  for (const prefix of ["0601", "0604", "1001", "1101"] as const) {
    if (code.startsWith(prefix)) return translate(lang, `invest.landUse.${prefix}` as MessageKey);
  }
  return code;
}

/** The 标准地 rows that are set, as [label, value] in display order. */
export function standardRows(s: StandardTerms, lang: Lang): Array<[string, string]> {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const rows: Array<[string, string]> = [];
  if (s.minInvestmentPerMuWan !== null)
    rows.push([t("invest.std.minInvestment"), formatWanPerMu(s.minInvestmentPerMuWan, lang)]);
  if (s.minOutputPerMuWan !== null)
    rows.push([t("invest.std.minOutput"), formatWanPerMu(s.minOutputPerMuWan, lang)]);
  if (s.minTaxPerMuWan !== null) rows.push([t("invest.std.minTax"), formatWanPerMu(s.minTaxPerMuWan, lang)]);
  if (s.minFar !== null || s.maxFar !== null)
    rows.push([
      t("invest.std.far"),
      t("invest.std.farRange", {
        min: s.minFar === null ? "–" : formatNumber(s.minFar, lang, 1),
        max: s.maxFar === null ? "–" : formatNumber(s.maxFar, lang, 1),
      }),
    ]);
  if (s.minCoverageRatio !== null)
    rows.push([t("invest.std.minCoverage"), formatPercent(s.minCoverageRatio, lang)]);
  if (s.maxEnergyTcePerWan !== null)
    rows.push([
      t("invest.std.maxEnergy"),
      t("invest.units.tcePerWan", { value: formatNumber(s.maxEnergyTcePerWan, lang, 2) }),
    ]);
  if (s.buildMonths !== null)
    rows.push([t("invest.std.buildMonths"), t("invest.std.months", { count: s.buildMonths })]);
  return rows;
}
