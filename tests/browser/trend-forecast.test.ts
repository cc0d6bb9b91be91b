import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {withSeries} from "../../src/components/trend/compose.js";
import {PERIODS_PER_YEAR, seriesParams, type SeriesSelection} from "../../src/components/trend/measures.js";
import {lastCompleteMonth} from "../../src/components/trend/periods.js";
import {tQuantileList} from "../../src/components/trend/quantile-list.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import type {Page} from "playwright-core";
import {openForecastDb, readSql, type ForecastDb} from "../support/forecast-db.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";

let server: StaticServer;
let browser: Browser;
let db: ForecastDb;

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  db = await openForecastDb();
});

afterAll(async () => {
  db?.close();
  await browser?.close();
  await server?.close();
});

const base: SeriesSelection = {
  measure: "referrals",
  area: "ALL",
  lot: "ALL",
  need: "ALL",
  source: "ALL",
  funder: "ALL",
  route: "ALL",
  grain: "year",
  window: 1
};

const CASES: {query: string; selection: SeriesSelection; years: number}[] = [
  {query: "", selection: base, years: 3},
  {
    query: "?series=spend&lot=LOT2&grain=quarter&years=2&levels=50-80",
    selection: {...base, measure: "spend", lot: "LOT2", grain: "quarter"},
    years: 2
  },
  {
    query: "?series=children_supported&area=NORTH&grain=month&rolling=1&years=1",
    selection: {...base, measure: "children_supported", area: "NORTH", grain: "month", window: 12},
    years: 1
  }
];

/** Native DuckDB's series and linear trend for a selection: the values the page must show. */
async function expectedTrend(selection: SeriesSelection, years: number, levels: number[]) {
  const meta = JSON.parse(await readFile(join(distDir, "_file", "data", (await metaFile()) ?? ""), "utf-8")) as {
    provenance: {extractDate: string};
  };
  const params = seriesParams(selection, lastCompleteMonth(meta.provenance.extractDate));
  const n = (await db.query(readSql("series.sql"), params)).length;
  const horizon = years * PERIODS_PER_YEAR[selection.grain];
  const rows = await db.query(withSeries(readSql("series.sql"), readSql("linear.sql")), [
    ...params,
    horizon,
    ...levels.map((level) => tQuantileList(level, n))
  ]);
  return {rows, horizon};
}

/** The SQL linear trend's terms and forecast rows as the page shows them (`data-value`: unrounded). */
async function shownTrend(page: Page) {
  const values = (selector: string) =>
    page.$$eval(`[data-testid="${selector}"] tbody tr`, (rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll("td[data-value]"), (cell) => Number(cell.getAttribute("data-value")))
      )
    );
  return {terms: await values("sql-linear-terms"), forecastRows: await values("sql-linear-forecast")};
}

function expectSameTrend(
  shown: {terms: number[][]; forecastRows: number[][]},
  expected: {rows: Record<string, unknown>[]; horizon: number}
) {
  const close = (actual: number, wanted: number) =>
    expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
  expect(shown.terms).toHaveLength(1);
  const e = expected.rows[0];
  [e.n, e.slope, e.intercept, e.xbar, e.sxx, e.residual_se].forEach((v, i) => close(shown.terms[0][i], Number(v)));
  expect(shown.forecastRows).toHaveLength(expected.horizon);
  shown.forecastRows.forEach((row, h) => {
    const r = expected.rows[h];
    [r.mean, r.lower_inner, r.upper_inner, r.lower_outer, r.upper_outer].forEach((v, i) => close(row[i], Number(v)));
  });
}

describe("the trend forecast page's DuckDB-WASM numbers equal native DuckDB's", () => {
  test.each(CASES)("/trend-forecast$query", async ({query, selection, years}) => {
    const levels = /levels=(\d+)-(\d+)/.exec(query)?.slice(1).map(Number) ?? [80, 95];
    const expected = await expectedTrend(selection, years, levels);

    const visit = await visitPage(browser.context, `${server.url}/trend-forecast${query}`, {minCharts: 1});
    await visit.page.waitForSelector('[data-testid="sql-linear-forecast"] tbody tr');
    const shown = await shownTrend(visit.page);
    const headline = await visit.page.textContent('[data-testid="forecast-headline"]');
    await visit.page.close();
    expect(visit.pageErrors).toEqual([]);
    expect(visit.errorCells).toEqual([]);
    expectSameTrend(shown, expected);
    expect(headline).toMatch(/forecast to (rise|fall|stay)/);
  });

  // The page prepares its statement once and runs it again on each change: the new parameters must reach it.
  test("after the reader changes the series, area and grain in the page", async () => {
    const visit = await visitPage(browser.context, `${server.url}/trend-forecast`, {minCharts: 1});
    const {page} = visit;
    await page.waitForSelector('[data-testid="sql-linear-forecast"] tbody tr');
    const changes: {apply: () => Promise<unknown>; selection: SeriesSelection}[] = [
      {
        apply: () => page.getByLabel("Series", {exact: true}).selectOption({label: "Spend"}),
        selection: {...base, measure: "spend"}
      },
      {
        apply: () => page.getByLabel("Area", {exact: true}).selectOption({label: "North"}),
        selection: {...base, measure: "spend", area: "NORTH"}
      },
      {
        apply: () => page.getByRole("radio", {name: "Quarter"}).check(),
        selection: {...base, measure: "spend", area: "NORTH", grain: "quarter"}
      }
    ];
    for (const {apply, selection} of changes) {
      const before = await page.textContent('[data-testid="sql-linear-forecast"]');
      await apply();
      await page.waitForFunction(
        (previous) => document.querySelector('[data-testid="sql-linear-forecast"]')?.textContent !== previous,
        before
      );
      expectSameTrend(await shownTrend(page), await expectedTrend(selection, 3, [80, 95]));
    }
    await page.close();
    expect(visit.pageErrors).toEqual([]);
    expect(visit.errorCells).toEqual([]);
  });

  test("a filter that does not apply to the series is disabled, left out of the URL, and comes back with its value", async () => {
    const visit = await visitPage(browser.context, `${server.url}/trend-forecast?series=spend&lot=LOT2`, {
      minCharts: 1
    });
    const {page} = visit;
    const lot = page.getByLabel("Lot", {exact: true});
    expect(await lot.isDisabled()).toBe(false);
    await page.getByLabel("Series", {exact: true}).selectOption({label: "EHC needs assessment requests"});
    await page.waitForFunction(() => !new URLSearchParams(location.search).has("lot"));
    expect(await lot.isDisabled()).toBe(true);
    expect(await page.evaluate(() => location.search)).toBe("?series=ehcp_requests");
    await page.getByLabel("Series", {exact: true}).selectOption({label: "Spend"});
    await page.waitForFunction(() => new URLSearchParams(location.search).get("lot") === "LOT2");
    expect(await lot.isDisabled()).toBe(false);
    await page.close();
    expect(visit.pageErrors).toEqual([]);
  });
});

async function metaFile(): Promise<string | undefined> {
  return (await readdir(join(distDir, "_file", "data"))).find((file) => /^meta\.[0-9a-f]+\.json$/.test(file));
}
