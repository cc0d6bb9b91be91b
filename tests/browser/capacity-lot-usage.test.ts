/**
 * The Capacity and Lot usage pages open the view named in their URL, and their heat-tables agree with native
 * DuckDB counted straight from the packages and referrals (not from the aggregates the pages read).
 */
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

test("a Lot usage link opens Lot 1 in 2024-25, and the allocation table's totals match native DuckDB", async () => {
  const warehouse = await openWarehouse();
  const [expected] = await queryRows(
    warehouse.connection,
    `SELECT count(DISTINCT child_id)::INTEGER AS children,
       round(sum(hours_per_week * (least(coalesce(end_date, DATE '2025-03-31'), DATE '2025-03-31')
         - greatest(start_date, DATE '2024-04-01') + 1) / 7 * hourly_rate))::INTEGER AS cost
     FROM packages WHERE lot_code = 'LOT1' AND start_date <= DATE '2025-03-31'
       AND (end_date IS NULL OR end_date >= DATE '2024-04-01')`
  );
  warehouse.close();

  const visit = await visitPage(browser.context, `${server.url}/lot-usage?lot=LOT1&fy=2024-25`, {minCharts: 5});
  const table = visit.page.locator(".heat-table table", {hasText: "Lot 1 allocations, 2024-25"});
  await table.waitFor();
  const foot = await table.locator("tfoot tr").first().locator("th, td").allTextContents();
  const selects = await visit.page.$$eval("select", (nodes) =>
    nodes.map((node) => {
      return node.options[node.selectedIndex]?.textContent ?? "";
    })
  );
  await visit.page.close();
  expect(foot.at(-2)).toBe(Number(expected.children).toLocaleString("en-GB"));
  expect(foot.at(-1)).toBe(`£${Number(expected.cost).toLocaleString("en-GB")}`);
  expect(selects).toEqual(expect.arrayContaining(["Lot 1", "2024-25"]));
  expect(visit.pageErrors).toEqual([]);
});

test("a Capacity link filtered to one area shows only that area's waiting referrals", async () => {
  const warehouse = await openWarehouse();
  const [expected] = await queryRows(
    warehouse.connection,
    `SELECT count(*)::INTEGER AS waiting FROM referrals WHERE outcome = 'waiting' AND area_code = 'NORTH'`
  );
  warehouse.close();

  const visit = await visitPage(browser.context, `${server.url}/capacity?area=NORTH`, {minCharts: 6});
  const table = visit.page.locator(".heat-table table", {hasText: "Referrals waiting, and waiting more than 13 weeks"});
  await table.waitFor();
  const header = await table.locator("thead tr").first().locator("th").allTextContents();
  const foot = await table.locator("tfoot tr").first().locator("th, td").allTextContents();
  await visit.page.close();
  expect(header).toEqual(["Lot", "North", "Total"]);
  // the latest month end is the extract date, so everyone waiting then is still waiting in the data
  expect(foot.at(-2)).toBe(String(expected.waiting));
  expect(visit.pageErrors).toEqual([]);
});
