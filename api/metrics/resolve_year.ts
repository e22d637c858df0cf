import { AppError } from "../errors.ts";

/**
 * The statistics year to report: the asked one if statistics exist for it, else 404 `year_not_found`
 * listing the available years; by default the latest available (or last calendar year when none).
 */
export function resolveYear(
  asked: number | undefined,
  available: readonly number[],
  today = new Date(),
): number {
  if (asked === undefined) return available.at(-1) ?? today.getFullYear() - 1;
  if (!available.includes(asked)) {
    throw new AppError("year_not_found", {
      year: asked,
      available: available.length ? available.join(", ") : "—",
    });
  }
  return asked;
}
