import {describe, expect, test} from "vitest";
import {
  sparkline,
  summariseSparkline,
  summariseWaiting,
  waitingTitle,
  waitingTrendChart,
  spendBudgetChart,
  spendBudgetTitle,
  summariseSpendBudget,
  summariseTurningEighteen,
  turningEighteenChart,
  turningEighteenTitle
} from "../../../../src/components/charts/overview/charts.js";
import {
  referralGrowth,
  referralGrowthChart,
  referralGrowthTitle,
  summariseReferralGrowth
} from "../../../../src/components/charts/overview/referral-growth.js";
import type {
  ReferralYear,
  SpendLot,
  TurningEighteenMonth,
  WaitingMonth
} from "../../../../src/components/overview/types.js";
import {monthEnd, monthsBetween} from "../../../../src/components/periods.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const years: ReferralYear[] = [
  {financial_year: "2019-20", referrals: 200, referrals_to_date: 130, complete: true},
  {financial_year: "2020-21", referrals: 250, referrals_to_date: 160, complete: true},
  {financial_year: "2021-22", referrals: 300, referrals_to_date: 190, complete: true},
  {financial_year: "2022-23", referrals: 120, referrals_to_date: 120, complete: false}
];

describe("sparkline", () => {
  test("summarises first, last and highest", () => {
    const points = [
      {label: "A", value: 3},
      {label: "B", value: null},
      {label: "C", value: 9},
      {label: "D", value: 5}
    ];
    expect(summariseSparkline(points, {what: "Things"})).toBe("Things: 3 in A, 5 in D; highest 9 in C.");
    expect(summariseSparkline([], {what: "Things"})).toBe("Things: no data.");
  });
  test("draws a labelled line and bar sparkline", async () => {
    const document = createDocument();
    const line = sparkline(
      [
        {label: "A", value: 3},
        {label: "B", value: 5}
      ],
      {what: "Supported", width: 200, document}
    );
    expect(line.getAttribute("aria-label")).toBe("Sparkline: Supported");
    expect(line.querySelector("path")).not.toBeNull();
    await expectSnapshot(line, "overview-sparkline-line.svg");
    const bar = sparkline(
      [
        {label: "A", value: 3},
        {label: "B", value: 5}
      ],
      {what: "Referrals", kind: "bar", width: 200, document}
    );
    expect(bar.querySelectorAll("rect").length).toBe(2);
    await expectSnapshot(bar, "overview-sparkline-bar.svg");
  });
});

describe("referralGrowthChart", () => {
  test("states growth over complete years only", () => {
    // 200 → 300 = +50%; 250 → 300 = +20%; the part year is left out
    expect(referralGrowth(years)?.sinceFirst).toBeCloseTo(0.5, 12);
    expect(referralGrowthTitle(years)).toBe("Referrals rose 50% from 2019-20 to 2021-22; up 20% on 2020-21");
    expect(summariseReferralGrowth(years)).toBe(
      "Referrals went from 200 in 2019-20 to 300 in 2021-22 (+50%; +20% on 2020-21); so far in 2022-23 there have been 120, against 190 by the same point of 2021-22."
    );
    expect(referralGrowthTitle(years.slice(0, 1))).toBe("Referrals received each financial year");
  });
  test("draws full years, the part year and same-day ticks", async () => {
    const figure = referralGrowthChart(years, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(
      "Referrals rose 50% from 2019-20 to 2021-22; up 20% on 2020-21"
    );
    expect(figure.querySelector("svg")?.getAttribute("aria-label")).toContain("Column chart of referrals");
    await expectSnapshot(figure, "overview-referral-growth.svg");
  });
});

const waiting: WaitingMonth[] = monthsBetween("2024-01", "2025-02").map((month, i) => ({
  month,
  at: monthEnd(month),
  waiting: 10 + i,
  median_days: i === 0 ? null : 20 + i
}));

describe("waitingTrendChart", () => {
  test("compares the latest month end with a year earlier", () => {
    // latest = February 2025, 23 waiting; 13 rows back = February 2024, 11 waiting
    expect(waitingTitle(waiting)).toBe("23 referrals waiting at the end of February 2025, up from 11 a year earlier");
    expect(summariseWaiting(waiting)).toBe(
      "At the end of February 2025 23 referrals were awaiting a decision, who had waited a median of 33 days; the most waiting at any month end since January 2024 was 23, in February 2025."
    );
  });
  test("draws the line with the latest value labelled", async () => {
    const figure = waitingTrendChart(waiting, {width: 640, document: createDocument()});
    expect(figure.textContent).toContain("23");
    await expectSnapshot(figure, "overview-waiting-trend.svg");
  });
});

const lots: SpendLot[] = [
  {lot_code: "LOT1", lot_name: "One", spend_to_date: 100000, committed: 45000, forecast: 145000, budget: 150000},
  {lot_code: "LOT2", lot_name: "Two", spend_to_date: 370000, committed: 175000, forecast: 545000, budget: 500000}
];

describe("spendBudgetChart", () => {
  test("states the forecast against budget and the Lots over", () => {
    // forecast 690,000 vs budget 650,000: £40,000 (6%) over; LOT2 45,000 over
    expect(spendBudgetTitle(lots, "2025-26")).toBe(
      "2025-26 forecast outturn £690,000: £40,000 (6%) over the £650,000 budget"
    );
    expect(summariseSpendBudget(lots, "2025-26")).toBe(
      "In 2025-26, £470,000 has been spent to date and £220,000 is committed to 31 March, a forecast of £690,000 against a budget of £650,000; forecast over budget: LOT2 (£45,000 over)."
    );
  });
  test("draws spend, commitment and budget per Lot", async () => {
    const figure = spendBudgetChart(lots, {year: "2025-26", width: 640, document: createDocument()});
    expect(figure.querySelectorAll("rect").length).toBeGreaterThanOrEqual(4);
    await expectSnapshot(figure, "overview-spend-budget.svg");
  });
});

const turning: TurningEighteenMonth[] = [
  {month: "2025-12", young_people: 2},
  {month: "2026-01", young_people: 0},
  {month: "2026-02", young_people: 4}
];

describe("turningEighteenChart", () => {
  test("counts and names the busiest month", () => {
    expect(turningEighteenTitle(turning)).toBe("6 young people now supported turn 18 in the next 12 months");
    expect(summariseTurningEighteen(turning)).toBe(
      "6 young people now supported turn 18 between December 2025 and February 2026; the most in one month is 4, in February 2026."
    );
    expect(turningEighteenTitle([{month: "2025-12", young_people: 1}])).toBe(
      "1 young person now supported turns 18 in the next 12 months"
    );
  });
  test("draws labelled columns and does not mutate its input", async () => {
    const copy = structuredClone(turning);
    const figure = turningEighteenChart(turning, {width: 640, document: createDocument()});
    expect(turning).toEqual(copy);
    await expectSnapshot(figure, "overview-turning-eighteen.svg");
  });
});
