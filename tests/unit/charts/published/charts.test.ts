import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {loadPublished} from "../../../../loaders/published/index.js";
import {
  ehcpGrowth,
  growthOnPrevious,
  growthSince,
  lewishamEhcpChart,
  summariseEhcp
} from "../../../../src/components/charts/published/lewisham-ehcp.js";
import {lewishamCypChart, summariseLewishamCyp} from "../../../../src/components/charts/published/lewisham-cyp.js";
import {
  lewishamSpendChart,
  summariseLewishamSpend
} from "../../../../src/components/charts/published/lewisham-spend.js";
import {lot1AllocationChart, summariseLot1} from "../../../../src/components/charts/published/lot1-allocations.js";
import {lot1HistoryChart, summariseLot1History} from "../../../../src/components/charts/published/lot1-history.js";
import {summariseTurning18, turning18Chart} from "../../../../src/components/charts/published/turning-18.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const published = loadPublished(fileURLToPath(new URL("../../../../data/published", import.meta.url)));
const doc = () => createDocument();

describe("Lewisham EHC needs assessments", () => {
  const rows = published.lewisham.ehcp.map(({indicator, year, value}) => ({indicator, year, value}));

  test("computes +42% since 2018-19 and +22% on the previous year", () => {
    // para 4.8 table: 416 → 592 = +42.3%; 486 → 592 = +21.8%
    const [requests] = ehcpGrowth(rows);
    expect(requests.sinceFirst).toBeCloseTo(592 / 416 - 1, 12);
    expect(growthSince(requests)).toBe("+42% since 2018-19");
    expect(growthOnPrevious(requests)).toBe("+22% on the previous year");
  });

  test("summarises and draws", async () => {
    expect(summariseEhcp(rows)).toMatch(
      /^Requests for EHC Needs Assessments rose from 416 in 2018-19 to 592 in 2021-22 \(\+42% since 2018-19; \+22% on the previous year\)\./
    );
    expect(summariseEhcp([])).toBe("No EHC needs assessment figures with two or more years.");
    const chart = lewishamEhcpChart(rows, {width: 640, source: "seed", document: doc()});
    expect(chart.querySelector("h2")?.textContent).toBe(
      "Requests for EHC Needs Assessments rose +42% since 2018-19 (+22% on the previous year)"
    );
    expect(chart.textContent).toContain("Source: seed");
    await expectSnapshot(chart, "published-lewisham-ehcp.svg");
  });
});

describe("Lewisham CYP and spend", () => {
  test("CYP per Lot, printed totals left out of the stack", async () => {
    const rows = published.lewisham.cypByLot.filter((row) => row.category !== "Total");
    // Council 2021-22: 1 + 178 + 26 = 205 (printed total 205); CCG: 6 + 16 + 1 = 23
    expect(summariseLewishamCyp(rows)).toBe(
      "In 2021-22 Lewisham Council supported 205 children and young people (26 spot purchased; 178 in Lot C) and SEL CCG 23 (16 in Lot B)."
    );
    const chart = lewishamCypChart(rows, {width: 640, source: "seed", document: doc()});
    expect(chart.querySelector("h2")?.textContent).toBe(
      "Lewisham Council: 205; SEL CCG: 23 CYP in 2021-22, 26 spot purchased"
    );
    await expectSnapshot(chart, "published-lewisham-cyp.svg");
  });

  test("framework against spot purchase", async () => {
    // Council 2021-22: 374,000 / 1,073,000 = 34.9%; CCG: 1,838,000 / 2,691,000 = 68.3%; CCG 2019-20 1,839 / 2,510 = 73.3%
    expect(summariseLewishamSpend(published.lewisham.spendShares)).toBe(
      "In 2021-22 spot purchase was 35% of Lewisham Council's £1.1m (0% in 2019-20) and 68% of SEL CCG's £2.7m (73% in 2019-20)."
    );
    const chart = lewishamSpendChart(published.lewisham.spendShares, {width: 640, source: "seed", document: doc()});
    expect(chart.querySelector("h2")?.textContent).toBe(
      "In 2021-22 spot purchase was 68% of SEL CCG spend and 35% of Lewisham Council spend"
    );
    await expectSnapshot(chart, "published-lewisham-spend.svg");
  });
});

describe("Staffordshire Lot 1", () => {
  const {lot1} = published.staffordshire;
  const rows = lot1.areas.map((area) => ({
    area: area.area,
    allocatedCyp: area.allocatedCyp,
    allocatedGbp: Math.round(area.allocatedGbpReconstructed),
    budgetedGbp: area.budgetedGbp,
    budgetedCyp: area.budgetedCyp
  }));

  test("£81,830 allocated of £150,000 to 53 CYP, computed from the cells", async () => {
    // 21,225 + 18,580 + 24,387 + 17,638 = 81,830; 81,830 / 150,000 = 54.6%; North 21,225 / 54,000 = 39.3%
    expect(summariseLot1(rows, lot1.overall.budgetedGbp)).toBe(
      "£81,830 of the £150,000 budget (55%) was allocated to 53 children and young people; by area: North 39% of £54,000, South 58% of £32,000, East 76% of £32,000, West 55% of £32,000."
    );
    const chart = lot1AllocationChart(rows, {
      width: 640,
      budgetGbp: 150000,
      period: "April 24 to Sept 24",
      source: "seed",
      document: doc()
    });
    expect(chart.querySelector("h2")?.textContent).toBe("£81,830 of £150,000 allocated to 53 CYP, April 24 to Sept 24");
    await expectSnapshot(chart, "published-lot1-allocations.svg");
  });

  test("history: a range is drawn as a range", async () => {
    const rows = [
      {period: "before April 2022", measure: "Young people supported", low: 80, high: 110, printed: "80-110"},
      {period: "2022-23", measure: "Young people supported", low: 9, high: 9, printed: "9"},
      {period: "2022-23", measure: "Referrals", low: 67, high: 67, printed: "67"}
    ];
    expect(summariseLot1History(rows)).toBe(
      "Young people supported before April 2022: 80–110; Young people supported in 2022-23: 9; Referrals in 2022-23: 67."
    );
    const chart = lot1HistoryChart(rows, {
      width: 640,
      source: "seed",
      headline: "Young people supported",
      document: doc()
    });
    expect(chart.querySelector("h2")?.textContent).toBe(
      "Young people supported: 9 in 2022-23, against 80–110 before April 2022"
    );
    await expectSnapshot(chart, "published-lot1-history.svg");
  });
});

describe("Northamptonshire turning 18", () => {
  test("11 young people and 42 nights a month", async () => {
    const rows = published.northamptonshire.turning18;
    expect(summariseTurning18(rows)).toBe(
      "11 young people turn 18 between March 2023 and February 2024, using 42 nights a month between them (JGS 9 and 31, Squirrels 2 and 11)."
    );
    const chart = turning18Chart(rows, {width: 640, source: "seed", document: doc()});
    expect(chart.querySelector("h2")?.textContent).toBe("11 young people turning 18 free 42 nights a month");
    await expectSnapshot(chart, "published-turning-18.svg");
  });
});
