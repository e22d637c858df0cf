import type { PlotEditable, PlotEditField, PlotEditFields } from "../schemas/plot_edit.ts";
import type { Queryable } from "./db.ts";

/** API key → column of each editable plot attribute (the only columns PATCH may write). */
const COLUMNS: Readonly<Record<PlotEditField, string>> = {
  status: "status",
  landUseCode: "land_use_code",
  landPriceWan: "land_price_wan",
  declaredAreaM2: "declared_area_m2",
  agreedStartDate: "agreed_start_date",
  extendedStartDate: "extended_start_date",
  actualStartDate: "actual_start_date",
  suspendedSince: "suspended_since",
  delayCause: "delay_cause",
};

const SELECT_EDITABLE = `SELECT pl.id, pl.version, pl.park_id AS "parkId", p.zone_id AS "zoneId",
    pl.status, pl.land_use_code AS "landUseCode", pl.land_price_wan::float8 AS "landPriceWan",
    pl.declared_area_m2::float8 AS "declaredAreaM2", pl.agreed_start_date::text AS "agreedStartDate",
    pl.extended_start_date::text AS "extendedStartDate", pl.actual_start_date::text AS "actualStartDate",
    pl.suspended_since::text AS "suspendedSince", pl.delay_cause AS "delayCause"
  FROM plots pl JOIN parks p ON p.id = pl.park_id WHERE pl.id = $1`;

/** A plot's editable attributes, version, park and zone; `forUpdate` locks the row until the transaction ends. */
export async function getPlotEditable(
  q: Queryable,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<PlotEditable | null> {
  const rows = await q.query<PlotEditable>(
    opts.forUpdate ? `${SELECT_EDITABLE} FOR UPDATE OF pl` : SELECT_EDITABLE,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Writes `changes` to plot `id` if its version is still `version`, bumping the version. Returns the new
 * version, or null when the row changed meanwhile (the caller answers 409). Column names come from `COLUMNS`,
 * values are parameters.
 */
export async function updatePlotFields(
  q: Queryable,
  id: number,
  version: number,
  changes: Partial<PlotEditFields>,
): Promise<number | null> {
  const keys = (Object.keys(changes) as PlotEditField[]).filter((k) => changes[k] !== undefined);
  const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 3}`);
  const rows = await q.query<{ version: number }>(
    `UPDATE plots SET ${[...sets, "version = version + 1", "updated_at = now()"].join(", ")}
      WHERE id = $1 AND version = $2 RETURNING version`,
    [id, version, ...keys.map((k) => changes[k])],
  );
  return rows[0]?.version ?? null;
}
