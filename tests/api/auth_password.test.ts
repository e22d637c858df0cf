import { describe, expect, test } from "vitest";
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from "../../api/auth/password.ts";
import { assertZoneAccess, canAccessZone } from "../../api/auth/require_role.ts";
import { newToken, tokenHash, tokensEqual } from "../../api/auth/tokens.ts";
import { AppError } from "../../api/errors.ts";

describe("password hashing (scrypt)", () => {
  test("round trip: the right password verifies, a wrong one does not", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  test("parameters are stored with the hash and every hash has its own salt", async () => {
    const a = await hashPassword("same password");
    const b = await hashPassword("same password");
    expect(a).not.toBe(b);
    const [scheme, n, r, p, salt, key] = a.split("$");
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual([
      "scrypt",
      SCRYPT_PARAMS.N,
      SCRYPT_PARAMS.r,
      SCRYPT_PARAMS.p,
    ]);
    expect(Buffer.from(salt ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(key ?? "", "base64url")).toHaveLength(32);
  });

  test("a hash made with other (cheaper) parameters still verifies by its stored parameters", async () => {
    const stored = await hashPassword("pw", { N: 2 ** 10, r: 8, p: 1 });
    expect(stored.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("pw", stored)).toBe(true);
    expect(await verifyPassword("pW", stored)).toBe(false);
  });

  test("an unknown hash format is an error, not a silent mismatch", async () => {
    await expect(verifyPassword("pw", "md5$abc")).rejects.toThrow(/unknown password hash format/);
  });

  test("generated passwords and tokens are long and distinct", () => {
    const pw = new Set(Array.from({ length: 50 }, generatePassword));
    expect(pw.size).toBe(50);
    for (const p of pw) expect(p).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const t = newToken();
    expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect(tokenHash(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, newToken())).toBe(false);
    expect(tokensEqual(t, "")).toBe(false);
  });
});

describe("zone scope", () => {
  test("an account without a zone acts everywhere; a zone account only in its zone", () => {
    expect(canAccessZone({ zoneId: null }, 7)).toBe(true);
    expect(canAccessZone({ zoneId: 7 }, 7)).toBe(true);
    expect(canAccessZone({ zoneId: 7 }, 8)).toBe(false);
    expect(() => assertZoneAccess({ zoneId: 7 }, 8)).toThrow(AppError);
    expect(() => assertZoneAccess({ zoneId: 7 }, 8)).toThrow(/zone_forbidden/);
  });
});
