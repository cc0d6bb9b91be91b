import {describe, expect, test} from "vitest";
import {weightedQuantile} from "../../../src/components/demand/quantile.js";
import {describeFilter, filterRows} from "../../../src/components/demand/filters.js";
import {growthStatement} from "../../../src/components/demand/growth.js";
import {outcomeYears, referralYears, type MonthlyReferralRow} from "../../../src/components/demand/referral-years.js";
import {conversionYears, ehcpYears, rollingTwelveMonths, type EhcpRow} from "../../../src/components/demand/ehcp.js";
import {summariseTimings, type TimingRow} from "../../../src/components/demand/timings.js";
import {labelOf, NEED_LABELS} from "../../../src/components/demand/labels.js";

describe("weightedQuantile", () => {
  test("interpolates between order statistics like PERCENTILE.INC", () => {
    // values 1,2,3,4: median (n-1)*0.5 = 1.5 → 2.5; p90: 2.7 → 3 + 0.7 = 3.7
    const bins = [1, 2, 3, 4].map((value) => ({value, count: 1}));
    expect(weightedQuantile(bins, 0.5)).toBe(2.5);
    expect(weightedQuantile(bins, 0.9)).toBeCloseTo(3.7, 12);
    // 5,5,5,9: p90 h = 2.7 → 5 + 0.7 × 4 = 7.8; median h = 1.5 → 5
    expect(
      weightedQuantile(
        [
          {value: 9, count: 1},
          {value: 5, count: 3}
        ],
        0.9
      )
    ).toBeCloseTo(7.8, 12);
    expect(
      weightedQuantile(
        [
          {value: 9, count: 1},
          {value: 5, count: 3}
        ],
        0.5
      )
    ).toBe(5);
    expect(weightedQuantile([], 0.5)).toBeNull();
    expect(weightedQuantile([{value: 3, count: 0}], 0.5)).toBeNull();
    expect(() => weightedQuantile(bins, 1.5)).toThrow("invalid quantile p");
  });
});

const m = (
  month: string,
  fy: string,
  area: string,
  lot: string,
  referrals: number,
  placed = 0,
  waiting = 0
): MonthlyReferralRow => ({
  month,
  financial_year: fy,
  area_code: area,
  area_name: area,
  lot_code: lot,
  lot_name: lot,
  referrals,
  placed,
  declined: referrals - placed - waiting,
  withdrawn: 0,
  waiting
});

describe("filters", () => {
  const rows = [
    m("2023-05", "2023-24", "N", "L1", 1),
    m("2024-05", "2024-25", "S", "L2", 2),
    m("2025-05", "2025-26", "N", "L2", 3)
  ];
  test("keep the financial-year range, area and Lot", () => {
    expect(filterRows(rows, {from: "2024-25", to: "2025-26", area: "", lot: ""}).map((r) => r.referrals)).toEqual([
      2, 3
    ]);
    expect(filterRows(rows, {from: "2023-24", to: "2025-26", area: "N", lot: "L2"}).map((r) => r.referrals)).toEqual([
      3
    ]);
    // rows without a Lot (EHCP activity) ignore the Lot filter
    expect(
      filterRows([{financial_year: "2024-25", area_code: "N"}], {from: "2024-25", to: "2024-25", area: "N", lot: "L1"})
    ).toHaveLength(1);
  });
  test("describe themselves in words", () => {
    const names = {areas: {N: "North"}, lots: {L1: "Lot 1"}};
    expect(describeFilter({from: "2019-20", to: "2024-25", area: "N", lot: "L1"}, names)).toBe(
      "2019-20 to 2024-25, North, Lot 1"
    );
    expect(describeFilter({from: "2024-25", to: "2024-25", area: "", lot: ""}, names, {lotApplies: false})).toBe(
      "2024-25, all areas"
    );
  });
});

describe("referral years, outcomes and growth", () => {
  const rows = [
    m("2023-04", "2023-24", "N", "L1", 10, 8),
    m("2023-12", "2023-24", "N", "L1", 90, 80),
    m("2024-11", "2024-25", "N", "L1", 20, 15, 1),
    m("2025-01", "2024-25", "S", "L1", 130, 100, 5),
    m("2025-06", "2025-26", "N", "L1", 40, 10, 20)
  ];
  const context = {extractDate: "2025-11-30", dataStart: "2023-04-01"};
  test("counts full years and the same months (April to November) of each", () => {
    expect(referralYears(rows, context)).toEqual([
      {financial_year: "2023-24", referrals: 100, referrals_to_date: 10, complete: true},
      {financial_year: "2024-25", referrals: 150, referrals_to_date: 20, complete: true},
      {financial_year: "2025-26", referrals: 40, referrals_to_date: 40, complete: false}
    ]);
    expect(referralYears(rows, {...context, years: ["2022-23"]})[0]).toEqual({
      financial_year: "2022-23",
      referrals: 0,
      referrals_to_date: 0,
      complete: false
    });
  });
  test("sums outcomes per year", () => {
    expect(outcomeYears(rows)[1]).toEqual({
      financial_year: "2024-25",
      referrals: 150,
      placed: 115,
      declined: 29,
      withdrawn: 0,
      waiting: 6
    });
  });
  test("states growth over complete years only", () => {
    const years = referralYears(rows, context).map((y) => ({
      financial_year: y.financial_year,
      value: y.referrals,
      complete: y.complete
    }));
    const growth = growthStatement(years)!;
    // 100 → 150 = +50%; the part year (40) is ignored
    expect(growth.sinceFirst).toBeCloseTo(0.5, 12);
    expect(growth.text).toBe(
      "+50% since 2023-24 (100 to 150), +50% on the previous year; complete financial years 2023-24 to 2024-25"
    );
    expect(growthStatement(years.slice(0, 1))).toBeNull();
    expect(
      growthStatement([
        {financial_year: "2020-21", value: 0, complete: true},
        {financial_year: "2021-22", value: 5, complete: true}
      ])?.text
    ).toBe(
      "no comparison with 2020-21 (none then) (0 to 5), no comparison with the previous year; complete financial years 2020-21 to 2021-22"
    );
  });
});

describe("EHCP activity", () => {
  // 24 months April 2023 - March 2025, one area: 10 requests, 6 plans a month; plans double from September 2024.
  const months: EhcpRow[] = [];
  for (let i = 0; i < 24; i++) {
    const year = 2023 + Math.floor((3 + i) / 12);
    const month = `${year}-${String(((3 + i) % 12) + 1).padStart(2, "0")}`;
    months.push({
      month,
      financial_year: i < 12 ? "2023-24" : "2024-25",
      area_code: "N",
      area_name: "North",
      requests_received: 10,
      assessments_completed: 8,
      plans_issued: month >= "2024-09" ? 12 : 6
    });
  }
  const context = {extractDate: "2025-11-30", dataStart: "2023-04-01"};
  test("totals per year", () => {
    expect(
      ehcpYears(months, context).map((y) => [
        y.financial_year,
        y.requests_received,
        y.plans_issued,
        y.months,
        y.complete
      ])
    ).toEqual([
      ["2023-24", 120, 72, 12, true],
      ["2024-25", 120, 6 * 5 + 12 * 7, 12, true]
    ]);
  });
  test("rolling 12-month totals start at the 12th month", () => {
    const rolling = rollingTwelveMonths(months).filter((p) => p.measure === "plans_issued");
    expect(rolling[0]).toEqual({month: "2024-03", measure: "plans_issued", total: 72});
    expect(rolling.at(-1)).toEqual({month: "2025-03", measure: "plans_issued", total: 6 * 5 + 12 * 7});
    expect(rolling).toHaveLength(13);
  });
  test("conversion: same-year, and lagged only when all lagged months are known", () => {
    const rows = conversionYears(months, {...context, lagMonths: 5});
    // 2023-24: lagged window Sep 2023 - Aug 2024 = 12 × 6 = 72 → 72/120 = 0.6
    expect(rows[0]).toEqual({
      financial_year: "2023-24",
      requests_received: 120,
      plans_same_year: 72,
      same_year_rate: 0.6,
      plans_lagged: 72,
      lagged_rate: 0.6
    });
    // 2024-25: window Sep 2024 - Aug 2025 is not all in the data
    expect(rows[1].lagged_rate).toBeNull();
    expect(rows[1].same_year_rate).toBeCloseTo(114 / 120, 12);
  });
});

describe("timing summaries", () => {
  const rows: TimingRow[] = [
    {financial_year: "2024-25", area_code: "N", lot_code: "L1", measure: "decision", days: 10, referrals: 2},
    {financial_year: "2024-25", area_code: "S", lot_code: "L1", measure: "decision", days: 30, referrals: 1},
    {financial_year: "2024-25", area_code: "S", lot_code: "L2", measure: "decision", days: 50, referrals: 1},
    {financial_year: "2024-25", area_code: "S", lot_code: "L2", measure: "package_start", days: 70, referrals: 1}
  ];
  test("merge areas and give exact medians and 90th percentiles", () => {
    // all Lots, decision: 10,10,30,50 → median 20; p90 h = 2.7 → 30 + 0.7 × 20 = 44
    const all = summariseTimings(rows);
    expect(all[0]).toEqual({
      financial_year: "2024-25",
      lot_code: "All",
      measure: "decision",
      referrals: 4,
      median_days: 20,
      p90_days: 44
    });
    expect(all[1]).toMatchObject({measure: "package_start", referrals: 1, median_days: 70, p90_days: 70});
    const byLot = summariseTimings(rows, {byLot: true});
    // L1 decision: 10,10,30 → median 10; p90 h = 1.8 → 10 + 0.8 × 20 = 26
    expect(byLot[0]).toMatchObject({lot_code: "L1", measure: "decision", median_days: 10});
    expect(byLot[0].p90_days).toBeCloseTo(26, 12);
    expect(byLot.map((r) => `${r.lot_code} ${r.measure}`)).toEqual(["L1 decision", "L2 decision", "L2 package_start"]);
  });
});

test("labels fall back to the code", () => {
  expect(labelOf(NEED_LABELS, "ASD")).toBe("Autistic spectrum disorder (ASD)");
  expect(labelOf(NEED_LABELS, "ZZZ")).toBe("ZZZ");
});
