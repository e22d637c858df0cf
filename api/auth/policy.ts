/** Session cookie name. HttpOnly, SameSite=Lax, Path=/, Secure behind https (api/auth/session.ts). */
export const SESSION_COOKIE = "za_session";
/** Session lifetime in seconds: 12 h, one working day; then log in again. */
export const SESSION_TTL_S = 12 * 60 * 60;
/** Failed logins per username and client address within {@link LOGIN_WINDOW_S} before 429 (OWASP: a few). */
export const LOGIN_MAX_FAILURES = 5;
/** Window of the login rate limit in seconds: 15 min. */
export const LOGIN_WINDOW_S = 15 * 60;
/** Header carrying the double-submit CSRF token on POST, PUT, PATCH and DELETE with a session cookie. */
export const CSRF_HEADER = "X-CSRF-Token";
/**
 * Longest time a session lookup is reused from memory (api/auth/session_cache.ts). Logout, disabling or
 * changing an account empties every process's cache at once by notification; this bound only matters when
 * a notification is lost (the listening connection dropped), and never extends a session past its expiry.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Session lookups kept per process (least recently used dropped first). */
export const SESSION_CACHE_MAX = 10_000;
