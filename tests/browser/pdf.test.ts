/**
 * `npm run pdf`: the scrutiny report prints to an A4 PDF with at least one page, page numbers and the report's
 * headline sentence (text read back with poppler's pdftotext: `apt-get install poppler-utils`).
 */
import {execFileSync} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {renderPdfs} from "../../scripts/pdf.js";
import {defaultReportSources, reportData} from "../../loaders/aggregates/report-data.js";
import {queryRows} from "../../loaders/arrow/query-to-arrow.js";
import {repoRoot} from "../../loaders/paths.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";
import {referralsSentence} from "../../src/components/report/narrative.js";
import {distDir} from "../support/site.js";

let outDir: string;
let files: string[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "send-pdf-"));
  files = await renderPdfs({siteDir: distDir, outDir});
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, {recursive: true, force: true});
});

/** Every page's /MediaBox [x0 y0 x1 y1] in points (Chromium writes the page objects uncompressed). */
function mediaBoxes(pdf: string): number[][] {
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*([-\d.\s]+)\]/g)].map((match) => match[1].trim().split(/\s+/).map(Number));
}

test("the scrutiny report is an A4 PDF with page numbers and the headline sentence", async () => {
  const report = files.find((file) => file.endsWith("scrutiny-report.pdf"));
  expect(report).toBeDefined();
  const pdf = (await readFile(report!)).toString("latin1");
  expect(pdf.startsWith("%PDF-")).toBe(true);
  const boxes = mediaBoxes(pdf);
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  for (const [x0, y0, x1, y1] of boxes) {
    // A4 = 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds CSS page sizes to whole device pixels (±0.5 pt)
    expect(Math.abs(x1 - x0 - 595.28)).toBeLessThan(1);
    expect(Math.abs(y1 - y0 - 841.89)).toBeLessThan(1);
  }
  const text = execFileSync("pdftotext", ["-layout", report!, "-"], {encoding: "utf-8"}).replace(/\s+/g, " ");
  const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(text).toContain(`Page 1 of ${pages}`);
  // the headline computed independently from the warehouse with the same narrative generator
  const warehouse = await openWarehouse();
  const data = await reportData((sql) => queryRows(warehouse.connection, sql), defaultReportSources(repoRoot));
  warehouse.close();
  expect(text).toContain(referralsSentence(data.referrals, data.lastCompleteYear));
}, 120_000);
