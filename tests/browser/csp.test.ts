/**
 * The Content Security Policy, delivered as an HTTP header the way `_headers` tells a static host to: every page
 * renders under it with no violation, and — the negative control that proves the test can fail — without
 * `'wasm-unsafe-eval'` a DuckDB-WASM page breaks.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readHeaderPolicy} from "../../scripts/csp.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";
import {PAGES} from "./pages.js";

let browser: Browser;
let policy: string;

beforeAll(async () => {
  policy = await readHeaderPolicy(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function withServer<T>(headerPolicy: string, run: (server: StaticServer) => Promise<T>): Promise<T> {
  const server = await serveStatic(distDir, {headers: {"Content-Security-Policy": headerPolicy}});
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** Pages that load DuckDB-WASM: their HTML preloads Framework's DuckDB client. */
async function duckdbPages(): Promise<string[]> {
  const paths: string[] = [];
  for (const {path} of PAGES) {
    const file = path === "/" ? "index.html" : `${path.slice(1)}.html`;
    if ((await readFile(join(distDir, file), "utf-8")).includes("stdlib/duckdb.")) paths.push(path);
  }
  return paths;
}

describe("the Content Security Policy header", () => {
  test("allows WebAssembly, blob workers and nothing from other origins", () => {
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  test.each(PAGES)("page $path renders under the policy with no violation", async ({path, minCharts}) => {
    await withServer(policy, async (server) => {
      const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts});
      await visit.page.close();
      expect(visit.cspViolations).toEqual([]);
      expect(visit.consoleErrors).toEqual([]);
      expect(visit.errorCells).toEqual([]);
      expect(visit.charts).toBeGreaterThanOrEqual(minCharts);
    });
  });

  test("negative control: without 'wasm-unsafe-eval' the DuckDB pages fail", async () => {
    const pages = await duckdbPages();
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
