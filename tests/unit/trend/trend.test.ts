import {describe, expect, test} from "vitest";
import {forecast} from "../../../src/components/forecast/index.js";
import {seriesParams, type SeriesSelection} from "../../../src/components/trend/measures.js";
import {addMonths, futurePeriods, lastCompleteMonth, periodLabel} from "../../../src/components/trend/periods.js";
import {forecastRows, type SeriesRow} from "../../../src/components/trend/rows.js";
import {runTrend, withSqlLinear, type SqlLinearRow} from "../../../src/components/trend/run.js";
import {findBreak, seriesWarnings} from "../../../src/components/trend/warnings.js";
import {withSeries, stripStatement} from "../../../src/components/trend/compose.js";

const sel: SeriesSelection = {
  measure: "ehcp_plans",
  area: "NORTH",
  lot: "LOT2",
  need: "ASD",
  source: "panel",
  funder: "health",
  route: "framework",
  grain: "quarter",
  window: 4
};

describe("periods", () => {
  test("the last complete month of an extract", () => {
    expect(lastCompleteMonth("2025-11-30")).toBe("2025-11");
    expect(lastCompleteMonth("2025-11-29")).toBe("2025-10");
    expect(lastCompleteMonth("2024-02-29")).toBe("2024-02"); // leap year
    expect(lastCompleteMonth("2025-01-15")).toBe("2024-12");
    expect(() => lastCompleteMonth("30/11/2025")).toThrow("invalid extractDate");
  });

  test("financial-year and quarter labels", () => {
    expect(periodLabel("2026-04", "quarter")).toBe("2026-27 Q1");
    expect(periodLabel("2026-12", "quarter")).toBe("2026-27 Q3");
    expect(periodLabel("2027-03", "quarter")).toBe("2026-27 Q4");
    expect(periodLabel("2027-03", "year")).toBe("2026-27");
    expect(periodLabel("2099-12", "year")).toBe("2099-00");
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
  });

  test("the periods after the last observed one", () => {
    expect(futurePeriods("2025-03", "year", 2)).toEqual([
      {period: "2025-26", first_month: "2025-04", last_month: "2026-03"},
      {period: "2026-27", first_month: "2026-04", last_month: "2027-03"}
    ]);
    expect(futurePeriods("2025-09", "quarter", 3).map((p) => p.period)).toEqual([
      "2025-26 Q3",
      "2025-26 Q4",
      "2026-27 Q1"
    ]);
    expect(futurePeriods("2025-11", "month", 2).map((p) => p.period)).toEqual(["2025-12", "2026-01"]);
  });
});

describe("seriesParams", () => {
  test("sends the filters that apply to the measure and ALL for the others", () => {
    expect(seriesParams(sel, "2025-11")).toEqual([
      "ehcp_plans",
      "NORTH",
      "ALL",
      "ALL",
      "ALL",
      "ALL",
      "ALL",
      "quarter",
      "2025-11",
      4
    ]);
    expect(seriesParams({...sel, measure: "spend"}, "2025-11")).toEqual([
      "spend",
      "NORTH",
      "LOT2",
      "ALL",
      "ALL",
      "health",
      "framework",
      "quarter",
      "2025-11",
      4
    ]);
    expect(seriesParams({...sel, measure: "referrals"}, "2025-11").slice(1, 7)).toEqual([
      "NORTH",
      "LOT2",
      "ASD",
      "panel",
      "ALL",
      "ALL"
    ]);
  });

  test("rejects what the SQL cannot take", () => {
    expect(() => seriesParams({...sel, measure: "beds" as never}, "2025-11")).toThrow("invalid measure");
    expect(() => seriesParams({...sel, window: 0}, "2025-11")).toThrow("invalid window");
    expect(() => seriesParams(sel, "2025-1")).toThrow("invalid lastMonth");
  });

  test("composes a body with the series as a CTE", () => {
    expect(stripStatement("  SELECT 1;\n")).toBe("SELECT 1");
    expect(withSeries("SELECT 1 AS t;", "SELECT t FROM series;")).toBe(
      "WITH series AS (\nSELECT 1 AS t\n)\nSELECT t FROM series"
    );
  });
});

describe("runTrend", () => {
  const y = [210, 198, 230, 244, 298, 374];

  test("with every origin, its automatic choice and scores are the engine's auto selection", () => {
    // eight points: the engine's auto backtests from 8 points (AUTO_MIN_LENGTH) and falls back to theta below
    const y8 = [...y, 402, 431];
    const run = runTrend(y8, {method: "auto", horizon: 3, levels: [80, 95], intervals: "analytic"});
    const engine = forecast(y8, {method: "auto", horizon: 3});
    expect(run.method).toBe(engine.method);
    for (const score of run.scores) expect(score.mase).toBe(engine.selection!.scores[score.method]);
    expect(run.scores.filter((s) => s.chosen).map((s) => s.method)).toEqual([run.method]);
    expect(run.minTrain).toBe(3);
    // origins 3, 4, 5, 6, 7 forecast 3 + 3 + 3 + 2 + 1 actuals
    expect(run.scores[0].forecasts).toBe(12);
    expect(run.methodReason).toMatch(/^Chosen automatically: .* made the smallest errors \(MASE \d\.\d\d\)/);
    expect(run.result.mean).toEqual(engine.mean);
  });

  test("falls back to theta below 8 points, and keeps a method the reader chose", () => {
    const short = runTrend([5, 7, 8, 11, 12], {method: "auto", horizon: 2, levels: [80, 95], intervals: "analytic"});
    expect(short.method).toBe("theta");
    expect(short.methodReason).toContain("only 5 periods");
    const chosen = runTrend(y, {method: "holt", horizon: 2, levels: [80, 95], intervals: "analytic"});
    expect(chosen.method).toBe("holt");
    expect(chosen.methodReason).toBe("Holt's linear trend was chosen on this page.");
    expect(() => runTrend([1, 2], {method: "auto", horizon: 1, levels: [80, 95], intervals: "auto"})).toThrow(
      "series too short"
    );
  });

  test("uses empirical intervals when the analytic ones under-covered in the backtest, and says so", () => {
    const analytic = runTrend(y, {method: "drift", horizon: 3, levels: [80, 95], intervals: "analytic"});
    const drift = analytic.scores.find((s) => s.method === "drift")!;
    expect(drift.coverageInner).toBeLessThan(0.8); // the history accelerates: drift's own intervals are too narrow
    expect(analytic.result.intervals).toBe("analytic");
    expect(analytic.intervalReason).toContain("fewer than they should");
    const honest = runTrend(y, {method: "drift", horizon: 3, levels: [80, 95], intervals: "auto"});
    expect(honest.result.intervals).toBe("empirical");
    expect(honest.intervalReason).toMatch(/^The intervals shown are empirical/);
    for (let h = 0; h < 3; h++) {
      expect(honest.result.upper[80][h] - honest.result.lower[80][h]).toBeGreaterThanOrEqual(
        analytic.result.upper[80][h] - analytic.result.lower[80][h]
      );
    }
  });

  test("fewer origins back-test only the latest ones", () => {
    const long = Array.from({length: 30}, (_, i) => 100 + 3 * i + (i % 4) * 5);
    const run = runTrend(long, {method: "auto", horizon: 4, levels: [80, 95], intervals: "auto", origins: 8});
    expect(run.minTrain).toBe(22);
    // origins 22..29 with up to 4 steps where actuals exist: 4 × 5 + 3 + 2 + 1
    expect(run.scores[0].forecasts).toBe(26);
  });
});

describe("withSqlLinear", () => {
  test("puts DuckDB's linear trend in place of the engine's", () => {
    const y = [2, 4, 7];
    const result = forecast(y, {method: "linear", horizon: 1, levels: [80, 95]});
    const row: SqlLinearRow = {
      h: 1,
      mean: 9.5,
      lower_inner: 8,
      upper_inner: 11,
      lower_outer: 6,
      upper_outer: 13,
      slope: 2.5,
      intercept: -0.5,
      n: 3
    };
    const shown = withSqlLinear(result, [row], [80, 95]);
    expect(shown.mean).toEqual([9.5]);
    expect(shown.lower).toEqual({80: [8], 95: [6]});
    expect(shown.upper).toEqual({80: [11], 95: [13]});
    expect(shown.fitted).toEqual([2, 4.5, 7]);
    const other = forecast(y, {method: "drift", horizon: 1});
    expect(withSqlLinear(other, [row], [80, 95])).toBe(other);
    expect(() => withSqlLinear(result, [], [80, 95])).toThrow("invalid rows");
  });
});

const series: SeriesRow[] = [
  {t: 1, period: "2021-22", first_month: "2021-04", last_month: "2022-03", value: 10},
  {t: 2, period: "2022-23", first_month: "2022-04", last_month: "2023-03", value: 12},
  {t: 3, period: "2023-24", first_month: "2023-04", last_month: "2024-03", value: 11}
];

describe("forecastRows", () => {
  test("history, then forecast periods with bounds below zero shown as 0", () => {
    const result = forecast([10, 12, 11], {method: "naive", horizon: 2, levels: [80, 95]});
    const {rows, clipped} = forecastRows(series, {...result, lower: {80: [1, -2], 95: [-1, -5]}}, "year", [80, 95]);
    expect(rows.map((r) => [r.period, r.kind])).toEqual([
      ["2021-22", "history"],
      ["2022-23", "history"],
      ["2023-24", "history"],
      ["2024-25", "forecast"],
      ["2025-26", "forecast"]
    ]);
    expect(rows[0].fitted).toBeNull(); // naive has no one-step forecast of the first point
    expect(rows[1].fitted).toBe(10);
    expect(rows[3]).toMatchObject({mean: 11, lower_inner: 1, lower_outer: 0, actual: null});
    expect(rows[4]).toMatchObject({lower_inner: 0, lower_outer: 0});
    expect(clipped).toBe(true);
  });
});

describe("warnings", () => {
  test("finds a break like Lot 1's collapse in 2022-23", () => {
    const lot1 = [
      {period: "2019-20", value: 96},
      {period: "2020-21", value: 101},
      {period: "2021-22", value: 93},
      {period: "2022-23", value: 9},
      {period: "2023-24", value: 14}
    ];
    // changes 5, -8, -84, 5: median |change| 6.5, 84 > 19.5 and 84 > 0.25 × 93
    expect(findBreak(lot1)).toEqual({from: "2021-22", to: "2022-23", before: 93, after: 9});
    expect(
      findBreak([
        {period: "a", value: 10},
        {period: "b", value: 12},
        {period: "c", value: 14},
        {period: "d", value: 17}
      ])
    ).toBeNull();
    const warnings = seriesWarnings(
      lot1.map((r, i) => ({...r, t: i + 1, first_month: "", last_month: ""})),
      {grain: "year", window: 1, format: String}
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("only 5 financial years");
    expect(warnings[1]).toContain("fell from 93 in 2021-22 to 9 in 2022-23 (-90%)");
  });

  test("warns about seasonality below the financial year unless a rolling total is used", () => {
    const long = Array.from({length: 12}, (_, i) => ({
      t: i + 1,
      period: `p${i}`,
      first_month: "",
      last_month: "",
      value: 50 + i
    }));
    expect(seriesWarnings(long, {grain: "month", window: 1, format: String})).toEqual([
      expect.stringContaining("rolling 12-month total")
    ]);
    expect(seriesWarnings(long, {grain: "month", window: 12, format: String})).toEqual([]);
  });
});
