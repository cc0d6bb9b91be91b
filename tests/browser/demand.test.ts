/**
 * The demand page keeps its filters in the URL: a link opens the same view, and changing a filter rewrites the
 * link. The growth sentence is checked against the seeds' own wording on the demo county.
 */
import {afterAll, beforeAll, expect, test} from "vitest";
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

test("a link with filters opens the same view, and a changed filter updates the link", async () => {
  const visit = await visitPage(browser.context, `${server.url}/demand?from=2019-20&to=2023-24`, {minCharts: 7});
  const page = visit.page;
  await page.waitForSelector(".filter-summary strong");
  expect(await page.textContent(".filter-summary strong")).toBe("2019-20 to 2023-24, all areas, all Lots");
  const body = (await page.textContent("body")) ?? "";
  expect(body).toContain(
    "+42% since 2019-20 (210 to 298), +22% on the previous year; complete financial years 2019-20 to 2023-24"
  );

  await page.getByLabel("Area", {exact: true}).selectOption({label: "North"});
  await page.waitForFunction(() => location.search.includes("area=NORTH"));
  await page.waitForFunction(() => document.querySelector(".filter-summary strong")?.textContent?.includes("North"));
  expect(new URL(page.url()).searchParams.get("from")).toBe("2019-20");
  expect(await page.textContent(".filter-summary strong")).toBe("2019-20 to 2023-24, North, all Lots");
  await page.close();
  expect(visit.pageErrors).toEqual([]);
  expect(visit.consoleErrors).toEqual([]);
});
