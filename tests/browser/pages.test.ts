import {copyFile, mkdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {builtPaths, requireSite, SITES} from "../support/site.js";
import {visitPage} from "../support/visit.js";

const screenshotDir = join(import.meta.dirname, "..", "screenshots");
const docsImageDir = join(import.meta.dirname, "..", "..", "docs", "images");

describe.each(SITES)("the $name site", (site) => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    requireSite(site);
    server = await serveStatic(site.dir);
    browser = await launchBrowser();
    await mkdir(screenshotDir, {recursive: true});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe("the site map", () => {
    test("every sidebar page is tested", () => {
      const tested = new Set(site.pages.map((page) => page.path));
      expect(site.sidebar.filter((path) => !tested.has(path))).toEqual([]);
    });

    test("every page in its output is tested, and every tested page is there", async () => {
      const tested = site.pages.map((page) => page.path);
      const built = await builtPaths(site.dir);
      expect(built.filter((path) => !tested.includes(path))).toEqual([]);
      expect(tested.filter((path) => !built.includes(path))).toEqual([]);
    });
  });

  describe.each(site.pages)("page $path", ({path, minCharts}) => {
    test("renders its charts with no error and no third-party request", async () => {
      const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts});
      const base = path === "/" ? "index" : path.replace(/^\//, "").replace(/\//g, "-");
      const name = site.name === "internal" ? base : `${site.name}-${base}`;
      await visit.page.screenshot({path: join(screenshotDir, `${name}.png`), fullPage: true});
      if (process.env.SCREENSHOTS && site.name === "internal" && path === "/") {
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
});
