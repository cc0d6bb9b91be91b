import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {queryRows, queryToArrow} from "../../loaders/arrow/query-to-arrow.js";
import {
  AGEING_OUT_COHORT_SQL,
  AGEING_OUT_HISTORY_SQL,
  EXTRACT_DATE_TEXT_SQL,
  ageingOutSurvivalScript
} from "../../loaders/aggregates/ageing-out.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";
import {repoRoot} from "../../loaders/paths.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {memoryDb} from "../support/duckdb-arrow.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";

let server: StaticServer;
let browser: Browser;
let db: Awaited<ReturnType<typeof memoryDb>>;
let extractMonth: string;
const leaversSql = readFileSync(join(repoRoot, "src", "sql", "ageing-out-leavers.sql"), "utf8");
const populationSql = readFileSync(join(repoRoot, "src", "sql", "ageing-out-population.sql"), "utf8");

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  const warehouse = await openWarehouse();
  const cohort = await queryToArrow(warehouse.connection, AGEING_OUT_COHORT_SQL);
  const history = await queryToArrow(warehouse.connection, AGEING_OUT_HISTORY_SQL);
  const survival = await queryToArrow(warehouse.connection, ageingOutSurvivalScript());
  const [{extract_date: extractDate}] = await queryRows(warehouse.connection, EXTRACT_DATE_TEXT_SQL);
  warehouse.close();
  extractMonth = String(extractDate).slice(0, 7);
  db = await memoryDb({cohort, history, survival});
});

afterAll(async () => {
  db?.close();
  await browser?.close();
  await server?.close();
});

async function native(sql: string, params: (string | number)[]) {
  return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJson();
}

/** The cells of a table's body rows: the leavers table (by test id) or a table found by its caption. */
async function tableCells(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""))
  );
}

/** Waits until the table has `count` body rows (Playwright selectors, so a caption can find a table). */
async function waitForRows(page: Page, selector: string, count: number): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if ((await page.$$(`${selector} tbody tr`)).length === count) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${count} rows in ${selector}`);
}

const LEAVERS = '[data-testid="ageing-out-leavers"]';
const POPULATION = 'table:has(caption:text("Projected supported population"))';

/** The page's leavers table as [period, Lot, young people, on a statutory Lot]. */
const leaversShown = (cells: string[][]) =>
  cells.map((row) => [row[0], row[3], Number(row[4].replace(/,/g, "")), Number(row[6])]);
const leaversExpected = (rows: Record<string, unknown>[]) =>
  rows.map((row) => [row.period, row.lot_name, row.children, row.statutory_children]);
/** The page's population table as [today's children not yet 18, projected, 95% lower, 95% upper] (1 dp). */
const populationShown = (cells: string[][]) => cells.map((row) => [row[1].replace(/,/g, ""), row[4], row[7], row[8]]);
const populationExpected = (rows: Record<string, unknown>[]) =>
  rows.map((row) => [
    String(row.current_not_aged_out),
    ...[row.projected, row.lower_95, row.upper_95].map((value) => Number(value).toFixed(1))
  ]);

test("the ageing-out page's DuckDB-WASM results agree with native DuckDB on the same aggregates, from one database", async () => {
  // the page's default view: 3 years ahead, by year from the extract, no filters
  const expected = await native(leaversSql, [extractMonth, 3, "year", "", "", "", ""]);
  const expectedPopulation = await native(populationSql, [extractMonth, 3, "", "", "", "", 1.2816, 1.96, 3]);

  const requests: string[] = [];
  const record = (request: {url(): string}) => requests.push(request.url());
  browser.context.on("request", record);
  const visit = await visitPage(browser.context, `${server.url}/ageing-out`, {minCharts: 3});
  browser.context.off("request", record);
  await visit.page.waitForSelector(`${LEAVERS} tbody tr`, {state: "attached"});
  const shown = await tableCells(visit.page, LEAVERS);
  const population = await tableCells(visit.page, POPULATION);
  const check = await visit.page.textContent('[data-testid="northamptonshire-check"]');
  await visit.page.close();

  expect(visit.errorCells).toEqual([]);
  expect(shown.length).toBeGreaterThan(0);
  expect(leaversShown(shown)).toEqual(leaversExpected(expected));
  expect(populationShown(population)).toEqual(populationExpected(expectedPopulation));
  expect(population.length).toBe(4);
  expect(check).toContain("Agrees with the printed total: 11 young people and 42 nights a month");
  // one DuckDB database: its worker script and each part of its wasm are fetched once (two databases fetched both
  // twice: 11.6 MB instead of 5.8 MB)
  expect(requests.filter((url) => /duckdb-browser-(eh|mvp)\.worker/.test(url))).toHaveLength(1);
  const wasm = requests.filter((url) => /duckdb-(eh|mvp)\.\d\.wasm/.test(url));
  expect(new Set(wasm).size).toBe(wasm.length);
  expect(wasm.length).toBeGreaterThan(0);
});

test("a shared link opens the same view, and changing the horizon selects the projection's years", async () => {
  const [lot] = (await native("SELECT min(lot_code) AS lot FROM cohort", [])).map((row) => row.lot as string);
  const visit = await visitPage(browser.context, `${server.url}/ageing-out?years=5&period=quarter&lot=${lot}`, {
    minCharts: 3
  });
  try {
    expect(visit.errorCells).toEqual([]);
    await visit.page.waitForSelector(`${LEAVERS} tbody tr`, {state: "attached"});
    expect(leaversShown(await tableCells(visit.page, LEAVERS))).toEqual(
      leaversExpected(await native(leaversSql, [extractMonth, 5, "quarter", lot, "", "", ""]))
    );
    expect(populationShown(await tableCells(visit.page, POPULATION))).toEqual(
      populationExpected(await native(populationSql, [extractMonth, 5, lot, "", "", "", 1.2816, 1.96, 3]))
    );

    // 5 years -> 2 years: the leavers are queried again, the population rows are the first three of the five
    const years = visit.page.locator('form:has(label:text("Years ahead")) select');
    await years.selectOption({label: "2"});
    await waitForRows(visit.page, POPULATION, 3);
    expect(populationShown(await tableCells(visit.page, POPULATION))).toEqual(
      populationExpected(await native(populationSql, [extractMonth, 2, lot, "", "", "", 1.2816, 1.96, 3]))
    );
    const expected = leaversExpected(await native(leaversSql, [extractMonth, 2, "quarter", lot, "", "", ""]));
    await waitForRows(visit.page, LEAVERS, expected.length);
    expect(leaversShown(await tableCells(visit.page, LEAVERS))).toEqual(expected);
  } finally {
    await visit.page.close();
  }
});
