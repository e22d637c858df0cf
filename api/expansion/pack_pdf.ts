import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Flags for headless Chromium without a GPU, sandbox or background network (CI and servers). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Whether a Chromium executable is installed at `path` (the PDF capability check). */
export const hasChromium = (path: string): boolean => existsSync(path);

/**
 * Renders the pack's HTML to an A4 PDF with Chromium (playwright-core `page.pdf`). Each inline SVG map
 * (`svg.map`) is first rasterised to a PNG at 2× (element screenshot) and put back as an `<img>`, so
 * the PDF carries the maps as images that every viewer and `pdfimages` sees the same way.
 * Network is off: the HTML is self-contained.
 */
export async function renderPackPdf(html: string, chromiumPath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      deviceScaleFactor: 2,
      offline: true,
      javaScriptEnabled: true,
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const maps = await page.$$("svg.map");
    for (const m of maps) {
      const png = await m.screenshot({ type: "png" });
      const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
      await m.evaluate((el, src) => {
        const img = document.createElement("img");
        img.src = src;
        img.className = "map";
        img.style.width = `${el.getAttribute("width")}px`;
        el.replaceWith(img);
      }, dataUrl);
    }
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
