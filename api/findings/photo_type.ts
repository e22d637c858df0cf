import type { FindingPhoto } from "../schemas/findings.ts";

/**
 * Largest evidence photo, bytes: 5 MiB, enough for a 12-megapixel phone JPEG. A larger file answers 413
 * `photo_too_large`.
 */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/**
 * The image type of `bytes` from its magic bytes, or null when it is not JPEG, PNG or WebP. The client's
 * Content-Type and file name are never trusted: a script renamed to `.jpg` is refused.
 * JPEG: FF D8 FF; PNG: 89 50 4E 47 0D 0A 1A 0A; WebP: "RIFF" <size> "WEBP".
 */
export function photoMediaType(bytes: Uint8Array): FindingPhoto["mediaType"] | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}
