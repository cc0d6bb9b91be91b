/**
 * The Content Security Policy, delivered as an HTTP header the way `_headers` tells a static host to: every page
 * renders under it with no violation, and — the negative control that proves the test can fail — without
 * `'wasm-unsafe-eval'` a DuckDB-WASM page breaks.
 */
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readHeaderPolicy} from "../../scripts/csp.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {requireSite, SITES, type Site} from "../support/site.js";
import {visitPage} from "../support/visit.js";

/** Pages that load DuckDB-WASM: their HTML preloads Framework's DuckDB client. */
async function duckdbPages(site: Site): Promise<string[]> {
  const paths: string[] = [];
  for (const {path} of site.pages) {
    const file = path === "/" ? "index.html" : `${path.slice(1)}.html`;
    if ((await readFile(join(site.dir, file), "utf-8")).includes("stdlib/duckdb.")) paths.push(path);
  }
  return paths;
}

describe.each(SITES)("the $name site", (site) => {
  let browser: Browser;
  let policy: string;

  beforeAll(async () => {
    requireSite(site);
    policy = await readHeaderPolicy(site.dir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function withServer<T>(headerPolicy: string, run: (server: StaticServer) => Promise<T>): Promise<T> {
    const server = await serveStatic(site.dir, {headers: {"Content-Security-Policy": headerPolicy}});
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  describe("the Content Security Policy header", () => {
    test("allows WebAssembly, blob workers and nothing from other origins", () => {
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).toContain("worker-src 'self' blob:");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    });

    test.each(site.pages)("page $path renders under the policy with no violation", async ({path, minCharts}) => {
      await withServer(policy, async (server) => {
        const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts});
        await visit.page.close();
        expect(visit.cspViolations).toEqual([]);
        expect(visit.consoleErrors).toEqual([]);
        expect(visit.errorCells).toEqual([]);
        expect(visit.charts).toBeGreaterThanOrEqual(minCharts);
      });
    });

    if (site.name === "public") {
      // The public pages read JSON only: no page loads DuckDB-WASM, so no wasm ships (the internal site's negative
      // control below is the one that proves 'wasm-unsafe-eval' is needed where DuckDB runs).
      test("no public page loads DuckDB-WASM, and no wasm ships", async () => {
        expect(await duckdbPages(site)).toEqual([]);
        const files = await readdir(site.dir, {recursive: true});
        expect(files.filter((file) => file.endsWith(".wasm"))).toEqual([]);
      });
      return;
    }

    test("negative control: without 'wasm-unsafe-eval' the DuckDB pages fail", async () => {
      const pages = await duckdbPages(site);
      expect(pages.length).toBeGreaterThan(0);
      const weakened = policy.replace(" 'wasm-unsafe-eval'", "");
      expect(weakened).not.toContain("wasm-unsafe-eval");
      await withServer(weakened, async (server) => {
        for (const path of pages) {
          const visit = await visitPage(browser.context, `${server.url}${path}`, {timeout: 20_000});
          // DuckDB compiles its wasm in a worker; the page error arrives when that fails, after the page has loaded.
          const failures = () => [...visit.pageErrors, ...visit.consoleErrors, ...visit.errorCells];
          for (let waited = 0; failures().length === 0 && waited < 30_000; waited += 250) {
            await visit.page.waitForTimeout(250);
          }
          await visit.page.close();
          expect(failures().join("\n"), path).toMatch(/WebAssembly.*Content Security/i);
        }
      });
    });
  });
});
