/**
 * Basemap choices. `offline` (the default) draws only our own layers: nothing leaves the app's origin.
 * The online raster basemaps are opt-in: 天地图 (CGCS2000, needs the user's own key), OpenStreetMap (WGS 84)
 * and 高德 (AMap, GCJ-02: its imagery is shifted 310–370 m against our CGCS2000 data in Yunnan).
 * @see ../shared/domain.md §3 (Basemaps: Tianditu CGCS2000; AMap GCJ-02 offsets at the pilot sites)
 */
export const BASEMAPS = ["offline", "osm", "tianditu", "amap"] as const;
export type Basemap = (typeof BASEMAPS)[number];

export interface BasemapSettings {
  basemap: Basemap;
  /** The user's own 天地图 key (tk); never shipped with the app. */
  tiandituKey: string;
}

export const DEFAULT_BASEMAP_SETTINGS: BasemapSettings = { basemap: "offline", tiandituKey: "" };

/** The localStorage key the settings persist under. */
export const BASEMAP_STORAGE_KEY = "zoneatlas.basemap";

/** Whether a basemap's coordinates are in GCJ-02 (offset against CGCS2000/WGS 84). */
export const isOffsetBasemap = (b: Basemap) => b === "amap";

/** A raster basemap: tile URL templates, attribution and zoom range. */
export interface RasterBasemap {
  tiles: string[];
  attribution: string;
  maxzoom: number;
}

/** Tile URLs of the chosen basemap, or null for `offline` (and for 天地图 without a key). */
export function rasterBasemap(s: BasemapSettings): RasterBasemap | null {
  switch (s.basemap) {
    case "offline":
      return null;
    case "osm":
      return {
        tiles: ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"],
        attribution: "© OpenStreetMap contributors",
        maxzoom: 19,
      };
    case "tianditu": {
      const tk = s.tiandituKey.trim();
      if (!/^[0-9a-zA-Z]{8,64}$/.test(tk)) return null;
      return {
        // Web-Mercator vector map (vec_w), subdomains t0–t7.
        tiles: [0, 1, 2, 3].map(
          (i) =>
            `https://t${i}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
        ),
        attribution: "© 天地图 Tianditu",
        maxzoom: 18,
      };
    }
    case "amap":
      return {
        tiles: [1, 2, 3, 4].map(
          (i) =>
            `https://webrd0${i}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`,
        ),
        attribution: "© 高德 AMap (GCJ-02)",
        maxzoom: 18,
      };
  }
}

/** Settings from stored JSON; anything unrecognised falls back to the offline default. */
export function parseBasemapSettings(stored: string | null): BasemapSettings {
  if (!stored) return DEFAULT_BASEMAP_SETTINGS;
  try {
    const v: unknown = JSON.parse(stored);
    if (typeof v !== "object" || v === null) return DEFAULT_BASEMAP_SETTINGS;
    const basemap = "basemap" in v ? v.basemap : undefined;
    const key = "tiandituKey" in v ? v.tiandituKey : undefined;
    return {
      basemap: (BASEMAPS as readonly unknown[]).includes(basemap) ? (basemap as Basemap) : "offline",
      tiandituKey: typeof key === "string" ? key : "",
    };
  } catch (err) {
    console.warn("ignoring unreadable basemap settings", err);
    return DEFAULT_BASEMAP_SETTINGS;
  }
}
