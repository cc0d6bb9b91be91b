import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {withSeries} from "../../src/components/trend/compose.js";
import {PERIODS_PER_YEAR, seriesParams, type SeriesSelection} from "../../src/components/trend/measures.js";
import {lastCompleteMonth} from "../../src/components/trend/periods.js";
import {tQuantileList} from "../../src/components/trend/quantile-list.js";
import {launchBrowser, type Browser} from "../support/browser.js";
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

describe("the trend forecast page's DuckDB-WASM numbers equal native DuckDB's", () => {
  test.each(CASES)("/trend-forecast$query", async ({query, selection, years}) => {
    const meta = JSON.parse(await readFile(join(distDir, "_file", "data", (await metaFile()) ?? ""), "utf-8")) as {
      provenance: {extractDate: string};
    };
    const params = seriesParams(selection, lastCompleteMonth(meta.provenance.extractDate));
    const series = await db.query(readSql("series.sql"), params);
    const n = series.length;
    const levels = /levels=(\d+)-(\d+)/.exec(query)?.slice(1).map(Number) ?? [80, 95];
    const horizon = years * PERIODS_PER_YEAR[selection.grain];
    const expected = await db.query(withSeries(readSql("series.sql"), readSql("linear.sql")), [
      ...params,
      horizon,
      ...levels.map((level) => tQuantileList(level, n))
    ]);

    const visit = await visitPage(browser.context, `${server.url}/trend-forecast${query}`, {minCharts: 1});
    await visit.page.waitForSelector('[data-testid="sql-linear-forecast"] tbody tr');
    const values = (selector: string) =>
      visit.page.$$eval(`[data-testid="${selector}"] tbody tr`, (rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll("td[data-value]"), (cell) => Number(cell.getAttribute("data-value")))
        )
      );
    const terms = await values("sql-linear-terms");
    const forecastRows = await values("sql-linear-forecast");
    const headline = await visit.page.textContent('[data-testid="forecast-headline"]');
    await visit.page.close();
    expect(visit.pageErrors).toEqual([]);
    expect(visit.errorCells).toEqual([]);

    const close = (actual: number, wanted: number) =>
      expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
    expect(terms).toHaveLength(1);
    const e = expected[0];
    [e.n, e.slope, e.intercept, e.xbar, e.sxx, e.residual_se].forEach((v, i) => close(terms[0][i], Number(v)));
    expect(forecastRows).toHaveLength(horizon);
    forecastRows.forEach((row, h) => {
      const r = expected[h];
      [r.mean, r.lower_inner, r.upper_inner, r.lower_outer, r.upper_outer].forEach((v, i) => close(row[i], Number(v)));
    });
    expect(headline).toMatch(/forecast to (rise|fall|stay)/);
  });
});

async function metaFile(): Promise<string | undefined> {
  return (await readdir(join(distDir, "_file", "data"))).find((file) => /^meta\.[0-9a-f]+\.json$/.test(file));
}
