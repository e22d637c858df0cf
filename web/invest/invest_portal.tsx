import { useEffect, useRef } from "react";
import { DemoBanner } from "../components/demo_banner.tsx";
import { LanguageSwitch } from "../components/language_switch.tsx";
import { PanelBoundary } from "../components/panel_boundary.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import "./invest.css";
import { CompareView } from "./compare_view.tsx";
import { fetchLandZones } from "./invest_api.ts";
import type { InvestRoute } from "./invest_route.ts";
import { LandBrowser } from "./land_browser.tsx";
import { ParkProfilePage } from "./park_profile_page.tsx";
import { PlotFlyer } from "./plot_flyer.tsx";
import { PlotPage } from "./plot_page.tsx";
import { ShareLink } from "./share_link.tsx";

export interface InvestPortalProps {
  route: InvestRoute;
  navigate(route: InvestRoute, replace?: boolean): void;
}

/**
 * The public investor portal (no login): available land with filters and map, plot pages with 标准地
 * conditions and floor prices, park profiles, comparison of up to four plots, an A4 flyer and the inquiry
 * form. Every view is a shareable hash link. Demo data is labelled 示意数据 throughout.
 */
export function InvestPortal({ route, navigate }: InvestPortalProps) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  // The 示意数据 banner shows while any zone on offer holds generated data.
  const [zones] = useAsync("land-zones", (signal) => fetchLandZones(langRef.current, signal));
  const isDemo = zones.status === "ok" && zones.data.some((z) => z.isDemo);
  useEffect(() => {
    // After the I18nProvider's own effect (parents' effects run after children's), which sets the app title.
    queueMicrotask(() => {
      document.title = t("invest.documentTitle");
    });
  }, [t]);

  if (route.view === "flyer")
    return (
      <PanelBoundary name="invest-flyer">
        <PlotFlyer id={route.id} forcedLang={route.lang} />
      </PanelBoundary>
    );

  const go = (view: Parameters<InvestPortalProps["navigate"]>[0]) => navigate(view);
  return (
    <div className="invest">
      <header className="app-header invest-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <div>
            <h1 className="app-header__title" data-testid="invest-title">
              {t("invest.title")}
            </h1>
            <span className="app-header__product">{t("app.brand")}</span>
          </div>
        </div>
        <nav className="invest-nav">
          <a className="button" href="#/invest" data-testid="nav-land">
            {t("invest.nav.land")}
          </a>
          <button
            type="button"
            className="button"
            data-testid="nav-compare"
            disabled={route.compare.length === 0}
            onClick={() => go({ view: "compare", compare: route.compare })}
          >
            {t("invest.nav.compare", { count: route.compare.length })}
          </button>
          <ShareLink />
        </nav>
        <div className="app-header__end">
          {isDemo ? <DemoBanner /> : null}
          <LanguageSwitch />
        </div>
      </header>
      <main className="invest-main">
        <PanelBoundary name={`invest-${route.view}`}>
          {route.view === "land" ? (
            <LandBrowser
              filters={route.filters}
              compare={route.compare}
              onFilters={(filters) => navigate({ view: "land", filters, compare: route.compare }, true)}
              onCompare={(compare) => navigate({ ...route, compare }, true)}
              onOpen={(id) => go({ view: "plot", id, compare: route.compare })}
            />
          ) : null}
          {route.view === "plot" ? (
            <PlotPage
              id={route.id}
              compare={route.compare}
              onCompare={(compare) => navigate({ ...route, compare }, true)}
            />
          ) : null}
          {route.view === "park" ? <ParkProfilePage id={route.id} compare={route.compare} /> : null}
          {route.view === "compare" ? (
            <CompareView ids={route.compare} onCompare={(compare) => navigate({ ...route, compare }, true)} />
          ) : null}
        </PanelBoundary>
      </main>
    </div>
  );
}
