import { useId, useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { BASEMAPS, type BasemapSettings, isOffsetBasemap } from "../state/basemap.ts";

/**
 * The basemap settings: offline (default) or an online raster basemap — 天地图 with the user's own key,
 * OpenStreetMap, or 高德 with a warning that its GCJ-02 imagery is offset from our data.
 */
export function BasemapSettingsControl({
  settings,
  onChange,
}: {
  settings: BasemapSettings;
  onChange(next: BasemapSettings): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const keyMissing =
    settings.basemap === "tianditu" && !/^[0-9a-zA-Z]{8,64}$/.test(settings.tiandituKey.trim());
  return (
    <div className="map-tool" data-testid="basemap-settings">
      <button
        type="button"
        className="button map-tool__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid="basemap-settings-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        {t("basemap.button")}
      </button>
      {open ? (
        <fieldset id={`${id}-panel`} className="map-tool__panel">
          <legend className="plot-section__title">{t("basemap.title")}</legend>
          {BASEMAPS.map((b) => (
            <label key={b} className="map-tool__option">
              <input
                type="radio"
                name={`${id}-basemap`}
                value={b}
                checked={settings.basemap === b}
                data-testid="basemap-option"
                onChange={() => onChange({ ...settings, basemap: b })}
              />
              {t(`basemap.${b}`)}
            </label>
          ))}
          {settings.basemap === "tianditu" ? (
            <label className="map-tool__field">
              {t("basemap.tiandituKey")}
              <input
                type="text"
                value={settings.tiandituKey}
                autoComplete="off"
                spellCheck={false}
                data-testid="tianditu-key"
                onChange={(e) => onChange({ ...settings, tiandituKey: e.target.value })}
              />
            </label>
          ) : null}
          {keyMissing ? <p className="plot-section__note">{t("basemap.keyMissing")}</p> : null}
          {isOffsetBasemap(settings.basemap) ? (
            <p className="notice" role="alert" data-testid="gcj-warning">
              {t("basemap.gcjWarning")}
            </p>
          ) : null}
          {settings.basemap !== "offline" ? (
            <p className="plot-section__note">{t("basemap.onlineNote")}</p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
