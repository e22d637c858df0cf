/**
 * Format-valid, fictional 统一社会信用代码 (unified social credit codes, GB 32100-2015):
 * 1 registration authority (9 = market regulation) + 1 entity type (1 = enterprise)
 * + 6 adcode + 9 organisation code (GB 11714, with its own check character) + 1 check character.
 */
import type { Rng } from "./rng.ts";

/** The 31 characters of GB 32100 (no I, O, S, V, Z). */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 value of a character: digits 0–9, letters A–Z 10–35. */
const orgValue = (ch: string) => (ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55);

/** GB 11714 check character of an 8-character organisation-code body. */
export function orgCheckChar(body: string): string {
  const sum = [...body].reduce((s, ch, i) => s + orgValue(ch) * (ORG_WEIGHTS[i] ?? 0), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** GB 32100 check character of the first 17 characters of a credit code. */
export function creditCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CHARSET.indexOf(ch) * (CREDIT_WEIGHTS[i] ?? 0), 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * A random credit code for a firm registered in `adcode`. Firms registered since 2015 get the
 * `MA…` organisation codes issued with credit codes; older firms an all-digit legacy code.
 */
export function randomCreditCode(rng: Rng, adcode: string, registeredSince2015: boolean): string {
  let body = registeredSince2015 ? "MA" : "";
  const pool = registeredSince2015 ? CHARSET : "0123456789";
  while (body.length < 8) body += rng.pick([...pool]);
  const first17 = `91${adcode}${body}${orgCheckChar(body)}`;
  return first17 + creditCheckChar(first17);
}
