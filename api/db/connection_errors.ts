/**
 * Error codes meaning "the database is unreachable, restarting or out of connections": network
 * errors of the socket, SQLSTATE class 08 (connection exception), 57P01 admin_shutdown (a fast or
 * immediate shutdown terminates sessions), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting
 * up or shutting down), 53300 too_many_connections.
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/**
 * Messages node-postgres and pg-pool raise without a code: the socket closed mid-query, the pool's
 * connect timeout, a client broken earlier, a pool closed by shutdown.
 */
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end on the pool/i;

/** True for errors that mean "the database is unreachable or restarting" (→ 503), not a bad query. */
export function isConnectionError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  // Node's net errors for a host with several addresses (localhost → ::1 and 127.0.0.1) come as one
  // AggregateError whose members carry the codes.
  if (err instanceof AggregateError && err.errors.some(isConnectionError)) return true;
  const msg = (err as { message?: unknown }).message;
  return typeof msg === "string" && CONNECTION_MESSAGES.test(msg);
}

/** True for a statement cancelled by `statement_timeout` (SQLSTATE 57014 query_canceled). */
export function isStatementTimeout(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "57014";
}
