import { hash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random 32-byte token, base64url (43 characters): session cookies and CSRF tokens. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/**
 * The SHA-256 (hex) under which a session token is stored; the token itself never reaches the database.
 * One-shot `crypto.hash`: it runs on every request with a session cookie (0.4 µs against 2.1 µs for
 * `createHash`).
 */
export const tokenHash = (token: string): string => hash("sha256", token, "hex");

/** Constant-time string equality (for CSRF tokens). */
export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
