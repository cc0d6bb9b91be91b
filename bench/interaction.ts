/**
 * Recompute latency on the notebook pages: change an input (Observable Inputs' form elements, found generically as
 * `form input, form select`) and time, in the page, from the input event to the moment a chart is replaced
 * (a MutationObserver sees a Plot `svg` added).
 */
import type {Browser, Page} from "playwright-core";
import {coldContext, hotspots, startProfiler, type ProfileHotspot} from "./browser.js";
import {quantile} from "./stats.js";
import {waitForQuiet, type RecordingServer} from "./traffic.js";

/** In-page: change input `index` to its next value and resolve with ms until a chart is re-rendered (or -1). */
const CHANGE_AND_TIME = async ({index, timeout}: {index: number; timeout: number}): Promise<number> => {
  const inputs = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("form input, form select")];
  const input = inputs[index];
  const selector = 'svg[class^="plot-"], svg[class*=" plot-"]';
  return new Promise<number>((resolve) => {
    let t0 = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && (node.matches(selector) || node.querySelector(selector))) {
            observer.disconnect();
            resolve(performance.now() - t0);
            return;
          }
        }
      }
    });
    observer.observe(document.body, {childList: true, subtree: true});
    setTimeout(() => {
      observer.disconnect();
      resolve(-1);
    }, timeout);
    if (input instanceof HTMLSelectElement) {
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
    } else if (input.type === "checkbox" || input.type === "radio") {
      input.checked = !input.checked;
    } else if (input.type === "range" || input.type === "number") {
      const min = Number(input.min || 0);
      const max = Number(input.max || 100);
      const step = Number(input.step) || (max - min) / 100;
      const value = Number(input.value);
      input.value = String(value + step <= max ? value + step : min);
    } else {
      observer.disconnect();
      resolve(-1);
      return;
    }
    t0 = performance.now();
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
  });
};

async function inputCount(page: Page): Promise<number> {
  return page.$$eval("form input, form select", (nodes) => nodes.length);
}

export interface InteractionResult {
  path: string;
  /** The input that re-renders a chart: its label, type, and the samples (ms). */
  input?: string;
  samples: number[];
  note?: string;
  /** For a page over the 100 ms target: a main-thread CPU profile of one more change. */
  hotspots?: ProfileHotspot[];
  /** Main-thread time not idle during that change (the rest is waiting, e.g. for DuckDB's worker). */
  mainThreadBusyMs?: number;
  profiledMs?: number;
}

/**
 * For each page: find the first input whose change re-renders a chart, then time `warmups + runs` changes.
 * Pages without such an input are reported with a note.
 */
export async function measureInteractions(
  browser: Browser,
  server: RecordingServer,
  paths: string[],
  {runs, warmups}: {runs: number; warmups: number}
): Promise<InteractionResult[]> {
  const results: InteractionResult[] = [];
  for (const path of paths) {
    const context = await coldContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, {waitUntil: "load", timeout: 120_000});
      await page.waitForSelector('svg[class^="plot-"], svg[class*=" plot-"]', {timeout: 120_000});
      await waitForQuiet(server, 1000);
      const count = await inputCount(page);
      let chosen = -1;
      for (let index = 0; index < count && chosen < 0; index++) {
        const ms = await page.evaluate(CHANGE_AND_TIME, {index, timeout: 5000});
        if (ms >= 0) chosen = index;
      }
      if (chosen < 0) {
        results.push({path, samples: [], note: `none of ${count} inputs re-renders a chart`});
        continue;
      }
      const label = await page.$$eval(
        "form input, form select",
        (nodes, index) => {
          const node = nodes[index] as HTMLInputElement;
          const form = node.closest("form");
          return `${form?.querySelector("label")?.textContent?.trim() ?? "?"} (${node.tagName.toLowerCase()}${node.type ? ` ${node.type}` : ""})`;
        },
        chosen
      );
      const samples: number[] = [];
      for (let index = 0; index < warmups + runs; index++) {
        const ms = await page.evaluate(CHANGE_AND_TIME, {index: chosen, timeout: 10_000});
        if (index >= warmups) samples.push(ms);
        await page.waitForTimeout(100);
      }
      const result: InteractionResult = {path, input: label, samples};
      if (quantile(samples, 0.9) > 100) {
        const stop = await startProfiler(page);
        result.profiledMs = await page.evaluate(CHANGE_AND_TIME, {index: chosen, timeout: 10_000});
        result.hotspots = hotspots(await stop(), 12);
        const idle = result.hotspots.filter((h) => h.function === "(idle)").reduce((sum, h) => sum + h.selfMs, 0);
        const total = result.hotspots.reduce((sum, h) => sum + h.selfMs, 0);
        result.mainThreadBusyMs = Math.round(total - idle);
      }
      results.push(result);
      console.log(`interaction ${path} ${label}: ${samples.map((s) => s.toFixed(0)).join(", ")} ms`);
    } finally {
      await context.close();
    }
  }
  return results;
}
