import type { LandZone } from "@api/schemas/land.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { LandFilters as Filters } from "./invest_route.ts";

interface Props {
  filters: Filters;
  zones: LandZone[];
  onChange(filters: Filters): void;
}

const LAND_USES = ["0601", "0604", "1001", "1101"] as const;

const num = (s: string): number | undefined => {
  if (s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** The land list's filters; every change goes to the URL hash (so the filtered list is a shareable link). */
export function LandFilters({ filters, zones, onChange }: Props) {
  const { lang, t } = useI18n();
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const parks = zones
    .filter((z) => filters.zone === undefined || z.id === filters.zone)
    .flatMap((z) => z.parks);
  return (
    <form className="invest-filters panel" data-testid="land-filters" onSubmit={(e) => e.preventDefault()}>
      <h2 className="panel__title">{t("invest.filter.title")}</h2>
      <label>
        {t("invest.filter.zone")}
        <select
          data-testid="filter-zone"
          value={filters.zone ?? ""}
          onChange={(e) => set({ zone: num(e.target.value), park: undefined })}
        >
          <option value="">{t("invest.filter.any")}</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {localName(z, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("invest.filter.park")}
        <select
          data-testid="filter-park"
          value={filters.park ?? ""}
          onChange={(e) => set({ park: num(e.target.value) })}
        >
          <option value="">{t("invest.filter.allParks")}</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>
              {localName(p, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("invest.filter.status")}
        <select
          data-testid="filter-status"
          value={filters.status ?? ""}
          onChange={(e) => {
            const v = e.target.value;
            set({ status: v === "available" || v === "reclaimed" ? v : undefined });
          }}
        >
          <option value="">{t("invest.filter.any")}</option>
          <option value="available">{t("invest.status.available")}</option>
          <option value="reclaimed">{t("invest.status.reclaimed")}</option>
        </select>
      </label>
      <div className="invest-filters__pair">
        <label>
          {t("invest.filter.minMu")}
          <input
            data-testid="filter-min-mu"
            type="number"
            min={0}
            inputMode="decimal"
            value={filters.minMu ?? ""}
            onChange={(e) => set({ minMu: num(e.target.value) })}
          />
        </label>
        <label>
          {t("invest.filter.maxMu")}
          <input
            data-testid="filter-max-mu"
            type="number"
            min={0}
            inputMode="decimal"
            value={filters.maxMu ?? ""}
            onChange={(e) => set({ maxMu: num(e.target.value) })}
          />
        </label>
      </div>
      <label>
        {t("invest.filter.landUse")}
        <select
          data-testid="filter-land-use"
          value={filters.landUse ?? ""}
          onChange={(e) => set({ landUse: e.target.value || undefined })}
        >
          <option value="">{t("invest.filter.any")}</option>
          {LAND_USES.map((code) => (
            <option key={code} value={code}>
              {t(`invest.landUse.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("invest.filter.industry")}
        <input
          data-testid="filter-industry"
          type="search"
          maxLength={50}
          placeholder={t("invest.filter.industryPlaceholder")}
          value={filters.industry ?? ""}
          onChange={(e) => set({ industry: e.target.value.trim() === "" ? undefined : e.target.value })}
        />
      </label>
      <label>
        {t("invest.filter.maxPrice")}
        <input
          data-testid="filter-max-price"
          type="number"
          min={0}
          inputMode="decimal"
          value={filters.maxPrice ?? ""}
          onChange={(e) => set({ maxPrice: num(e.target.value) })}
        />
      </label>
      <label>
        {t("invest.filter.standard")}
        <select
          data-testid="filter-standard"
          value={filters.standard === undefined ? "" : String(filters.standard)}
          onChange={(e) => set({ standard: e.target.value === "" ? undefined : e.target.value === "true" })}
        >
          <option value="">{t("invest.filter.any")}</option>
          <option value="true">{t("invest.filter.standardOnly")}</option>
          <option value="false">{t("invest.filter.standardNone")}</option>
        </select>
      </label>
      <label>
        {t("invest.filter.investment")}
        <input
          data-testid="filter-investment"
          type="number"
          min={0}
          inputMode="decimal"
          value={filters.investment ?? ""}
          onChange={(e) => set({ investment: num(e.target.value) })}
        />
      </label>
      <button type="button" className="button" data-testid="filter-reset" onClick={() => onChange({})}>
        {t("invest.filter.reset")}
      </button>
    </form>
  );
}
