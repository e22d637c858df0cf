import type { LandZone } from "@api/schemas/land.ts";
import { type FormEvent, useState } from "react";
import { sendJson } from "../api_client.ts";
import { formatMu, formatNumber, localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatWanPerMu } from "./invest_format.ts";
import { investHash } from "./invest_route.ts";

interface Ranked {
  rank: number;
  plotId: number;
  plotCode: string;
  parkId: number;
  parkName: string;
  parkNameEn: string;
  areaMu: number;
  floorPricePerMuWan: number | null;
  score: number;
  reasons: Array<{ code: string; zh: string; en: string }>;
  recommendedToAnotherPark: { fromParkId: number; toParkId: number } | null;
}

/** `POST /api/match` for the investment office: a project in, plots ranked across the zone's parks out. */
export function MatchPanel({ zone }: { zone: LandZone }) {
  const { lang, t } = useI18n();
  const [form, setForm] = useState({
    industry: "",
    areaMu: "",
    investmentWan: "",
    outputWan: "",
    energyTce: "",
    park: "",
  });
  const [result, setResult] = useState<{ ranked: Ranked[]; excluded: unknown[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opt = (s: string) => (s.trim() === "" ? null : Number(s));

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setResult(
        await sendJson(
          "POST",
          "/api/match",
          {
            industry: form.industry,
            areaMu: Number(form.areaMu),
            investmentWan: Number(form.investmentWan),
            expectedOutputWan: opt(form.outputWan),
            energyTce: opt(form.energyTce),
            preferredParkId: opt(form.park),
            zoneId: zone.id,
            limit: 20,
          },
          lang,
        ),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const fields = [
    ["industry", "staff.match.industry", "text"],
    ["areaMu", "staff.match.areaMu", "number"],
    ["investmentWan", "staff.match.investmentWan", "number"],
    ["outputWan", "staff.match.outputWan", "number"],
    ["energyTce", "staff.match.energyTce", "number"],
  ] as const;
  const parkName = (id: number) => {
    const p = zone.parks.find((x) => x.id === id);
    return p ? localName(p, lang) : String(id);
  };
  return (
    <div className="invest-park">
      <form className="panel invest-inquiry" onSubmit={run} data-testid="match-form">
        <div className="invest-inquiry__grid">
          {fields.map(([k, label, type]) => (
            <label key={k}>
              {t(label)}
              <input
                data-testid={`match-${k}`}
                type={type}
                required={k === "industry" || k === "areaMu" || k === "investmentWan"}
                {...(type === "number" ? { min: 0, step: "any" } : { maxLength: 50 })}
                value={form[k]}
                onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              />
            </label>
          ))}
          <label>
            {t("staff.match.preferredPark")}
            <select
              data-testid="match-park"
              value={form.park}
              onChange={(e) => setForm({ ...form, park: e.target.value })}
            >
              <option value="">{t("staff.match.none")}</option>
              {zone.parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {localName(p, lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error ? (
          <p className="invest-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" data-testid="match-run">
          {t("staff.match.run")}
        </button>
      </form>
      {result ? (
        <section className="panel invest-compare">
          <p className="panel__hint">{t("staff.match.excluded", { count: result.excluded.length })}</p>
          <table data-testid="match-results" data-count={result.ranked.length}>
            <thead>
              <tr>
                <th>{t("staff.match.rank")}</th>
                <th>{t("staff.ref.park")}</th>
                <th>{t("invest.plot.area")}</th>
                <th>{t("invest.plot.floorPrice")}</th>
                <th>{t("staff.match.score")}</th>
                <th>{t("staff.match.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {result.ranked.map((r) => (
                <tr
                  key={r.plotId}
                  data-testid="match-row"
                  data-recommended={r.recommendedToAnotherPark !== null}
                >
                  <td>{r.rank}</td>
                  <td>
                    <a href={investHash({ view: "plot", id: r.plotId, compare: [] })}>{r.plotCode}</a>
                    <br />
                    {lang === "en" ? r.parkNameEn : r.parkName}
                    {r.recommendedToAnotherPark ? (
                      <>
                        <br />
                        <strong>
                          {t("staff.match.recommended", {
                            park: parkName(r.recommendedToAnotherPark.toParkId),
                          })}
                        </strong>
                      </>
                    ) : null}
                  </td>
                  <td>{formatMu(r.areaMu, lang)}</td>
                  <td>{r.floorPricePerMuWan === null ? "–" : formatWanPerMu(r.floorPricePerMuWan, lang)}</td>
                  <td>{formatNumber(r.score * 100, lang, 0)}</td>
                  <td>
                    <ul>
                      {r.reasons.map((x) => (
                        <li key={x.code}>{lang === "en" ? x.en : x.zh}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
