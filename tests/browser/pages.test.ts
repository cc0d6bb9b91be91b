import {copyFile, mkdir} from "node:fs/promises";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {builtPaths, distDir, sidebarPaths} from "../support/site.js";
import {visitPage} from "../support/visit.js";
import {PAGES} from "./pages.js";

const screenshotDir = join(import.meta.dirname, "..", "screenshots");
const docsImageDir = join(import.meta.dirname, "..", "..", "docs", "images");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(distDir, "index.html"))) throw new Error(`no built site in ${distDir}: run npm run build first`);
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  await mkdir(screenshotDir, {recursive: true});
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the site map", () => {
  test("every sidebar page is tested", () => {
    const tested = new Set(PAGES.map((page) => page.path));
    expect(sidebarPaths().filter((path) => !tested.has(path))).toEqual([]);
  });

  test("every page in dist/ is tested", async () => {
    const tested = new Set(PAGES.map((page) => page.path));
    expect((await builtPaths()).filter((path) => !tested.has(path))).toEqual([]);
  });
});

describe.each(PAGES)("page $path", ({path, minCharts}) => {
  test("renders its charts with no error and no third-party request", async () => {
    const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts});
    const name = path === "/" ? "index" : path.replace(/^\//, "").replace(/\//g, "-");
    await visit.page.screenshot({path: join(screenshotDir, `${name}.png`), fullPage: true});
    if (process.env.SCREENSHOTS && path === "/") {
      await mkdir(docsImageDir, {recursive: true});
      await copyFile(join(screenshotDir, `${name}.png`), join(docsImageDir, "overview.png"));
    }
    await visit.page.close();
    expect(visit.pageErrors).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.errorCells).toEqual([]);
    expect(visit.foreignRequests).toEqual([]);
    expect(visit.failedRequests).toEqual([]);
    expect(visit.cspViolations).toEqual([]);
    expect(visit.charts).toBeGreaterThanOrEqual(minCharts);
  });
});
