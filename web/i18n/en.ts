import type { zhCN } from "./zh_cn.ts";

/** English UI strings; the type makes a missing key a compile error. */
export const en: Record<keyof typeof zhCN, string> = {
  "app.brand": "ZoneAtlas",
  "app.title": "Industrial Land Atlas",
  "app.documentTitle": "ZoneAtlas · Industrial Land Atlas",
  "app.skipToMap": "Skip to map",

  "lang.label": "Language",
  "lang.zh": "中文",
  "lang.en": "English",

  "zone.switcherLabel": "Zone",
  "zone.level.national": "National",
  "zone.level.provincial": "Provincial",
  "zone.parkCount": "Parks: {count}",

  "demo.banner": "Illustrative data — not official figures",
  "demo.bannerDetail":
    "Plots, enterprises and statistics are generated for illustration and are not official data.",

  "status.loading": "Loading…",
  "status.loadingLayers": "Loading map layers…",
  "status.error": "Failed to load: {message}",
  "status.retry": "Retry",
  "status.noZones": "No zones available",

  "error.panel": "This panel failed: {message}",
  "error.network": "Cannot reach the server; check the connection and retry",
  "error.badResponse": "The server sent an unreadable response (HTTP {status})",
  "error.parkNotFound": "Park {id} was not found; showing the default zone",
  "error.zoneNotFound": "Zone {id} was not found; showing the default zone",

  "role.core": "Core",
  "role.park": "Park",
  "role.enclave": "Enclave park",

  "parkList.title": "Parks",
  "parkList.showAll": "Show all parks",
  "parkList.county": "County",
  "parkList.area": "Boundary area",
  "parkList.approvedArea": "Approved area",
  "parkList.plotCount": "{count} plots",
  "parkList.plots": "Plots",
  "parkList.partner": "Co-built with core: {name}",
  "parkList.industries": "Leading industries",

  "plotPanel.title": "Plot details",
  "plotPanel.close": "Close",
  "plotPanel.code": "Plot code",
  "plotPanel.park": "Park",
  "plotPanel.status": "Supply status",
  "plotPanel.landUse": "Land-use code",
  "plotPanel.area": "Area",
  "plotPanel.enterprise": "Enterprise",
  "plotPanel.noEnterprise": "None",
  "plotPanel.standardLand": "Standard land",
  "plotPanel.hint": "Click a plot on the map for details",

  "plotStatus.available": "Available",
  "plotStatus.approved_unsupplied": "Approved, not supplied",
  "plotStatus.supplied": "Supplied, not started",
  "plotStatus.under_construction": "Under construction",
  "plotStatus.built": "Built",
  "plotStatus.reclaimed": "Reclaimed",

  "legend.title": "Legend",
  "legend.plotStatus": "Plot status",
  "legend.parks": "Park boundaries",
  "legend.enclaveLink": "Enclave–core link",
  "legend.constraints": "Control layers",
  "legend.context": "Base features",

  "constraint.permanent_farmland": "Permanent farmland",
  "constraint.ecological_redline": "Ecological red line",
  "constraint.development_boundary": "Urban development boundary",
  "constraint.flood": "Flood risk",
  "constraint.steep_slope": "Steep slope",
  "constraint.other": "Other control area",

  "context.road": "Road",
  "context.river": "River",
  "context.county": "County boundary",

  "map.ariaLabel": "Map of zone land",
  "map.coordinates": "Lng {lng}, Lat {lat}",

  "units.mu": "mu",
  "units.ha": "ha",
  "units.areaMuHa": "{mu} ({ha})",
};
