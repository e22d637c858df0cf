import { useEffect, useRef } from "react";
import { UserMenu } from "../auth/user_menu.tsx";
import { LanguageSwitch } from "../components/language_switch.tsx";
import { LoadStatus } from "../components/load_status.tsx";
import { PanelBoundary } from "../components/panel_boundary.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import "./invest.css";
import { DemoBanner } from "../components/demo_banner.tsx";
import { fetchLandZones } from "./invest_api.ts";
import { MatchPanel } from "./match_panel.tsx";
import { StaffBenefitSharing } from "./staff_benefit_sharing.tsx";
import { StaffInquiries } from "./staff_inquiries.tsx";
import { StaffReferrals } from "./staff_referrals.tsx";
import { STAFF_TABS, type StaffRoute, staffHash } from "./staff_route.ts";

/**
 * The investment office's internal pages (`#/staff`): inquiries, project matching, the referral ledger and
 * enclave benefit sharing. Not linked from the public portal; behind the sign-in (investment officers and
 * planners, as the server's guards).
 */
export function StaffPortal({ route }: { route: StaffRoute }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [zones, reload] = useAsync("land-zones", (s) => fetchLandZones(langRef.current, s));
  useEffect(() => {
    // After the I18nProvider's own effect (parents' effects run after children's), which sets the app title.
    queueMicrotask(() => {
      document.title = t("staff.title");
    });
  }, [t]);
  const list = zones.status === "ok" ? zones.data : [];
  const zone = list.find((z) => z.id === route.zone) ?? list[0];
  const year = route.year ?? new Date().getFullYear() - 1;
  return (
    <div className="invest">
      <header className="app-header invest-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <h1 className="app-header__title" data-testid="staff-title">
            {t("staff.title")}
          </h1>
        </div>
        <nav className="invest-nav">
          {STAFF_TABS.map((tab) => (
            <a
              key={tab}
              className="button"
              aria-current={tab === route.tab ? "page" : undefined}
              href={staffHash({ ...route, tab })}
              data-testid={`staff-tab-${tab}`}
            >
              {t(`staff.tab.${tab}`)}
            </a>
          ))}
        </nav>
        <div className="app-header__end">
          {zone?.isDemo ? <DemoBanner /> : null}
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main className="invest-main">
        <p className="panel__hint">{t("staff.notice")}</p>
        {zones.status === "loading" ? <LoadStatus /> : null}
        {zones.status === "error" ? <LoadStatus error={zones.error} onRetry={reload} /> : null}
        {zone && route.tab !== "inquiries" ? (
          <form className="invest-nav" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t("staff.zone")}{" "}
              <select
                data-testid="staff-zone"
                value={zone.id}
                onChange={(e) => {
                  window.location.hash = staffHash({ ...route, zone: Number(e.target.value) });
                }}
              >
                {list.map((z) => (
                  <option key={z.id} value={z.id}>
                    {localName(z, lang)}
                  </option>
                ))}
              </select>
            </label>
            {route.tab !== "match" ? (
              <label>
                {t("staff.year")}{" "}
                <input
                  data-testid="staff-year"
                  type="number"
                  min={1990}
                  max={2100}
                  value={year}
                  onChange={(e) => {
                    window.location.hash = staffHash({ ...route, year: Number(e.target.value) });
                  }}
                />
              </label>
            ) : null}
          </form>
        ) : null}
        <PanelBoundary name={`staff-${route.tab}`}>
          {route.tab === "inquiries" ? <StaffInquiries /> : null}
          {zone && route.tab === "match" ? <MatchPanel zone={zone} /> : null}
          {zone && route.tab === "referrals" ? <StaffReferrals zone={zone} year={year} /> : null}
          {zone && route.tab === "sharing" ? <StaffBenefitSharing zone={zone} year={route.year} /> : null}
        </PanelBoundary>
      </main>
    </div>
  );
}
