/**
 * Dates of the demo as decimal years (2019.5 ≈ 2019-07-02), turned into `YYYY-MM-DD` in UTC.
 */

/** Reference date of the demo's idle-land situation (闲置土地处置办法 2012 applied as of this day). */
export const DEMO_AS_OF = "2025-12-31";
/** {@link DEMO_AS_OF} as a decimal year. */
export const AS_OF_YEAR = 2025.997;
/** First year of the demo's annual statistics. */
export const STATS_FIRST_YEAR = 2020;
/** Last year of the demo's annual statistics. */
export const STATS_LAST_YEAR = 2024;

/** Decimal year → `YYYY-MM-DD` (UTC). */
export function toDate(t: number): string {
  const y = Math.floor(t);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return new Date(start + (t - y) * (end - start)).toISOString().slice(0, 10);
}
