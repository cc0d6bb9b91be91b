import {describe, expect, test} from "vitest";
import {
  confidenceSentence,
  forecastSentence,
  growthSentence,
  overBudgetYears,
  publishedGrowthSentence,
  referralsSentence,
  spendSentence,
  spotShareSentence,
  supportedSentence,
  turning18Sentence,
  waitingSentence
} from "../../../src/components/report/narrative.js";
import type {
  AccuracyRow,
  ReportForecast,
  ReportReferralRow,
  ReportSpendRow
} from "../../../src/components/report/types.js";

const total = (financial_year: string, referrals: number | "c"): ReportReferralRow => ({
  financial_year,
  lot_code: "Total",
  lot_name: "Total",
  referrals,
  placed: 0,
  waiting: 0,
  declined: 0,
  withdrawn: 0
});

describe("growthSentence", () => {
  test("Lewisham's published requests: 592 / 416 − 1 = 0.423 → 42%", () => {
    expect(
      growthSentence("Requests for EHC needs assessments", {year: "2018-19", value: 416}, {year: "2021-22", value: 592})
    ).toBe("Requests for EHC needs assessments rose 42% from 416 in 2018-19 to 592 in 2021-22.");
  });
  test("falls, no change, zero base and hidden figures", () => {
    // 150 / 200 − 1 = −0.25
    expect(growthSentence("Referrals", {year: "2019-20", value: 200}, {year: "2020-21", value: 150})).toBe(
      "Referrals fell 25% from 200 in 2019-20 to 150 in 2020-21."
    );
    // 1001 / 1000 − 1 = 0.1% → rounds to 0%
    expect(growthSentence("Referrals", {year: "2019-20", value: 1000}, {year: "2020-21", value: 1001})).toBe(
      "Referrals stayed about the same, at 1,000 in 2019-20 and 1,001 in 2020-21."
    );
    expect(growthSentence("Referrals", {year: "2019-20", value: 0}, {year: "2020-21", value: 7})).toBe(
      "Referrals were 0 in 2019-20 and 7 in 2020-21."
    );
    expect(growthSentence("Referrals", {year: "2019-20", value: "c"}, {year: "2020-21", value: 7})).toContain(
      "cannot be compared"
    );
  });
  test("published figures: first to last year, whatever the row order", () => {
    const rows = [
      {indicator: "R", financial_year: "2021-22", value: 592, source: "s"},
      {indicator: "R", financial_year: "2018-19", value: 416, source: "s"},
      {indicator: "R", financial_year: "2020-21", value: 486, source: "s"},
      {indicator: "P", financial_year: "2018-19", value: 292, source: "s"}
    ];
    expect(publishedGrowthSentence(rows, "R", "Requests for EHC needs assessments", "Lewisham")).toBe(
      "In Lewisham, requests for EHC needs assessments rose 42% from 416 in 2018-19 to 592 in 2021-22."
    );
    expect(() => publishedGrowthSentence(rows, "P", "Plans", "Lewisham")).toThrow("invalid indicator");
  });
});

describe("report sentences", () => {
  test("referrals: first to last complete year, and on the year before; later years ignored", () => {
    // 374 / 210 − 1 = 0.781 → 78%; 374 / 298 − 1 = 0.255 → 26%
    const rows = [total("2019-20", 210), total("2023-24", 298), total("2024-25", 374), total("2025-26", 259)];
    expect(referralsSentence(rows, "2024-25")).toBe(
      "Referrals for support rose 78% from 210 in 2019-20 to 374 in 2024-25, up 26% on 2023-24 (298)."
    );
    expect(referralsSentence([total("2024-25", 374)], "2024-25")).toBe(
      "There are not yet two complete years of referrals to compare."
    );
  });

  test("children supported", () => {
    // 519 / 373 − 1 = 0.391 → 39%
    expect(
      supportedSentence(
        [
          {financial_year: "2023-24", children: 373},
          {financial_year: "2024-25", children: 519},
          {financial_year: "2025-26", children: 471}
        ],
        "2024-25"
      )
    ).toBe("519 children and young people had a package of support in 2024-25, up 39% from 373 in 2023-24.");
    expect(supportedSentence([{financial_year: "2024-25", children: "c"}], "2024-25")).toContain("hidden");
  });

  test("waiting list", () => {
    expect(waitingSentence({waiting: 75, waiting_over_18_weeks: 17}, 35, "2025-11-30")).toBe(
      "On 30 November 2025, 75 referrals were waiting for a decision; half had waited 35 days or more, and 17 had waited more than 18 weeks."
    );
    expect(waitingSentence({waiting: 12, waiting_over_18_weeks: 0}, "c", "2025-11-30")).toBe(
      "On 30 November 2025, 12 referrals were waiting for a decision; none had waited more than 18 weeks."
    );
    expect(waitingSentence({waiting: "c", waiting_over_18_weeks: "c"}, "c", "2025-11-30")).toContain("hidden");
  });

  test("spend against budget", () => {
    // 990,382 − 950,000 = 40,382; 40,382 / 950,000 = 4.25% → 4%
    const row: ReportSpendRow = {
      financial_year: "2024-25",
      lot_code: "Total",
      lot_name: "All Lots",
      spend_gbp: 990382,
      budget_gbp: 950000
    };
    expect(spendSentence(row)).toBe(
      "In 2024-25 the council spent £990,382 on commissioned care against a budget of £950,000: £40,382 (4%) over budget."
    );
    // 677,632 − 790,000 = −112,368; 112,368 / 790,000 = 14.2% → 14%
    expect(spendSentence({...row, financial_year: "2023-24", spend_gbp: 677632, budget_gbp: 790000})).toBe(
      "In 2023-24 the council spent £677,632 on commissioned care against a budget of £790,000: £112,368 (14%) under budget."
    );
    expect(
      overBudgetYears(
        [
          row,
          {...row, financial_year: "2023-24", spend_gbp: 677632, budget_gbp: 790000},
          {...row, financial_year: "2025-26"}
        ],
        "2024-25"
      )
    ).toEqual({over: 1, of: 2});
  });

  test("spot-purchase share against its peak", () => {
    const rows = [
      {financial_year: "2022-23", placements: 128, spot_purchase: 40, spot_share_pct: 31.3},
      {financial_year: "2024-25", placements: 312, spot_purchase: 21, spot_share_pct: 6.7},
      {financial_year: "2025-26", placements: 190, spot_purchase: 13, spot_share_pct: 40}
    ];
    expect(spotShareSentence(rows, "2024-25")).toBe(
      "Spot purchases were 6.7% of new placements in 2024-25 (21 of 312), down from a peak of 31.3% in 2022-23."
    );
  });

  test("turning 18", () => {
    expect(
      turning18Sentence({supported: 308, within_1_year: 24, within_3_years: 68, within_3_years_pct: 22}, "2025-11-30")
    ).toBe(
      "Of the 308 children and young people supported on 30 November 2025, 68 (22%) turn 18 within three years, 24 of them within a year."
    );
    expect(
      turning18Sentence({supported: 40, within_1_year: "c", within_3_years: 9, within_3_years_pct: 22.5}, "2025-11-30")
    ).toContain("the number within a year is a figure hidden");
  });

  test("forecast and how sure it is", () => {
    const forecast: ReportForecast = {
      points: [
        {
          financial_year: "2024-25",
          start_year: 2024,
          kind: "actual",
          referrals: 374,
          lower_80: null,
          upper_80: null,
          lower_95: null,
          upper_95: null
        },
        {
          financial_year: "2025-26",
          start_year: 2025,
          kind: "forecast",
          referrals: 390,
          lower_80: 293,
          upper_80: 487,
          lower_95: 160,
          upper_95: 620
        }
      ],
      method: "theta",
      intervals: "calibrated",
      calibrationSeries: 16,
      calibrationErrors: 96,
      localCoverage80: 0.74,
      localCoverage95: 0.92
    };
    expect(forecastSentence(forecast)).toBe(
      "If past patterns continue, referrals are forecast to be about 390 in 2025-26, likely between 293 and 487 (80% range) and very likely between 160 and 620 (95% range)."
    );
    const accuracy: AccuracyRow = {
      series: "Initial requests for an EHC assessment",
      column: "inreq_ehc",
      method: "auto",
      mase: 0.93,
      smape: 22.6,
      calibrated80: 0.75,
      calibrated95: 0.94,
      analytic80: 0.553,
      analytic95: 0.699
    };
    // outside the 80% range: 1 − 0.75 = 0.25 → 1 year in 4
    expect(confidenceSentence(forecast, accuracy)).toBe(
      "How sure are we? Ranges made this way were tested on every English council's initial requests for an EHC assessment (DfE SEN2 data): the 80% ranges contained what actually happened 75% of the time and the 95% ranges 94% of the time. So expect the real figure to fall outside the 80% range about 1 year in 4. On this council's own 16 area and Lot series the 80% ranges contained 74% of outcomes and the 95% ranges 92%."
    );
    expect(confidenceSentence({...forecast, localCoverage80: null, localCoverage95: null}, undefined)).toContain(
      "rough guide"
    );
  });
});
