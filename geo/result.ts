/**
 * `Result<T, E>`: the outcome of an operation on user data that may be invalid.
 *
 * geo/ returns a `Result` for invalid *user data* (an expected outcome) and throws `GeoError` only
 * for programmer misuse (CONVENTIONS §6).
 * @see ../shared/CONVENTIONS.md §6
 */

/** A successful outcome carrying `value`. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed outcome carrying `error` (usually a list of issues). */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/** Either `Ok<T>` or `Err<E>`; discriminate on `ok`. */
export type Result<T, E> = Ok<T> | Err<E>;

/** Wraps a value as a successful `Result`. */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** Wraps an error as a failed `Result`. */
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** True when `r` is `Ok` (type guard). */
export const isOk = <T, E>(r: Result<T, E>): r is Ok<T> => r.ok;

/** True when `r` is `Err` (type guard). */
export const isErr = <T, E>(r: Result<T, E>): r is Err<E> => !r.ok;

/** Applies `f` to the value of an `Ok`, passing an `Err` through unchanged. */
export function mapResult<T, U, E>(r: Result<T, E>, f: (value: T) => U): Result<U, E> {
  return r.ok ? ok(f(r.value)) : r;
}

/** The value of an `Ok`, or `fallback` for an `Err`. */
export function unwrapOr<T, E>(r: Result<T, E>, fallback: T): T {
  return r.ok ? r.value : fallback;
}
