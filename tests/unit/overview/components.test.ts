import {describe, expect, test} from "vitest";
import {describeChange, kpiCard, headlineRows, headlines} from "../../../src/components/overview/headlines.js";
import type {OverviewData} from "../../../src/components/overview/types.js";
import {
  addMonths,
  financialYearBounds,
  financialYearOfDate,
  financialYearsBetween,
  isCompleteFinancialYear,
  monthEnd,
  monthsBetween,
  nextDay,
  sameDayLastYear,
  yearToDateEnd
} from "../../../src/components/periods.js";
import {createDocument} from "../../support/snapshot.js";

describe("periods", () => {
  test("financial years, same day last year and year-to-date cut-offs", () => {
    expect(financialYearOfDate("2025-03-31")).toBe("2024-25");
    expect(financialYearOfDate("2025-04-01")).toBe("2025-26");
    expect(financialYearBounds("2024-25")).toEqual({start: "2024-04-01", end: "2025-03-31"});
    expect(() => financialYearBounds("2024-26")).toThrow("invalid financial year");
    expect(sameDayLastYear("2024-02-29")).toBe("2023-02-28");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-11-30", 12)).toBe("2026-11-30");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(yearToDateEnd("2023-24", "2026-02-15")).toBe("2024-02-15");
    expect(yearToDateEnd("2022-23", "2024-02-29")).toBe("2023-02-28");
    expect(financialYearsBetween("2019-04-02", "2021-04-01")).toEqual(["2019-20", "2020-21", "2021-22"]);
    expect(isCompleteFinancialYear("2024-25", {extractDate: "2025-03-31", dataStart: "2019-04-01"})).toBe(true);
    expect(isCompleteFinancialYear("2024-25", {extractDate: "2025-03-30", dataStart: "2019-04-01"})).toBe(false);
    expect(isCompleteFinancialYear("2019-20", {extractDate: "2025-11-30", dataStart: "2019-05-01"})).toBe(false);
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthEnd("2024-02")).toBe("2024-02-29");
  });
});

describe("describeChange", () => {
  test("judges a rise by the indicator's direction, in words and with a symbol", () => {
    expect(describeChange({current: 75, previous: 53, polarity: "down", basis: "30 November 2024"})).toEqual({
      verdict: "worse",
      symbol: "▲",
      amount: "+42%",
      text: "▲ +42% on 30 November 2024: worse."
    });
    expect(describeChange({current: 308, previous: 305, polarity: "up", basis: "last year"}).text).toBe(
      "▲ +1% on last year: better."
    );
    expect(describeChange({current: 90, previous: 100, polarity: "up", basis: "last year"}).text).toBe(
      "▼ -10% on last year: worse."
    );
    expect(describeChange({current: 24, previous: 26, polarity: "neither", basis: "last year"}).text).toBe(
      "▼ -8% on last year: neither better nor worse."
    );
  });
  test("percentage points, absolute units, no change and no comparison", () => {
    expect(
      describeChange({current: 0.0907, previous: 0.1553, polarity: "down", measure: "points", basis: "b"}).text
    ).toBe("▼ -6.5 percentage points on b: better.");
    expect(
      describeChange({current: 35, previous: 24, polarity: "down", measure: "absolute", unit: "days", basis: "b"})
        .amount
    ).toBe("+11 days");
    expect(describeChange({current: 1000, previous: 1001, polarity: "up", basis: "b"}).verdict).toBe("no change");
    expect(describeChange({current: 5, previous: 0, polarity: "up", basis: "b"}).verdict).toBe("not comparable");
    expect(describeChange({current: null, previous: 3, polarity: "up", basis: "b"}).text).toBe(
      "– No comparison with b."
    );
  });
});

describe("kpiCard", () => {
  test("shows the figure, the judged change, notes, sparkline and link", () => {
    const document = createDocument();
    const spark = document.createElement("svg");
    const card = kpiCard({
      title: "Waiting",
      value: "75",
      measure: "Referrals awaiting a decision",
      change: describeChange({current: 75, previous: 53, polarity: "down", basis: "a year earlier"}),
      notes: ["Median wait 35 days."],
      sparkline: spark,
      href: "./capacity.html",
      linkText: "Capacity",
      document
    });
    expect(card.querySelector("h2")?.textContent).toBe("Waiting");
    expect(card.querySelector(".kpi-value")?.textContent).toBe("75");
    expect(card.querySelector(".kpi-change")?.textContent).toBe("▲ +42% on a year earlier: worse.");
    expect(card.querySelector(".kpi-change")?.className).toContain("kpi-worse");
    expect(card.querySelector(".kpi-note")?.textContent).toBe("Median wait 35 days.");
    expect(card.querySelector(".kpi-sparkline svg")).not.toBeNull();
    expect(card.querySelector("a")?.getAttribute("href")).toBe("./capacity.html");
  });
});

const sampleOverview: OverviewData = {
  provenance: {
    councilName: "Demo County",
    datasetName: "Demo",
    source: "Demo extract",
    extractDate: "2025-11-30",
    builtAt: "2025-12-01"
  },
  extractDate: "2025-11-30",
  sameDayLastYear: "2024-11-30",
  currentYear: "2025-26",
  previousYear: "2024-25",
  dataStart: "2019-04-01",
  referrals: {
    toDate: 259,
    toDateLastYear: 250,
    byYear: [
      {financial_year: "2023-24", referrals: 298, referrals_to_date: 197, complete: true},
      {financial_year: "2024-25", referrals: 374, referrals_to_date: 250, complete: true},
      {financial_year: "2025-26", referrals: 259, referrals_to_date: 259, complete: false}
    ]
  },
  supported: {now: 308, lastYear: 305, byMonth: [{month: "2025-11", at: "2025-11-30", supported: 308}]},
  waiting: {now: 75, lastYear: 53, medianDays: 35, medianDaysLastYear: 24, byMonth: []},
  spend: {
    spendToDate: 748532.59,
    spendToDateLastYear: 628997.05,
    committed: 339803.39,
    forecast: 1088335.98,
    budget: 987500,
    spotShare: 0.0907,
    spotShareLastYear: 0.1553,
    byLot: [],
    byYear: []
  },
  turning18: {next12Months: 24, lastYear: 26, byMonth: []}
};

describe("headlines", () => {
  test("every KPI with its value, comparison and verdict", () => {
    const rows = headlineRows(sampleOverview);
    expect(rows.map((r) => [r.value, r.compared_with, r.change, r.verdict])).toEqual([
      ["259", "250", "+4%", "neither"],
      ["308", "305", "+1%", "better"],
      ["75", "53", "+42%", "worse"],
      ["35 days", "24 days", "+11 days", "worse"],
      ["£748,533", "£628,997", "+19%", "worse"],
      ["9.1%", "15.5%", "-6.5 percentage points", "better"],
      ["24", "26", "-8%", "neither"]
    ]);
    expect(rows[0].indicator).toBe("Referrals received, 1 April 2025 to 30 November 2025");
    expect(rows[0].basis).toBe("the same months of 2024-25 (1 April 2024 to 30 November 2024)");
    expect(rows[6].indicator).toBe("Supported young people turning 18, December 2025 to November 2026");
    expect(headlines(sampleOverview).map((h) => h.key)).toContain("spot");
  });
});
