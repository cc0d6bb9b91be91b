/**
 * Recompute latency on the notebook pages: change an input (Observable Inputs' form elements, found generically as
 * `form input, form select`) and time, in the page, from the input event to the moment a chart is replaced
 * (a MutationObserver sees a Plot `svg` added).
 *
 * The headline figure per page is the first input that re-renders a chart. Then every input of the page is
 * exercised in turn (one per `form`: a select, a number or range, a checkbox; on /ageing-out the years, the period,
 * each filter and the transition rate), timing both the first chart replaced and the moment the page has finished
 * updating (the last DOM change outside the input's own form, followed by a quiet spell), since an input may
 * update several charts and tables, or only a table. An update that pauses for longer than the quiet spell (1 s)
 * before its next change is cut short there, so on a heavily loaded machine "settled" can read low.
 */
import type {Browser, Page} from "playwright-core";
import {coldContext, hotspots, startProfiler, type ProfileHotspot} from "./browser.js";
import {quantile} from "./stats.js";
import {waitForQuiet, type RecordingServer} from "./traffic.js";

/** The page's window once {@link NUDGE_SCRIPT} has run. */
interface BenchWindow {
  __benchNudge: (input: HTMLInputElement | HTMLSelectElement) => boolean;
  __benchValue: (input: HTMLInputElement | HTMLSelectElement) => string;
  __benchRestore: (input: HTMLInputElement | HTMLSelectElement, value: string) => void;
}

/**
 * In-page, installed once per page before its scripts run (`page.addInitScript`): `window.__benchNudge(input)` moves
 * an input to its next value (the next option of a select, wrapping round; the next radio of its group, wrapping
 * round; a checkbox toggled; a number or range one step up, back to its minimum past its maximum), dispatches ONE
 * bubbling `input` event on the element that changed, and returns false for an input it cannot change.
 * `__benchValue` reads an input's value (a radio group's checked value) and `__benchRestore` puts it back.
 *
 * Why `input` only: a user's change of a select fires a trusted `input` then `change`, and Observable Inputs, seeing
 * a trusted `input`, stops listening to `change`; a synthetic (untrusted) `change` is instead re-dispatched as a
 * second `input`, so dispatching both made every change compute twice, which no user's change does.
 * Both measures below call it, so they change inputs the same way. Kept as source text: a bundled function would call
 * helpers (`__name`) that the page does not have.
 */
const NUDGE_SCRIPT = `(() => {
  const radios = (input) => [...(input.form ?? document).querySelectorAll('input[type="radio"]')].filter((r) => r.name === input.name);
  const fire = (element) => element.dispatchEvent(new Event("input", {bubbles: true}));
  window.__benchNudge = (input) => {
    if (input.disabled) return false;
    if (input instanceof HTMLSelectElement) {
      if (input.options.length < 2) return false;
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
      fire(input);
    } else if (input.type === "radio") {
      const group = radios(input);
      if (group.length < 2) return false;
      const next = group[(group.findIndex((r) => r.checked) + 1) % group.length];
      next.checked = true;
      fire(next);
    } else if (input.type === "checkbox") {
      input.checked = !input.checked;
      fire(input);
    } else if (input.type === "range" || input.type === "number") {
      const min = Number(input.min || 0);
      const max = Number(input.max || 100);
      const step = Number(input.step) || (max - min) / 100;
      const value = Number(input.value);
      input.value = String(value + step <= max ? value + step : min);
      fire(input);
    } else {
      return false;
    }
    return true;
  };
  window.__benchValue = (input) =>
    input.type === "radio" ? (radios(input).find((r) => r.checked)?.value ?? "") : input.type === "checkbox" ? String(input.checked) : input.value;
  window.__benchRestore = (input, value) => {
    if (input.type === "radio") {
      const radio = radios(input).find((r) => r.value === value);
      if (radio) { radio.checked = true; fire(radio); }
    } else {
      if (input.type === "checkbox") input.checked = value === "true";
      else input.value = value;
      fire(input);
    }
  };
})();`;

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
    t0 = performance.now();
    if (!(window as unknown as BenchWindow).__benchNudge(input)) {
      observer.disconnect();
      resolve(-1);
    }
  });
};

/** Per-input timings: one change of the input, to the first chart replaced and to the page's last update. */
interface ChangeTiming {
  /** ms from the events to a new Plot `svg`, or -1 if no chart was replaced. */
  firstChart: number;
  /** ms from the events to the last DOM change outside the input's form, or -1 if nothing changed. */
  settled: number;
}

/**
 * In-page: change the first input of form `formIndex` (to its next value, or to `restore`) and time the update.
 * Resolves once nothing outside the form has changed for `quietMs`, or after `timeout`.
 */
const CHANGE_AND_SETTLE = async ({
  formIndex,
  timeout,
  quietMs,
  restore
}: {
  formIndex: number;
  timeout: number;
  quietMs: number;
  restore?: string;
}): Promise<ChangeTiming & {value: string}> => {
  const form = [...document.querySelectorAll("form")].filter((f) => f.querySelector("input, select"))[formIndex];
  const input = form?.querySelector<HTMLInputElement | HTMLSelectElement>("input, select");
  if (!form || !input) return {firstChart: -1, settled: -1, value: ""};
  const bench = window as unknown as BenchWindow;
  const selector = 'svg[class^="plot-"], svg[class*=" plot-"]';
  // no named function inside: the bundler would wrap it in a helper the page does not have
  return new Promise((resolve) => {
    let t0 = 0;
    let firstChart = -1;
    let last = -1;
    const observer = new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records) {
        if (form.contains(record.target)) continue;
        last = now;
        if (firstChart < 0) {
          for (const node of record.addedNodes) {
            if (node instanceof Element && (node.matches(selector) || node.querySelector(selector)))
              firstChart = now - t0;
          }
        }
      }
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
    const poll = setInterval(() => {
      const now = performance.now();
      if ((last >= 0 && now - last >= quietMs) || (last < 0 && now - t0 >= quietMs * 4) || now - t0 > timeout) {
        observer.disconnect();
        clearInterval(poll);
        resolve({firstChart, settled: last < 0 ? -1 : last - t0, value: bench.__benchValue(input)});
      }
    }, 10);
    t0 = performance.now();
    if (restore !== undefined) bench.__benchRestore(input, restore);
    else bench.__benchNudge(input); // false: not an input this measure can change, and the poll resolves with -1
  });
};

/** The timings of one input of a page. */
export interface InputTiming {
  /**
   * The control's accessible name (its `aria-label`, else its form's label) and element, e.g.
   * `Years ahead (select select-one)`.
   */
  input: string;
  /** ms to the first chart replaced, per change (-1: the input re-renders no chart). */
  firstChart: number[];
  /** ms until the page finished updating, per change (-1: nothing changed). */
  settled: number[];
  /** The input is disabled in the page's default view (a filter that does not apply there), so it was not timed. */
  disabled?: boolean;
}

async function formLabels(page: Page): Promise<string[]> {
  return page.$$eval("form", (forms) =>
    forms
      .filter((form) => form.querySelector("input, select"))
      .map((form) => {
        const node = form.querySelector("input, select") as HTMLInputElement;
        const name = node.getAttribute("aria-label") ?? form.querySelector("label")?.textContent?.trim() ?? "?";
        return `${name} (${node.tagName.toLowerCase()}${node.type ? ` ${node.type}` : ""})`;
      })
  );
}

/**
 * Every input of the page in turn: `warmups + runs` changes each (the first `warmups` not kept), then the input is
 * put back to its first value so the next input is measured from the page's default view.
 */
async function measureEachInput(
  page: Page,
  {runs, warmups, quietMs = 1000}: {runs: number; warmups: number; quietMs?: number}
): Promise<InputTiming[]> {
  const labels = await formLabels(page);
  const timings: InputTiming[] = [];
  for (const [formIndex, input] of labels.entries()) {
    const timing: InputTiming = {input, firstChart: [], settled: []};
    const disabled = await page.evaluate((i) => {
      const form = [...document.querySelectorAll("form")].filter((f) => f.querySelector("input, select"))[i];
      return form?.querySelector<HTMLInputElement | HTMLSelectElement>("input, select")?.disabled ?? false;
    }, formIndex);
    if (disabled) {
      // e.g. a filter that does not apply to the default series: no one can change it in this view
      timings.push({...timing, disabled: true});
      console.log(`interaction input ${input}: disabled in the default view, not timed`);
      continue;
    }
    let original: string | undefined;
    for (let index = 0; index < warmups + runs; index++) {
      const before = await page.evaluate((i) => {
        const form = [...document.querySelectorAll("form")].filter((f) => f.querySelector("input, select"))[i];
        const node = form?.querySelector<HTMLInputElement | HTMLSelectElement>("input, select");
        return node ? (window as unknown as BenchWindow).__benchValue(node) : "";
      }, formIndex);
      original ??= before;
      const result = await page.evaluate(CHANGE_AND_SETTLE, {formIndex, timeout: 15_000, quietMs});
      if (index >= warmups) {
        timing.firstChart.push(result.firstChart);
        timing.settled.push(result.settled);
      }
    }
    if (original !== undefined) {
      await page.evaluate(CHANGE_AND_SETTLE, {formIndex, timeout: 15_000, quietMs, restore: original});
    }
    timings.push(timing);
    const settled = timing.settled.filter((ms) => ms >= 0);
    const charts = timing.firstChart.filter((ms) => ms >= 0);
    console.log(
      `interaction input ${input}: settled ${settled.length ? `median ${quantile(settled, 0.5).toFixed(0)} p90 ${quantile(settled, 0.9).toFixed(0)}` : "no update"} ms; first chart ${charts.length ? `median ${quantile(charts, 0.5).toFixed(0)} p90 ${quantile(charts, 0.9).toFixed(0)} ms` : "none"}`
    );
  }
  return timings;
}

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
  /** Every input of the page, each changed `warmups + runs` times (see {@link InputTiming}). */
  inputs?: InputTiming[];
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
      await page.addInitScript(NUDGE_SCRIPT);
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
          const name = node.getAttribute("aria-label") ?? form?.querySelector("label")?.textContent?.trim() ?? "?";
          return `${name} (${node.tagName.toLowerCase()}${node.type ? ` ${node.type}` : ""})`;
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
      // Back to the page's default view (the changes above are in the URL too), so every input is measured from it.
      await page.goto(`${server.url}${path}`, {waitUntil: "load", timeout: 120_000});
      await page.waitForSelector('svg[class^="plot-"], svg[class*=" plot-"]', {timeout: 120_000});
      await waitForQuiet(server, 1000);
      result.inputs = await measureEachInput(page, {runs, warmups});
      results.push(result);
      console.log(`interaction ${path} ${label}: ${samples.map((s) => s.toFixed(0)).join(", ")} ms`);
    } finally {
      await context.close();
    }
  }
  return results;
}
