import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt cost parameters (RFC 7914): N = 2^15, r = 8, p = 1 is OWASP's minimum recommendation
 * (Password Storage Cheat Sheet) at ~32 MiB and ~50–100 ms per hash here. They are stored with each hash,
 * so raising them later keeps old hashes verifiable.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scryptAsync(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: 128·N·r bytes plus headroom, or Node refuses N = 2^15.
    scrypt(password, salt, keyLen, { ...opts, maxmem: 256 * (opts.N ?? 0) * (opts.r ?? 8) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt: `scrypt$N$r$p$<salt>$<hash>` (salt and hash base64url). */
export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

/** True when `password` matches `stored` (from {@link hashPassword}); compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") throw new Error("unknown password hash format");
  const [, n, r, p, saltB64 = "", keyB64 = ""] = parts;
  const expected = Buffer.from(keyB64, "base64url");
  const key = await scryptAsync(password, Buffer.from(saltB64, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a random password that nobody knows, verified against when the username does not exist, so that
 * unknown users and wrong passwords take the same time.
 */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64url"));
  return dummyHash;
};

/** A random password for generated accounts: 18 random bytes, 24 base64url characters (144 bits). */
export const generatePassword = (): string => randomBytes(18).toString("base64url");
