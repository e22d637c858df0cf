import { useI18n } from "../i18n/i18n.tsx";

/** Always visible while the shown zone holds illustrative (generated) data. */
export function DemoBanner() {
  const { t } = useI18n();
  return (
    <div className="demo-banner" role="note" title={t("demo.bannerDetail")} data-testid="demo-banner">
      <span className="demo-banner__icon" aria-hidden="true" />
      {t("demo.banner")}
    </div>
  );
}
