import { describe, expect, test } from "vitest";
import {
  DEFAULT_BASEMAP_SETTINGS,
  isOffsetBasemap,
  parseBasemapSettings,
  rasterBasemap,
} from "../../web/state/basemap.ts";

describe("basemap settings", () => {
  test("the default is offline: no tile URL at all", () => {
    expect(DEFAULT_BASEMAP_SETTINGS.basemap).toBe("offline");
    expect(rasterBasemap(DEFAULT_BASEMAP_SETTINGS)).toBeNull();
    expect(parseBasemapSettings(null)).toEqual(DEFAULT_BASEMAP_SETTINGS);
  });

  test("unreadable or unknown stored values fall back to offline", () => {
    expect(parseBasemapSettings("{not json").basemap).toBe("offline");
    expect(parseBasemapSettings('{"basemap":"google"}').basemap).toBe("offline");
    expect(parseBasemapSettings('{"basemap":"osm","tiandituKey":"abc"}')).toEqual({
      basemap: "osm",
      tiandituKey: "abc",
    });
  });

  test("天地图 needs the user's key, which goes into every tile URL", () => {
    expect(rasterBasemap({ basemap: "tianditu", tiandituKey: "" })).toBeNull();
    expect(rasterBasemap({ basemap: "tianditu", tiandituKey: "bad key!" })).toBeNull();
    const r = rasterBasemap({ basemap: "tianditu", tiandituKey: "0123456789abcdef" });
    expect(r?.tiles.every((u) => u.startsWith("https://t") && u.endsWith("&tk=0123456789abcdef"))).toBe(true);
  });

  test("only the GCJ-02 basemap (高德) is flagged as offset", () => {
    expect(isOffsetBasemap("amap")).toBe(true);
    expect(["offline", "osm", "tianditu"].map((b) => isOffsetBasemap(b as "osm"))).toEqual([
      false,
      false,
      false,
    ]);
    expect(rasterBasemap({ basemap: "osm", tiandituKey: "" })?.tiles).toEqual([
      "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    ]);
  });
});
