/**
 * `npm run pdf`: renders the scrutiny report pages of the built site (`dist/`, or OUTPUT_DIR) to A4 PDF files in
 * `reports/pdf/` with headless Chromium, using the site's print stylesheet (no sidebar, page numbers in the bottom
 * margin). It builds nothing: run `npm run build` (or the public build) first.
 */
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {launchBrowser} from "../tests/support/browser.js";
import {serveStatic} from "./static-server.js";

/** The pages printed, as site paths and PDF file names. */
export const REPORT_PAGES = [
  {path: "/report", file: "scrutiny-report.pdf", minCharts: 3},
  {path: "/methodology", file: "methodology.pdf", minCharts: 0}
] as const;

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/**
 * Renders each page of `pages` from `siteDir` to `outDir` and returns the written files.
 *
 * @example
 * await renderPdfs({siteDir: "dist", outDir: "reports/pdf"});
 */
export async function renderPdfs({
  siteDir = join(root, process.env.OUTPUT_DIR ?? "dist"),
  outDir = join(root, "reports", "pdf"),
  pages = REPORT_PAGES
}: {
  siteDir?: string;
  outDir?: string;
  pages?: readonly {path: string; file: string; minCharts: number}[];
} = {}): Promise<string[]> {
  await mkdir(outDir, {recursive: true});
  const server = await serveStatic(siteDir);
  // About the printable width of A4 at 15 mm margins, so charts are drawn for the page, not for a wide screen.
  const browser = await launchBrowser({viewport: {width: 760, height: 1100}, colorScheme: "light"});
  const written: string[] = [];
  try {
    for (const {path, file, minCharts} of pages) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}${path}`, {waitUntil: "load"});
      await page.waitForFunction(
        (min) => document.querySelectorAll('svg[class^="plot-"], svg[class*=" plot-"]').length >= min,
        minCharts,
        {timeout: 60_000}
      );
      await page.waitForLoadState("networkidle");
      const errors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
      if (errors.length > 0) throw new Error(`page ${path} has errors: ${errors.join("; ")}`);
      await page.emulateMedia({media: "print", colorScheme: "light"});
      const target = join(outDir, file);
      await page.pdf({path: target, format: "A4", printBackground: true, preferCSSPageSize: true});
      await page.close();
      written.push(target);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of await renderPdfs()) console.log(`wrote ${file}`);
}
