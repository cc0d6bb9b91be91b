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

test("the home page's DuckDB-WASM query agrees with native DuckDB on the raw referrals", async () => {
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

  const visit = await visitPage(browser.context, `${server.url}/`, {minCharts: 1});
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
});
