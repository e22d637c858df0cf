import type { LandZone } from "@api/schemas/land.ts";
import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatPercent, formatWan } from "./invest_format.ts";
import { fetchBenefitSharing } from "./staff_api.ts";

/** Lincang rule: each enclave's tax and output of the year split between host county and partner park. */
export function StaffBenefitSharing({ zone, year }: { zone: LandZone; year: number | undefined }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync(`sharing-${zone.id}-${year}`, (s) =>
    fetchBenefitSharing(zone.id, year, langRef.current, s),
  );
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const d = state.data;
  const w = (yuan: number) => formatWan(yuan / 10_000, lang);
  const en = lang === "en";
  return (
    <section className="panel invest-compare">
      <h2 className="panel__title">
        {t("staff.tab.sharing")} · {d.year}
      </h2>
      <div className="invest-compare__scroll">
        <table data-testid="benefit-sharing" data-reconciled={d.totals.reconciled}>
          <thead>
            <tr>
              <th>{t("staff.share.enclave")}</th>
              <th>{t("staff.share.shares")}</th>
              <th>{t("staff.share.tax")}</th>
              <th>{t("staff.share.output")}</th>
            </tr>
          </thead>
          <tbody>
            {d.enclaves.map((e) => (
              <tr key={e.parkId}>
                <td>{en ? e.parkNameEn : e.parkName}</td>
                <td>
                  {e.agreement
                    ? `${formatPercent(e.agreement.hostShareRatio, lang)} / ${formatPercent(e.agreement.partnerShareRatio, lang)}`
                    : t("staff.share.noAgreement")}
                </td>
                {([e.tax, e.output] as const).map((s, i) => (
                  <td key={i === 0 ? "tax" : "output"}>
                    {s ? (
                      <>
                        {t("staff.share.total")} {w(s.totalYuan)}
                        <br />
                        {t("staff.share.host", { county: en ? e.hostCountyEn : e.hostCounty })}{" "}
                        {w(s.host.creditedYuan)}
                        <br />
                        {t("staff.share.partner", {
                          park: (en ? e.partnerParkNameEn : e.partnerParkName) ?? "",
                        })}{" "}
                        {w(s.partner.creditedYuan)}
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th>{t("staff.share.total")}</th>
              <td />
              <th>
                {w(d.totals.taxTotalYuan)} = {w(d.totals.taxHostYuan)} + {w(d.totals.taxPartnerYuan)}
              </th>
              <th>
                {w(d.totals.outputTotalYuan)} = {w(d.totals.outputHostYuan)} + {w(d.totals.outputPartnerYuan)}
              </th>
            </tr>
          </tbody>
          <caption>{d.totals.reconciled ? t("staff.ref.reconciled") : t("staff.ref.notReconciled")}</caption>
        </table>
      </div>
    </section>
  );
}
