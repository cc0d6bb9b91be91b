import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {queryToArrow} from "../../loaders/arrow/query-to-arrow.js";
import {
  AGEING_OUT_COHORT_SQL,
  AGEING_OUT_HISTORY_SQL,
  EXTRACT_DATE_TEXT_SQL
} from "../../loaders/aggregates/ageing-out.js";
import {queryRows} from "../../loaders/arrow/query-to-arrow.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";
import {repoRoot} from "../../loaders/paths.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {memoryDb} from "../support/duckdb-arrow.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the ageing-out page's DuckDB-WASM results agree with native DuckDB on the same aggregates", async () => {
  const warehouse = await openWarehouse();
  const cohort = await queryToArrow(warehouse.connection, AGEING_OUT_COHORT_SQL);
  const history = await queryToArrow(warehouse.connection, AGEING_OUT_HISTORY_SQL);
  const [{extract_date: extractDate}] = await queryRows(warehouse.connection, EXTRACT_DATE_TEXT_SQL);
  warehouse.close();
  const db = await memoryDb({cohort, history});
  const sql = readFileSync(join(repoRoot, "src", "sql", "ageing-out-leavers.sql"), "utf8");
  // the page's default view: 3 years ahead, by year from the extract, no filters
  const expected = (
    await db.connection.runAndReadAll(sql, [String(extractDate).slice(0, 7), 3, "year", "", "", "", ""])
  ).getRowObjectsJson();
  db.close();

  const visit = await visitPage(browser.context, `${server.url}/ageing-out`, {minCharts: 3});
  await visit.page.waitForSelector('[data-testid="ageing-out-leavers"] tbody tr', {state: "attached"});
  const shown = await visit.page.$$eval('[data-testid="ageing-out-leavers"] tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""))
  );
  const check = await visit.page.textContent('[data-testid="northamptonshire-check"]');
  await visit.page.close();

  expect(shown.map((cells) => [cells[0], cells[3], Number(cells[4].replace(/,/g, "")), Number(cells[6])])).toEqual(
    expected.map((row) => [row.period, row.lot_name, row.children, row.statutory_children])
  );
  expect(shown.length).toBeGreaterThan(0);
  expect(check).toContain("Agrees with the printed total: 11 young people and 42 nights a month");
});
