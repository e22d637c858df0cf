/** The first bytes of a PNG (signature and IHDR header): what the photo type check reads. */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
/** The first bytes of a JPEG (SOI, APP0 JFIF). */
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
/** The first bytes of a WebP (RIFF … WEBPVP8). */
export const WEBP = Uint8Array.from([
  0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38,
]);

/** A multipart upload of one evidence photo as a browser sends it (file name and type as given). */
export const photoForm = (bytes: Uint8Array, name: string, type: string, caption = ""): FormData => {
  const form = new FormData();
  form.append("file", new File([bytes.slice().buffer as ArrayBuffer], name, { type }));
  if (caption) form.append("caption", caption);
  return form;
};
