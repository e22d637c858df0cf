import { GeoError } from "./errors.ts";
import type { IsoDate } from "./types.ts";

/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) for the time rules of idle land and 批而未供.
 *
 * **Full years.** Periods counted in years end on the *corresponding day* of the final year; when
 * that month has no such day (29 February in a common year), on the last day of the month
 * (民法典 art. 201–202). The period starts the day after the start date and ends at the end of
 * its anniversary, and an as-of date is read as the end of that day, so on the anniversary itself
 * the year is complete: from 2021-03-01, one full year is reached on 2022-03-01 (not 2022-02-28),
 * and from 2020-02-29 on 2021-02-28.
 *
 * Pure: days are counted with `Date.UTC`, which has no time zone.
 * @see 中华人民共和国民法典 art. 201–202 (计算期间), ../shared/domain.md §5
 */

/** A parsed calendar date (month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * Parses `YYYY-MM-DD`. Throws `GeoError` naming `argument` on anything else: dates reach geo/
 * from SQL `date` columns or zod-validated queries, so a bad one is a programmer error.
 */
export function parseIsoDate(s: IsoDate, argument = "date"): CalendarDate {
  const m = ISO_DATE.exec(s);
  if (!m || !isIsoDate(s)) throw new GeoError(argument, `must be an ISO date YYYY-MM-DD, got "${s}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Writes a `CalendarDate` as `YYYY-MM-DD`. */
export function formatIsoDate(d: CalendarDate): IsoDate {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Day number since 1970-01-01 (UTC). */
const dayNumber = (d: CalendarDate): number => Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(parseIsoDate(to, "to")) - dayNumber(parseIsoDate(from, "from"));
}

/** −1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

const anniversaryOf = (from: CalendarDate, years: number): CalendarDate => {
  const year = from.year + years;
  return { year, month: from.month, day: Math.min(from.day, daysInMonth(year, from.month)) };
};

/**
 * The date `years` whole years after `from`: same month and day, or the month's last day when the
 * day does not exist (2020-02-29 + 1 → 2021-02-28; + 4 → 2024-02-29).
 * @see 民法典 art. 202
 */
export function anniversary(from: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new GeoError("years", `must be an integer, got ${years}`);
  return formatIsoDate(anniversaryOf(parseIsoDate(from, "from"), years));
}

/**
 * Full years from `from` to `to`: how many anniversaries of `from` fall on or before `to`.
 * 2021-03-01 → 2022-02-28 is 0; → 2022-03-01 is 1. Throws `GeoError` when `to` precedes `from`
 * (callers decide what a future trigger date means).
 * @see 民法典 art. 201–202; 闲置土地处置办法 (2012) art. 2 "满一年"
 */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const f = parseIsoDate(from, "from");
  const t = parseIsoDate(to, "to");
  if (dayNumber(t) < dayNumber(f)) throw new GeoError("to", `(${to}) must not precede from (${from})`);
  const n = t.year - f.year;
  return dayNumber(anniversaryOf(f, n)) > dayNumber(t) ? n - 1 : n;
}

/**
 * Fractional years from `from` to `to`: full years plus the elapsed share of the current
 * anniversary year (days since the last anniversary ÷ days until the next). Exactly an integer on
 * each anniversary, so thresholds like "2 years" agree with `fullYearsBetween`.
 * Throws `GeoError` when `to` precedes `from`.
 */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const n = fullYearsBetween(from, to);
  const f = parseIsoDate(from, "from");
  const last = dayNumber(anniversaryOf(f, n));
  const next = dayNumber(anniversaryOf(f, n + 1));
  return n + (dayNumber(parseIsoDate(to, "to")) - last) / (next - last);
}
