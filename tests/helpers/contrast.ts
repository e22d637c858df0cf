import type { Page } from "playwright-core";

/** A text element whose contrast against its background is below WCAG 2.x AA. */
export interface ContrastFailure {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

/**
 * WCAG 2.x AA contrast of every visible text element under `selector`: the text colour against the first
 * ancestor background that is (nearly) opaque, ≥ 4.5:1, or ≥ 3:1 for large text (≥ 24 px, or ≥ 18.66 px
 * bold). Elements over background images (gradients) and SVG text are skipped.
 * @see https://www.w3.org/TR/WCAG21/#contrast-minimum (relative luminance and contrast ratio definitions)
 */
export function contrastFailures(page: Page, selector: string): Promise<ContrastFailure[]> {
  return page.evaluate((sel) => {
    const rgba = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const p = (m?.[1] ?? "0,0,0,0")
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1] as const;
    };
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const lum = (c: readonly number[]) =>
      0.2126 * lin(c[0] ?? 0) + 0.7152 * lin(c[1] ?? 0) + 0.0722 * lin(c[2] ?? 0);
    const out: Array<{ text: string; ratio: number; required: number; color: string; background: string }> =
      [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of root.querySelectorAll<HTMLElement>("*")) {
        if (el instanceof SVGElement) continue;
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? "")
          .join("")
          .trim();
        if (!text || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || el.closest(".visually-hidden")) continue;
        let bg: readonly number[] | null = null;
        let overImage = false;
        for (let a: Element | null = el; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.backgroundImage !== "none") {
            overImage = true;
            break;
          }
          const c = rgba(s.backgroundColor);
          if (c[3] >= 0.85) {
            bg = c;
            break;
          }
        }
        if (overImage) continue;
        const back = bg ?? [255, 255, 255, 1];
        const fgRaw = rgba(style.color);
        const fg = [0, 1, 2].map((i) => (fgRaw[i] ?? 0) * fgRaw[3] + (back[i] ?? 0) * (1 - fgRaw[3]));
        const [l1, l2] = [lum(fg), lum(back)].sort((x, y) => y - x) as [number, number];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        const size = Number.parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const required = large ? 3 : 4.5;
        if (ratio < required)
          out.push({
            text: text.slice(0, 40),
            ratio,
            required,
            color: style.color,
            background: `rgb(${back.slice(0, 3)})`,
          });
      }
    }
    return out;
  }, selector);
}
