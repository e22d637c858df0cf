/**
 * The browser side of the session (docs/security.md): the cookie itself is HttpOnly and travels by itself;
 * this keeps the double-submit CSRF token that every POST, PUT, PATCH and DELETE must carry, and tells the
 * login gate when the server says the session has ended.
 */

let csrfToken: string | null = null;
const endedListeners = new Set<() => void>();

/** Stores the CSRF token from `POST /api/auth/login` or `GET /api/auth/me` (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `{"X-CSRF-Token": token}` while signed in, else nothing (the public portal's POSTs need none). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

/** Runs `listener` whenever an API call answers 401 `not_authenticated`; returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

/** Called by the API client on 401 `not_authenticated`: the session expired or was ended elsewhere. */
export function sessionEnded(): void {
  csrfToken = null;
  for (const l of endedListeners) l();
}
