/**
 * Time to first chart for every page, cold cache: a new browser context per run, the built site served with
 * brotli. Each run is broken into the phases a reader waits for, from the page's Navigation and Resource Timing,
 * a MutationObserver timestamp for the first Plot chart, and the server's record of every response (which, unlike
 * Resource Timing, includes what DuckDB's worker fetches). CDP Network events give the bytes the page itself
 * received, as a cross-check.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {PAGES, type PageSpec} from "../tests/browser/pages.js";
import {coldContext, hotspots, startProfiler, type ProfileHotspot} from "./browser.js";
import {measure, median, type Measure} from "./stats.js";
import {waitForQuiet, type RecordingServer, type TrafficEntry} from "./traffic.js";

/** The first Plot chart, timestamped by a MutationObserver installed before any page script runs. */
const FIRST_CHART_SCRIPT = `(() => {
  const selector = 'svg[class^="plot-"], svg[class*=" plot-"]';
  new MutationObserver((records, observer) => {
    if (document.querySelector(selector)) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
})();`;

/** One cold load of one page. Times are milliseconds from navigation start. */
export interface PageRun {
  firstChart: number;
  html: number;
  /** Last JavaScript module (DuckDB's excluded) received before the first chart. */
  js: number;
  /** Last data file (`_file/`) received before the first chart. */
  data: number;
  /** DuckDB-WASM's wasm received (0 when the page does not load it). */
  wasm: number;
  bytes: number;
  requests: number;
  bytesBeforeChart: number;
  requestsBeforeChart: number;
  duckdbBytes: number;
  loadsDuckdb: boolean;
  /** Bytes the page's own CDP session saw (encodedDataLength, headers included; worker fetches excluded). */
  cdpBytes: number;
  resourceTimingEntries: number;
}

export interface PageResult {
  path: string;
  runs: PageRun[];
  loadsDuckdb: boolean;
  byType: Record<string, {bytes: number; requests: number}>;
  hotspots?: ProfileHotspot[];
}

function category(path: string): string {
  if (path.includes("/@duckdb/")) return path.endsWith(".wasm") ? "duckdb wasm" : "duckdb js";
  if (path.startsWith("/_file/")) return "data";
  if (path.endsWith(".js")) return "js";
  if (path.endsWith(".css")) return "css";
  return "html/other";
}

async function loadOnce(
  browser: Browser,
  server: RecordingServer,
  spec: PageSpec,
  profile = false
): Promise<{run: PageRun; entries: TrafficEntry[]; hotspots?: ProfileHotspot[]}> {
  const context = await coldContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_CHART_SCRIPT);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let cdpBytes = 0;
    cdp.on("Network.loadingFinished", (event: {encodedDataLength: number}) => (cdpBytes += event.encodedDataLength));
    const stopProfiler = profile ? await startProfiler(page) : null;
    server.reset();
    await page.goto(`${server.url}${spec.path}`, {waitUntil: "load", timeout: 120_000});
    if (spec.minCharts > 0) {
      await page.waitForFunction(
        () => (window as unknown as {__firstChart?: number}).__firstChart !== undefined,
        null,
        {
          timeout: 120_000
        }
      );
    } else {
      // A page without a chart (methodology, accessibility statement): its load event stands in for the first chart.
      await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        (window as unknown as {__firstChart?: number}).__firstChart = navigation.loadEventEnd || performance.now();
      });
    }
    // The profile covers navigation to the first chart: what the reader waits through.
    const found = profile && stopProfiler ? hotspots(await stopProfiler()) : undefined;
    await waitForQuiet(server);
    const timing = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      firstChart: (window as unknown as {__firstChart: number}).__firstChart,
      html: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd,
      resources: performance.getEntriesByType("resource").length
    }));
    const entries = server.entries().map((entry) => ({
      ...entry,
      start: entry.start - timing.timeOrigin,
      end: entry.end - timing.timeOrigin
    }));
    const before = entries.filter((entry) => entry.start <= timing.firstChart);
    const lastEnd = (list: TrafficEntry[]) => Math.max(0, ...list.map((entry) => entry.end));
    const duckdb = entries.filter((entry) => entry.path.includes("/@duckdb/"));
    const run: PageRun = {
      firstChart: timing.firstChart,
      html: timing.html,
      js: lastEnd(before.filter((entry) => category(entry.path) === "js")),
      data: lastEnd(before.filter((entry) => category(entry.path) === "data")),
      wasm: lastEnd(entries.filter((entry) => entry.path.endsWith(".wasm"))),
      bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
      requests: entries.length,
      bytesBeforeChart: before.reduce((sum, entry) => sum + entry.bytes, 0),
      requestsBeforeChart: before.length,
      duckdbBytes: duckdb.reduce((sum, entry) => sum + entry.bytes, 0),
      loadsDuckdb: duckdb.length > 0,
      cdpBytes,
      resourceTimingEntries: timing.resources
    };
    return {run, entries, hotspots: found};
  } finally {
    await context.close();
  }
}

/** Cold loads of every page in `tests/browser/pages.ts`: `warmups` discarded, then `runs` measured. */
export async function measurePageLoads(
  browser: Browser,
  server: RecordingServer,
  {runs, warmups, profileDir}: {runs: number; warmups: number; profileDir: string}
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const spec of PAGES) {
    const measured: PageRun[] = [];
    let lastEntries: TrafficEntry[] = [];
    for (let index = 0; index < warmups + runs; index++) {
      const {run, entries} = await loadOnce(browser, server, spec);
      if (index >= warmups) measured.push(run);
      lastEntries = entries;
    }
    const byType: Record<string, {bytes: number; requests: number}> = {};
    for (const entry of lastEntries) {
      const type = category(entry.path);
      byType[type] ??= {bytes: 0, requests: 0};
      byType[type].bytes += entry.bytes;
      byType[type].requests += 1;
    }
    const result: PageResult = {
      path: spec.path,
      runs: measured,
      loadsDuckdb: measured.some((r) => r.loadsDuckdb),
      byType
    };
    // A profile of one more load, for the report's explanation of a slow page.
    if (median(measured.map((r) => r.firstChart)) > 1000 || spec.path === "/") {
      const {hotspots: found} = await loadOnce(browser, server, spec, true);
      result.hotspots = found;
      await mkdir(profileDir, {recursive: true});
      await writeFile(
        join(profileDir, `hotspots${spec.path === "/" ? "-index" : spec.path.replace(/\//g, "-")}.json`),
        JSON.stringify(found, null, 2)
      );
    }
    results.push(result);
    console.log(
      `page ${spec.path}: first chart ${median(measured.map((r) => r.firstChart)).toFixed(0)} ms, ` +
        `${(median(measured.map((r) => r.bytes)) / 1024).toFixed(0)} KB in ${median(measured.map((r) => r.requests))} requests` +
        (result.loadsDuckdb ? " (loads DuckDB-WASM)" : "")
    );
  }
  return results;
}

/** The measures for results.json: first chart, its phases, bytes and requests per page, with the overview's targets. */
export function pageMeasures(results: PageResult[]): Measure[] {
  const measures: Measure[] = [];
  for (const {path, runs} of results) {
    const overview = path === "/";
    const col = (key: keyof PageRun) => runs.map((run) => Number(run[key]));
    measures.push(
      measure(`first chart ${path}`, "ms", col("firstChart"), overview ? {target: 1000, targetOn: "median"} : {}),
      measure(`first chart ${path}: html received`, "ms", col("html")),
      measure(`first chart ${path}: js received`, "ms", col("js")),
      measure(`first chart ${path}: data received`, "ms", col("data")),
      measure(
        `first chart ${path}: render after last fetch`,
        "ms",
        runs.map((r) => r.firstChart - Math.max(r.js, r.data, r.html))
      ),
      measure(
        `bytes ${path}`,
        "KB",
        col("bytes").map((b) => b / 1024),
        overview ? {target: 350, targetOn: "median"} : {}
      ),
      measure(`requests ${path}`, "count", col("requests"), overview ? {target: 20, targetOn: "median"} : {}),
      measure(
        `bytes before first chart ${path}`,
        "KB",
        col("bytesBeforeChart").map((b) => b / 1024)
      ),
      measure(`requests before first chart ${path}`, "count", col("requestsBeforeChart"))
    );
    if (runs.some((run) => run.loadsDuckdb)) {
      measures.push(
        measure(
          `duckdb-wasm bytes ${path}`,
          "KB",
          col("duckdbBytes").map((b) => b / 1024)
        ),
        measure(`duckdb-wasm wasm received ${path}`, "ms", col("wasm"))
      );
    }
  }
  return measures;
}
