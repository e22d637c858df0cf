import type { PlotDetail } from "@api/contract.ts";
import type { PlotPatch } from "@api/schemas/plot_edit.ts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api_client.ts";
import { hasRole, useAuth } from "../auth/auth_context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PLOT_STATUS_COLORS } from "../map/layers/palette.ts";
import { patchPlot } from "../review_client.ts";

const STATUSES = Object.keys(PLOT_STATUS_COLORS) as PlotDetail["status"][];
const DELAY_CAUSES = ["government", "force_majeure", "enterprise"] as const;

interface PlotEditProps {
  plot: PlotDetail;
  /** Reloads the plot after a save (or to fetch the latest after a conflict). */
  onChanged(): void;
}

/**
 * Planners and admins edit a plot's supply status, land price and delay cause. The save carries the version
 * the panel loaded; when someone saved first the server answers 409 `version_conflict` and the form shows its
 * message with a button to load the latest (nothing is overwritten).
 */
export function PlotEdit({ plot, onChanged }: PlotEditProps) {
  const { lang, t } = useI18n();
  const auth = useAuth();
  const [status, setStatus] = useState(plot.status);
  const [price, setPrice] = useState(plot.landPriceWan === null ? "" : String(plot.landPriceWan));
  const [delay, setDelay] = useState<string>(plot.delayCause ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  // Planners (and admins) edit; the server refuses everyone else anyway.
  if (!hasRole(auth?.me, "planner")) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body: PlotPatch = { version: plot.version };
    if (status !== plot.status) body.status = status;
    const newPrice = price.trim() === "" ? null : Number(price);
    if (newPrice !== plot.landPriceWan) body.landPriceWan = newPrice;
    const newDelay = delay === "" ? null : (delay as (typeof DELAY_CAUSES)[number]);
    if (newDelay !== plot.delayCause) body.delayCause = newDelay;
    if (Object.keys(body).length === 1) return;
    setBusy(true);
    setError(null);
    try {
      await patchPlot(plot.id, body, lang);
      onChanged();
    } catch (err) {
      setError({
        message: err instanceof Error ? err.message : String(err),
        conflict: err instanceof ApiError && err.code === "version_conflict",
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="plot-section" aria-labelledby="plot-edit-title" data-testid="plot-edit">
      <h3 id="plot-edit-title" className="plot-section__title">
        {t("review.edit.title")}
        <span className="plot-section__note"> · {t("review.version", { version: plot.version })}</span>
      </h3>
      <form className="finding-card__form" onSubmit={save}>
        <label>
          {t("review.edit.status")}
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as PlotDetail["status"])}
            data-testid="plot-edit-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`plotStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("review.edit.landPrice")}
          <input
            type="number"
            min={0}
            step="any"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            data-testid="plot-edit-price"
          />
        </label>
        <label>
          {t("review.edit.delayCause")}
          <select value={delay} onChange={(e) => setDelay(e.target.value)} data-testid="plot-edit-delay">
            <option value="">{t("review.edit.delay.none")}</option>
            {DELAY_CAUSES.map((d) => (
              <option key={d} value={d}>
                {t(`review.edit.delay.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy} data-testid="plot-edit-save">
          {t("review.edit.save")}
        </button>
      </form>
      {error ? (
        <div role="alert" className="form-error" data-testid="plot-edit-error" data-conflict={error.conflict}>
          {error.message}{" "}
          {error.conflict ? (
            <button
              type="button"
              className="button button--link"
              onClick={onChanged}
              data-testid="plot-edit-reload"
            >
              {t("review.edit.reload")}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
