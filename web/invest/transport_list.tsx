import type { ParkProfile } from "@api/schemas/land.ts";
import { formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Nearest port, railway station and expressway interchange with distances (or "no data"). */
export function TransportList({ transport }: { transport: ParkProfile["transport"] }) {
  const { lang, t } = useI18n();
  const rows = [
    ["invest.park.port", transport.port],
    ["invest.park.railway", transport.railway],
    ["invest.park.highway", transport.highway],
  ] as const;
  return (
    <dl className="invest-facts" data-testid="transport">
      {rows.map(([key, v]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>
            {v
              ? t("invest.park.distance", {
                  name: lang === "en" && v.nameEn ? v.nameEn : v.name,
                  km: formatNumber(v.distanceM / 1000, lang, 0),
                })
              : t("invest.park.noData")}
          </dd>
        </div>
      ))}
    </dl>
  );
}
