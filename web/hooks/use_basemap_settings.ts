import { useCallback, useState } from "react";
import { BASEMAP_STORAGE_KEY, type BasemapSettings, parseBasemapSettings } from "../state/basemap.ts";

function stored(): string | null {
  try {
    return window.localStorage.getItem(BASEMAP_STORAGE_KEY);
  } catch (err) {
    // Storage can be disabled (privacy mode): the offline default still works.
    console.warn("cannot read the basemap settings", err);
    return null;
  }
}

/** The basemap settings, persisted in localStorage; offline unless the user picked an online basemap. */
export function useBasemapSettings(): [BasemapSettings, (next: BasemapSettings) => void] {
  const [settings, setSettings] = useState<BasemapSettings>(() => parseBasemapSettings(stored()));
  const update = useCallback((next: BasemapSettings) => {
    setSettings(next);
    try {
      window.localStorage.setItem(BASEMAP_STORAGE_KEY, JSON.stringify(next));
    } catch (err) {
      console.warn("cannot persist the basemap settings", err);
    }
  }, []);
  return [settings, update];
}
