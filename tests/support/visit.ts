/**
 * Loads one page of the built site and records everything a reader would be let down by: console errors, page
 * errors, Framework error cells, requests to any host but the local server, and how many charts rendered.
 */
import type {BrowserContext, Page} from "playwright-core";

export interface PageVisit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  errorCells: string[];
  /** Content Security Policy violations the page reported (`securitypolicyviolation` events). */
  cspViolations: string[];
  charts: number;
}

/** Plot renders a chart as an `svg` (or a `figure` around it, with a legend) whose class starts with `plot-`. */
export const CHART_SELECTOR = 'svg[class^="plot-"], svg[class*=" plot-"]';

export async function visitPage(
  context: BrowserContext,
  url: string,
  {
    minCharts = 0,
    timeout = 60_000,
    colorScheme = "light"
  }: {minCharts?: number; timeout?: number; colorScheme?: "light" | "dark"} = {}
): Promise<PageVisit> {
  const page = await context.newPage();
  await page.emulateMedia({colorScheme});
  const origin = new URL(url).origin;
  const visit: PageVisit = {
    page,
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    failedRequests: [],
    errorCells: [],
    cspViolations: [],
    charts: 0
  };
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, "__cspViolations", {value: violations});
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample} ${(event.target as Element | null)?.outerHTML?.slice(0, 120) ?? ""}`
      )
    );
  });
  page.on("console", (message) => {
    if (message.type() === "error") visit.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => visit.pageErrors.push(String(error)));
  page.on("request", (request) => {
    const requestUrl = request.url();
    if (/^(data|blob|about):/.test(requestUrl)) return;
    if (new URL(requestUrl).origin !== origin) visit.foreignRequests.push(requestUrl);
  });
  // A fetch the page itself cancels (ERR_ABORTED, e.g. a stream it stopped reading) is not a failure.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (!reason.includes("ERR_ABORTED")) visit.failedRequests.push(`${request.url()} ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) visit.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  await page.goto(url, {waitUntil: "load", timeout});
  await page
    .waitForFunction(
      ([selector, min]) =>
        document.querySelectorAll(selector as string).length >= min ||
        document.querySelector(".observablehq--error") !== null,
      [CHART_SELECTOR, minCharts] as const,
      {timeout}
    )
    .catch(() => undefined);
  await page.waitForLoadState("networkidle", {timeout}).catch(() => undefined);
  visit.errorCells = await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
  visit.charts = await page.$$eval(CHART_SELECTOR, (nodes) => nodes.length);
  visit.cspViolations = await page.evaluate(() => [
    ...(window as unknown as {__cspViolations: string[]}).__cspViolations
  ]);
  return visit;
}
