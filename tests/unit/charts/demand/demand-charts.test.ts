import {describe, expect, test} from "vitest";
import {
  monthTotals,
  referralsTrendChart,
  referralsTrendTitle,
  summariseReferralsTrend
} from "../../../../src/components/charts/demand/referrals-trend.js";
import {mixTotals, referralMixChart, summariseMix} from "../../../../src/components/charts/demand/referral-mix.js";
import {ehcpTrendChart, summariseEhcpTrend} from "../../../../src/components/charts/demand/ehcp-trend.js";
import {
  conversionChart,
  conversionTitle,
  summariseConversion
} from "../../../../src/components/charts/demand/conversion.js";
import {outcomesChart, outcomesTitle, summariseOutcomes} from "../../../../src/components/charts/demand/outcomes.js";
import {summariseTimingChart, timingsChart, timingsTitle} from "../../../../src/components/charts/demand/timings.js";
import type {RollingPoint, ConversionYear} from "../../../../src/components/demand/ehcp.js";
import type {OutcomeYear} from "../../../../src/components/demand/referral-years.js";
import type {TimingSummary} from "../../../../src/components/demand/timings.js";
import {monthsBetween} from "../../../../src/components/periods.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

// 24 months: 10 a month in the first year, 12 in the second
const months = monthsBetween("2023-04", "2025-03").map((month, i) => ({month, referrals: i < 12 ? 10 : 12}));

describe("referralsTrendChart", () => {
  test("fills missing months with zero", () => {
    expect(
      monthTotals([
        {month: "2024-04", referrals: 2},
        {month: "2024-06", referrals: 1},
        {month: "2024-04", referrals: 1}
      ])
    ).toEqual([
      {month: "2024-04", referrals: 3},
      {month: "2024-05", referrals: 0},
      {month: "2024-06", referrals: 1}
    ]);
    expect(monthTotals([])).toEqual([]);
  });
  test("compares the latest 12 months with the 12 before", () => {
    // 144 vs 120 = +20%
    expect(referralsTrendTitle(months)).toBe(
      "144 referrals in the 12 months to March 2025, +20% on the 12 months before"
    );
    expect(summariseReferralsTrend(months)).toBe(
      "264 referrals were received between April 2023 and March 2025; the busiest month was April 2024 with 12."
    );
    expect(referralsTrendTitle(months.slice(0, 5))).toBe("Referrals received each month");
  });
  test("draws columns and the 12-month average", async () => {
    const figure = referralsTrendChart(months, {width: 640, document: createDocument()});
    expect(figure.querySelectorAll("rect").length).toBeGreaterThanOrEqual(24);
    await expectSnapshot(figure, "demand-referrals-trend.svg");
  });
});

const mixRows = [
  {financial_year: "2023-24", category: "North", referrals: 5},
  {financial_year: "2024-25", category: "North", referrals: 7},
  {financial_year: "2023-24", category: "South", referrals: 3},
  {financial_year: "2024-25", category: "East", referrals: 1},
  {financial_year: "2024-25", category: "West", referrals: 1}
];

describe("referralMixChart", () => {
  test("keeps the largest categories and folds the rest into Other", () => {
    // totals North 12, South 3, East 1, West 1 → with 3 kept: North, South, Other (East + West = 2)
    expect(mixTotals(mixRows, 3)).toEqual([
      {financial_year: "2023-24", category: "North", referrals: 5},
      {financial_year: "2024-25", category: "North", referrals: 7},
      {financial_year: "2023-24", category: "South", referrals: 3},
      {financial_year: "2024-25", category: "Other", referrals: 2}
    ]);
    expect(mixTotals(mixRows, 7)).toHaveLength(5);
  });
  test("summarises the largest category's share", () => {
    // North 12 of 17 = 71%
    expect(summariseMix(mixRows, "area")).toBe(
      "Across 2023-24 to 2024-25, the area with most referrals was North: 12 of 17 (71%)."
    );
    expect(summariseMix([], "area")).toBe("No referrals match the filters.");
  });
  test("draws one labelled row per category", async () => {
    const figure = referralMixChart(mixTotals(mixRows, 3), {dimension: "area", width: 640, document: createDocument()});
    expect(figure.textContent).toContain("Other");
    expect(figure.querySelector("h2")?.textContent).toBe("Most referrals by area: North");
    await expectSnapshot(figure, "demand-referral-mix.svg");
  });
});

const rolling: RollingPoint[] = [
  {month: "2025-01", measure: "requests_received", total: 1200},
  {month: "2025-01", measure: "assessments_completed", total: 800},
  {month: "2025-01", measure: "plans_issued", total: 700},
  {month: "2025-02", measure: "requests_received", total: 1250},
  {month: "2025-02", measure: "assessments_completed", total: 810},
  {month: "2025-02", measure: "plans_issued", total: 720}
];

describe("ehcpTrendChart", () => {
  test("summarises the latest 12-month totals", () => {
    expect(summariseEhcpTrend(rolling)).toBe(
      "In the 12 months to February 2025: 1,250 requests for assessment, 810 assessments completed, 720 new plans issued."
    );
    expect(summariseEhcpTrend([])).toBe("Fewer than 12 months of EHC needs assessment activity match the filters.");
  });
  test("draws three labelled lines", async () => {
    const figure = ehcpTrendChart(rolling, {width: 640, document: createDocument()});
    expect(figure.textContent).toContain("New plans issued: 720");
    await expectSnapshot(figure, "demand-ehcp-trend.svg");
  });
});

const conversion: ConversionYear[] = [
  {
    financial_year: "2023-24",
    requests_received: 100,
    plans_same_year: 50,
    same_year_rate: 0.5,
    plans_lagged: 60,
    lagged_rate: 0.6
  },
  {
    financial_year: "2024-25",
    requests_received: 200,
    plans_same_year: 90,
    same_year_rate: 0.45,
    plans_lagged: null,
    lagged_rate: null
  }
];

describe("conversionChart", () => {
  test("leads with the latest lag-adjusted rate", () => {
    expect(conversionTitle(conversion)).toBe(
      "60% of 2023-24's requests led to a plan, allowing 5 months for the plan to follow"
    );
    expect(conversionTitle(conversion.slice(1))).toBe("New plans were 45% of requests in 2024-25 (same-year ratio)");
    expect(summariseConversion(conversion)).toBe(
      "Plans issued as a share of requests (lag-adjusted: plans issued from 5 months after the year began): 2023-24 50% same-year, 60% lag-adjusted; 2024-25 45% same-year."
    );
  });
  test("draws both series", async () => {
    const figure = conversionChart(conversion, {width: 640, document: createDocument()});
    expect(figure.querySelectorAll("circle").length).toBe(3);
    await expectSnapshot(figure, "demand-conversion.svg");
  });
});

const outcomes: OutcomeYear[] = [
  {financial_year: "2023-24", referrals: 100, placed: 80, declined: 5, withdrawn: 15, waiting: 0},
  {financial_year: "2024-25", referrals: 50, placed: 20, declined: 5, withdrawn: 5, waiting: 20}
];

describe("outcomesChart", () => {
  test("headlines the latest year with few still waiting", () => {
    // 2024-25 has 40% waiting, so 2023-24: 80% placed, 15% withdrawn
    expect(outcomesTitle(outcomes)).toBe("80% of 2023-24's referrals were placed; 15% were withdrawn");
    expect(summariseOutcomes(outcomes)).toBe(
      "Of 150 referrals received from 2023-24 to 2024-25, 100 placed, 10 declined, 20 withdrawn, 20 still waiting; of 2024-25's 50, 20 are still waiting."
    );
  });
  test("draws labelled 100% bars", async () => {
    const figure = outcomesChart(outcomes, {width: 640, document: createDocument()});
    expect(figure.textContent).toContain("80%");
    await expectSnapshot(figure, "demand-outcomes.svg");
  });
});

const timings: TimingSummary[] = [
  {financial_year: "2023-24", lot_code: "All", measure: "decision", referrals: 10, median_days: 20, p90_days: 50},
  {financial_year: "2023-24", lot_code: "All", measure: "package_start", referrals: 8, median_days: 40, p90_days: 80},
  {financial_year: "2024-25", lot_code: "All", measure: "decision", referrals: 12, median_days: 25.5, p90_days: 61},
  {financial_year: "2024-25", lot_code: "All", measure: "package_start", referrals: 9, median_days: 45, p90_days: 90}
];

describe("timingsChart", () => {
  test("headlines the latest year's medians", () => {
    expect(timingsTitle(timings)).toBe(
      "For 2024-25's referrals, a decision took a median of 25.5 days and a package started after a median of 45"
    );
    expect(summariseTimingChart(timings)).toBe(
      "Received to decision: median 20 days in 2023-24 and 25.5 in 2024-25 (90th percentile 61 days); Received to package start: median 40 days in 2023-24 and 45 in 2024-25 (90th percentile 90 days)."
    );
    expect(summariseTimingChart([])).toBe("No decided referrals match the filters.");
  });
  test("draws a panel per measure", async () => {
    const figure = timingsChart(timings, {width: 640, document: createDocument()});
    expect(figure.textContent).toContain("Received to package start");
    await expectSnapshot(figure, "demand-timings.svg");
  });
});
