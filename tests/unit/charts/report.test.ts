import {describe, expect, test} from "vitest";
import {
  referralsForecastChart,
  referralsForecastTitle,
  summariseReferralsForecast
} from "../../../src/components/charts/report/referrals-forecast.js";
import {
  spendBudgetChart,
  spendBudgetTitle,
  summariseSpendBudget
} from "../../../src/components/charts/report/spend-budget.js";
import {spotShareChart, spotShareTitle} from "../../../src/components/charts/report/spot-share.js";
import type {ForecastPoint, ReportSpendRow, ReportSpotShareRow} from "../../../src/components/report/types.js";
import {createDocument, expectSnapshot, serialise} from "../../support/snapshot.js";

const actual = (year: number, referrals: number): ForecastPoint => ({
  financial_year: `${year}-${String((year + 1) % 100).padStart(2, "0")}`,
  start_year: year,
  kind: "actual",
  referrals,
  lower_80: null,
  upper_80: null,
  lower_95: null,
  upper_95: null
});
const points: ForecastPoint[] = [
  actual(2021, 230),
  actual(2022, 244),
  actual(2023, 298),
  actual(2024, 374),
  {
    financial_year: "2025-26",
    start_year: 2025,
    kind: "forecast",
    referrals: 390,
    lower_80: 293,
    upper_80: 487,
    lower_95: 160,
    upper_95: 620
  },
  {
    financial_year: "2026-27",
    start_year: 2026,
    kind: "forecast",
    referrals: 406,
    lower_80: 265,
    upper_80: 548,
    lower_95: 0,
    upper_95: 835
  }
];
const spend = (financial_year: string, spend_gbp: number | "c", budget_gbp: number): ReportSpendRow => ({
  financial_year,
  lot_code: "Total",
  lot_name: "All Lots",
  spend_gbp,
  budget_gbp
});
const spendRows = [
  spend("2022-23", 546694, 710000),
  spend("2023-24", 677632, 790000),
  spend("2024-25", 990382, 950000),
  spend("2025-26", 748533, 987500),
  {...spend("2024-25", 151257, 150000), lot_code: "LOT1", lot_name: "Lot 1"}
];
const spotRows: ReportSpotShareRow[] = [
  {financial_year: "2022-23", placements: 128, spot_purchase: 40, spot_share_pct: 31.3},
  {financial_year: "2023-24", placements: 206, spot_purchase: "c", spot_share_pct: "c"},
  {financial_year: "2024-25", placements: 312, spot_purchase: 21, spot_share_pct: 6.7},
  {financial_year: "2025-26", placements: 190, spot_purchase: 13, spot_share_pct: 6.8}
];

describe("referrals forecast chart", () => {
  test("title and summary state the finding", () => {
    // 406 / 374 − 1 = 8.6% ≥ 5% → "rise"
    expect(referralsForecastTitle(points)).toBe(
      "Referrals are forecast to rise from 374 to about 406 a year by 2026-27"
    );
    expect(summariseReferralsForecast(points)).toBe(
      "Referrals were 374 in 2024-25; the forecast for 2026-27 is 406 (80% range 265 to 548, 95% range 0 to 835)."
    );
    expect(referralsForecastTitle(points.slice(0, 4))).toBe("Referrals received each year");
  });
  test("draws outlined ranges, no Plot warning; snapshot", async () => {
    const figure = referralsForecastChart(points, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(referralsForecastTitle(points));
    expect(figure.querySelectorAll('[data-mark="area"] path').length).toBe(2);
    expect(serialise(figure)).not.toContain("⚠");
    await expectSnapshot(figure, "report-referrals-forecast.svg");
  });
});

describe("spend against budget chart", () => {
  test("complete years only; title and summary", () => {
    expect(spendBudgetTitle(spendRows, "2024-25")).toBe(
      "Spend went over budget in 2024-25 for the first time in 3 years"
    );
    expect(summariseSpendBudget(spendRows, "2024-25")).toBe(
      "Commissioned care spend was over budget in 1 of 3 years from 2022-23 to 2024-25; in 2024-25 it was £990,382 against £950,000."
    );
    expect(spendBudgetTitle(spendRows, "2023-24")).toBe(
      "Spend stayed within budget in every year from 2022-23 to 2023-24"
    );
  });
  test("snapshot, no Plot warning", async () => {
    const figure = spendBudgetChart(spendRows, {width: 640, lastCompleteYear: "2024-25", document: createDocument()});
    expect(serialise(figure)).not.toContain("⚠");
    await expectSnapshot(figure, "report-spend-budget.svg");
  });
});

describe("spot-purchase share chart", () => {
  test("title skips hidden years; a hidden share is a labelled gap", async () => {
    expect(spotShareTitle(spotRows, "2024-25")).toBe(
      "Spot purchase fell to 6.7% of new placements, from 31.3% in 2022-23"
    );
    const figure = spotShareChart(spotRows, {width: 640, lastCompleteYear: "2024-25", document: createDocument()});
    const labels = [...figure.querySelectorAll('[data-mark="text"] text')].map((node) => node.textContent);
    expect(labels).toEqual(["31.3%", "c", "6.7%", "6.8%"]);
    expect(serialise(figure)).not.toContain("⚠");
    await expectSnapshot(figure, "report-spot-share.svg");
  });
});
