import {afterAll, beforeAll, expect, test} from "vitest";
import {scenarioBaseline} from "../../loaders/aggregates/scenario-baseline.js";
import {queryRows} from "../../loaders/arrow/query-to-arrow.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {summariseCapacityGap} from "../../src/components/charts/scenario-planner/capacity-gap.js";
import {summariseDifference} from "../../src/components/charts/scenario-planner/difference.js";
import {summariseSpendVsBudget} from "../../src/components/charts/scenario-planner/spend-vs-budget.js";
import {
  capacityGapRows,
  decodeScenario,
  defaultInputs,
  differences,
  project,
  spendBudgetRows,
  type Baseline
} from "../../src/components/scenario/index.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";

let server: StaticServer;
let browser: Browser;
let baseline: Baseline;

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  const warehouse = await openWarehouse();
  baseline = (await scenarioBaseline((sql) => queryRows(warehouse.connection, sql))) as unknown as Baseline;
  warehouse.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("a shared scenario link opens both scenarios, and the page's figures equal the model's in Node", async () => {
  const a = "y4~g4~c60~i3~b1~s0";
  const b = "y4~g4~c60~i3~b1~s50~k.LOT2.EAST.20.LOT4.EAST.-15";
  const visit = await visitPage(browser.context, `${server.url}/scenario-planner?years=4&a=${a}&b=${b}`, {
    minCharts: 3
  });
  const ledes = await visit.page.$$eval("p.lede", (nodes) => nodes.map((n) => n.textContent?.trim() ?? ""));
  const time = await visit.page.textContent('[data-testid="recompute-time"]');
  const url = visit.page.url();
  await visit.page.close();
  expect(visit.pageErrors).toEqual([]);
  expect(visit.errorCells).toEqual([]);

  const defaults = defaultInputs(baseline);
  const pa = project(baseline, {...decodeScenario(a, defaults), years: 4});
  const pb = project(baseline, {...decodeScenario(b, defaults), years: 4});
  const both = [
    ["A", pa],
    ["B", pb]
  ] as const;
  expect(ledes).toEqual([
    summariseSpendVsBudget(spendBudgetRows(baseline, both)),
    summariseCapacityGap(capacityGapRows(baseline, both)),
    summariseDifference(differences(pa, pb))
  ]);
  expect(ledes[1]).toContain("short by"); // LOT4 East loses 15 hours: a shortfall in B
  expect(new URL(url).searchParams.get("b")).toBe(b);
  const ms = Number(/in ([\d.]+) ms/.exec(time ?? "")?.[1]);
  expect(ms).toBeLessThan(100);
});
