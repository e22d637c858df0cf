import type { Finding } from "@api/schemas/findings.ts";
import type { TileReviewFilter } from "@api/schemas/tiles.ts";
import { FINDING_STATUSES } from "@geo/finding_workflow.ts";
import { useRef } from "react";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { fetchZoneFindings } from "../review_client.ts";

interface ReviewFilterProps {
  zoneId: number;
  value: TileReviewFilter | null;
  onChange(value: TileReviewFilter | null): void;
  onOpenPlot(plotId: number): void;
  /** Changes whenever findings may have changed (e.g. the opened plot), to reload the list. */
  refreshKey: string;
}

/**
 * The review-status filter of the workspace (reviewers, planners, admins): the map's plot tiles keep only
 * plots with a finding in the chosen status (`review` tile filter), and the matching findings of the zone are
 * listed; a click opens the plot. Nothing is shown without such a session.
 */
export function ReviewFilter({ zoneId, value, onChange, onOpenPlot, refreshKey }: ReviewFilterProps) {
  const { lang, t } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const reads = hasRole(useAuth()?.me, "reviewer", "planner");
  const [state] = useAsync(
    `review-filter:${zoneId}:${value ?? ""}:${refreshKey}:${reads}`,
    async (signal) => {
      if (!reads) return null;
      if (value === null) return [] as Finding[];
      const all = await fetchZoneFindings(zoneId, value === "open" ? null : value, langRef.current, signal);
      return value === "open" ? all.filter((f) => f.status !== "closed") : all;
    },
  );
  if (state.status !== "ok" || state.data === null) return null;
  const findings = state.data;
  return (
    <section className="panel" aria-labelledby="review-filter-title" data-testid="review-filter">
      <h2 id="review-filter-title" className="panel__title">
        {t("review.filterTitle")}
      </h2>
      <label className="finding-card__form">
        {t("review.filterLabel")}
        <select
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value === "" ? null : (e.target.value as TileReviewFilter))}
          data-testid="review-filter-select"
        >
          <option value="">{t("review.filterAll")}</option>
          <option value="open">{t("review.filterOpen")}</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`review.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {value !== null ? (
        <>
          <p className="plot-section__note">{t("review.filterCount", { count: findings.length })}</p>
          <ul className="finding-list" data-testid="review-filter-list">
            {findings.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => onOpenPlot(f.plotId)}
                  data-plot-id={f.plotId}
                >
                  {f.plotCode}
                </button>{" "}
                {t(`review.kind.${f.kind}`)} · {t(`review.status.${f.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
