import type { LandZone } from "@api/schemas/land.ts";
import { type FormEvent, useRef, useState } from "react";
import { sendJson } from "../api_client.ts";
import { LoadStatus } from "../components/load_status.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { formatNumber, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatPercent, formatWan } from "./invest_format.ts";
import { fetchReferrals, fetchReferralTotals } from "./staff_api.ts";

/**
 * The referral ledger of a zone and year (Wenshan rule): entries with both parks' credits, a form to record
 * a referral (split default: the zone's configuration), and per-park totals that reconcile with the zone
 * total to the yuan.
 */
export function StaffReferrals({ zone, year }: { zone: LandZone; year: number }) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [version, setVersion] = useState(0);
  const key = `${zone.id}-${year}-${version}`;
  const [ledger, reloadLedger] = useAsync(`ref-${key}`, (s) =>
    fetchReferrals(zone.id, year, langRef.current, s),
  );
  const [totals, reloadTotals] = useAsync(`tot-${key}`, (s) =>
    fetchReferralTotals(zone.id, year, langRef.current, s),
  );
  const [form, setForm] = useState({
    projectName: "",
    fromParkId: "",
    toParkId: "",
    investmentWan: "",
    fromShareRatio: "",
  });
  const [error, setError] = useState<string | null>(null);
  const name = (zh: string, en: string) => (lang === "en" ? en : zh);
  const yuanAsWan = (yuan: number) => formatWan(yuan / 10_000, lang);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await sendJson(
        "POST",
        "/api/staff/referrals",
        {
          projectName: form.projectName,
          fromParkId: Number(form.fromParkId),
          toParkId: Number(form.toParkId),
          investmentWan: Number(form.investmentWan),
          ...(form.fromShareRatio.trim() === "" ? {} : { fromShareRatio: Number(form.fromShareRatio) }),
          creditYear: year,
          referredOn: new Date().toISOString().slice(0, 10),
        },
        lang,
      );
      setForm({ projectName: "", fromParkId: "", toParkId: "", investmentWan: "", fromShareRatio: "" });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="invest-park">
      <section className="panel invest-compare">
        <h2 className="panel__title">{t("staff.tab.referrals")}</h2>
        {ledger.status === "loading" ? <LoadStatus /> : null}
        {ledger.status === "error" ? <LoadStatus error={ledger.error} onRetry={reloadLedger} /> : null}
        {ledger.status === "ok" ? (
          <div className="invest-compare__scroll">
            <table data-testid="referral-ledger" data-count={ledger.data.length}>
              <thead>
                <tr>
                  <th>{t("staff.ref.project")}</th>
                  <th>{t("staff.ref.from")}</th>
                  <th>{t("staff.ref.to")}</th>
                  <th>{t("staff.ref.investment")}</th>
                  <th>{t("staff.ref.split")}</th>
                  <th>{t("staff.ref.fromCredit")}</th>
                  <th>{t("staff.ref.toCredit")}</th>
                  <th>{t("staff.ref.date")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.data.map((r) => (
                  <tr key={r.id}>
                    <td>{lang === "en" && r.projectNameEn ? r.projectNameEn : r.projectName}</td>
                    <td>{name(r.fromParkName, r.fromParkNameEn)}</td>
                    <td>{name(r.toParkName, r.toParkNameEn)}</td>
                    <td>{formatWan(r.investmentWan, lang)}</td>
                    <td>{formatPercent(r.fromShareRatio, lang)}</td>
                    <td>{yuanAsWan(r.credit.from.creditedYuan)}</td>
                    <td>{yuanAsWan(r.credit.to.creditedYuan)}</td>
                    <td>{r.referredOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <form className="panel invest-inquiry" onSubmit={save} data-testid="referral-form">
        <h3 className="panel__title">{t("staff.ref.add")}</h3>
        <div className="invest-inquiry__grid">
          <label>
            {t("staff.ref.project")}
            <input
              required
              maxLength={200}
              data-testid="ref-project"
              value={form.projectName}
              onChange={(e) => setForm({ ...form, projectName: e.target.value })}
            />
          </label>
          <label>
            {t("staff.ref.investment")}
            <input
              required
              type="number"
              min={0}
              step="any"
              data-testid="ref-investment"
              value={form.investmentWan}
              onChange={(e) => setForm({ ...form, investmentWan: e.target.value })}
            />
          </label>
          {(["fromParkId", "toParkId"] as const).map((k) => (
            <label key={k}>
              {t(k === "fromParkId" ? "staff.ref.from" : "staff.ref.to")}
              <select
                required
                data-testid={`ref-${k}`}
                value={form[k]}
                onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              >
                <option value="" />
                {zone.parks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {localName(p, lang)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            {t("staff.ref.split")}
            <input
              type="number"
              min={0}
              max={1}
              step="any"
              placeholder={t("staff.ref.defaultSplit")}
              data-testid="ref-split"
              value={form.fromShareRatio}
              onChange={(e) => setForm({ ...form, fromShareRatio: e.target.value })}
            />
          </label>
        </div>
        {error ? (
          <p className="invest-error" role="alert" data-testid="ref-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" data-testid="ref-save">
          {t("staff.ref.save")}
        </button>
      </form>
      <section className="panel invest-compare">
        <h3 className="panel__title">{t("staff.ref.totals", { year })}</h3>
        {totals.status === "loading" ? <LoadStatus /> : null}
        {totals.status === "error" ? <LoadStatus error={totals.error} onRetry={reloadTotals} /> : null}
        {totals.status === "ok" ? (
          <table
            data-testid="referral-totals"
            data-reconciled={totals.data.reconciled}
            data-zone-total-yuan={totals.data.zoneTotalYuan}
          >
            <thead>
              <tr>
                <th>{t("staff.ref.park")}</th>
                <th>{t("staff.ref.projects")}</th>
                <th>{t("staff.ref.credited")}</th>
              </tr>
            </thead>
            <tbody>
              {totals.data.parks.map((p) => (
                <tr key={p.parkId}>
                  <td>{name(p.name, p.nameEn)}</td>
                  <td>{formatNumber(p.projects, lang)}</td>
                  <td>{yuanAsWan(p.creditedYuan)}</td>
                </tr>
              ))}
              <tr>
                <th>{t("staff.ref.zoneTotal")}</th>
                <td />
                <th>{yuanAsWan(totals.data.zoneTotalYuan)}</th>
              </tr>
            </tbody>
            <caption>
              {totals.data.reconciled ? t("staff.ref.reconciled") : t("staff.ref.notReconciled")}
            </caption>
          </table>
        ) : null}
      </section>
    </div>
  );
}
