/**
 * Error thrown by geo/ on programmer misuse: a wrong argument that no user data can produce
 * (a malformed ISO date passed as `asOf`, weights that do not sum to 1, a negative share).
 *
 * Invalid user data is not an exception: it comes back as `Result<T, GeoIssue[]>` or as a
 * null-with-reason value. The message names the argument, Turf style.
 * @see ../shared/CONVENTIONS.md §6
 */
export class GeoError extends Error {
  /** Name of the offending argument, e.g. `"asOf"`. */
  readonly argument: string;

  /**
   * @param argument - the argument that was misused
   * @param message - what is wrong with it, e.g. `"must be an ISO date YYYY-MM-DD"`
   */
  constructor(argument: string, message: string) {
    super(`${argument} ${message}`);
    this.name = "GeoError";
    this.argument = argument;
  }
}

/** One problem found in user data; `path` names the field, `zh`/`en` explain it. */
export interface GeoIssue {
  readonly path: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}
