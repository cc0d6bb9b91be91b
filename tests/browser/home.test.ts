import {afterAll, beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/arrow/query-to-arrow.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
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

test("the overview loads no DuckDB-WASM and stays within 20 requests (issue #7 budget)", async () => {
  // Every request of a cold load, the page's own and any worker's, counted until the network is idle.
  const requested: string[] = [];
  browser.context.on("request", (request) => requested.push(new URL(request.url()).pathname));
  const visit = await visitPage(browser.context, `${server.url}/`, {minCharts: 10});
  const headline = await visit.page.$$eval(".kpi-grid .kpi-card", (cards) => cards.length);
  await visit.page.close();
  browser.context.removeAllListeners("request");

  expect(requested.filter((path) => path.includes("duckdb"))).toEqual([]);
  // Budget: at most 20 requests (html, stylesheet, modules, data), the first one being the page itself.
  expect(requested[0]).toBe("/");
  expect(requested.length).toBeGreaterThan(3);
  expect(requested.length).toBeLessThanOrEqual(20);
  // The six headline cards (referrals, supported, waiting, spend, spot share, turning 18) are all still there.
  expect(headline).toBe(6);
});

test("the trend forecast's DuckDB-WASM check agrees with native DuckDB on the raw referrals", async () => {
  // Independent path: count the child-level referral rows in native DuckDB, not the aggregate the page reads.
  const warehouse = await openWarehouse();
  const expected = await queryRows(
    warehouse.connection,
    `SELECT (year(received_date) - CASE WHEN month(received_date) < 4 THEN 1 ELSE 0 END) AS start_year,
       count(*)::INTEGER AS referrals,
       count(*) FILTER (WHERE outcome = 'placed')::INTEGER AS placed,
       count(*) FILTER (WHERE outcome = 'waiting')::INTEGER AS waiting
     FROM referrals GROUP BY ALL ORDER BY start_year`
  );
  warehouse.close();

  const visit = await visitPage(browser.context, `${server.url}/trend-forecast`, {minCharts: 1});
  await visit.page.waitForSelector('[data-testid="referrals-by-year"] tbody tr');
  const shown = await visit.page.$$eval('[data-testid="referrals-by-year"] tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""))
  );
  await visit.page.close();

  const format = (n: unknown) => Number(n).toLocaleString("en-GB");
  expect(shown).toEqual(
    expected.map((row) => {
      const start = Number(row.start_year);
      const label = `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
      return [label, format(row.referrals), format(row.placed), format(row.waiting)];
    })
  );
  expect(shown.length).toBeGreaterThan(0);
  expect(visit.errorCells).toEqual([]);
});
