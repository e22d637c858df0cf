import { useRef } from "react";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatMu } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatWan } from "./invest_format.ts";
import { fetchInquiries } from "./staff_api.ts";

/** The investment office's list of inquiries from the public form, newest first. */
export function StaffInquiries() {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, reload] = useAsync("staff-inquiries", (signal) => fetchInquiries(langRef.current, signal));
  if (state.status === "loading") return <LoadStatus />;
  if (state.status === "error") return <LoadStatus error={state.error} onRetry={reload} />;
  const { total, items } = state.data;
  return (
    <section className="panel invest-compare" data-testid="staff-inquiries" data-count={total}>
      <h2 className="panel__title">{t("staff.inquiries.count", { count: total })}</h2>
      {items.length === 0 ? <p className="panel__hint">{t("staff.inquiries.empty")}</p> : null}
      <div className="invest-compare__scroll">
        <table>
          <thead>
            <tr>
              <th>{t("staff.inquiries.when")}</th>
              <th>{t("staff.inquiries.contact")}</th>
              <th>{t("staff.inquiries.plot")}</th>
              <th>{t("staff.inquiries.need")}</th>
              <th>{t("staff.inquiries.message")}</th>
              <th>{t("staff.inquiries.status")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="staff-inquiry" data-inquiry-id={i.id}>
                <td>{i.createdAt.replace("T", " ").slice(0, 16)}</td>
                <td>
                  {i.contactName}
                  {i.organisation ? ` · ${i.organisation}` : ""}
                  <br />
                  {[i.email, i.phone, i.country].filter(Boolean).join(" · ")}
                </td>
                <td>
                  {i.plotCode ?? "–"}
                  <br />
                  {(lang === "en" ? i.parkNameEn : i.parkName) ?? ""}
                </td>
                <td>
                  {[
                    i.industry,
                    i.areaMu === null ? null : formatMu(i.areaMu, lang),
                    i.investmentWan === null ? null : formatWan(i.investmentWan, lang),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </td>
                <td>{i.message}</td>
                <td>{t(`staff.inquiryStatus.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
