const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);

/** True for errors that mean "the database is unreachable or restarting" (→ 503), not a bad query. */
export function isConnectionError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  const msg = (err as { message?: unknown }).message;
  return (
    typeof msg === "string" &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(msg)
  );
}
