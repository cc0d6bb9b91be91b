import {describe, expect, test} from "vitest";
import {
  fanChart,
  forecastHeadline,
  formatValue,
  summariseForecast,
  type FanChartText
} from "../../../../src/components/charts/trend-forecast/fan-chart.js";
import type {ForecastRow} from "../../../../src/components/trend/rows.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const history = (period: string, first: string, actual: number, fitted: number | null): ForecastRow => ({
  period,
  first_month: first,
  last_month: first,
  kind: "history",
  actual,
  fitted,
  mean: null,
  lower_inner: null,
  upper_inner: null,
  lower_outer: null,
  upper_outer: null
});
const ahead = (
  period: string,
  first: string,
  mean: number,
  li: number,
  ui: number,
  lo: number,
  uo: number
): ForecastRow => ({
  period,
  first_month: first,
  last_month: first,
  kind: "forecast",
  actual: null,
  fitted: null,
  mean,
  lower_inner: li,
  upper_inner: ui,
  lower_outer: lo,
  upper_outer: uo
});

const rows: ForecastRow[] = [
  history("2022-23", "2022-04", 244, null),
  history("2023-24", "2023-04", 298, 263.2),
  history("2024-25", "2024-04", 374, 330.6),
  ahead("2025-26", "2025-04", 406.4, 370.1, 442.7, 350.8, 462),
  ahead("2026-27", "2026-04", 438.8, 380.2, 497.4, 349.5, 528.1)
];
const text: FanChartText = {
  label: "Referrals",
  unit: "count",
  scope: "all areas, all Lots",
  measure: "referrals received per financial year",
  methodLabel: "Drift (average change)",
  levels: [80, 95]
};

describe("fanChart", () => {
  test("states the forecast finding, rounding to whole referrals", () => {
    expect(forecastHeadline(rows, text)).toBe(
      "Referrals are forecast to rise from 374 in 2024-25 to 439 (80% range 380–497) in 2026-27"
    );
    expect(
      forecastHeadline(
        rows.map((r) => (r.kind === "forecast" ? {...r, mean: 300} : r)),
        text
      )
    ).toContain("fall from 374");
    expect(
      forecastHeadline(
        rows.map((r) => (r.kind === "forecast" ? {...r, mean: 374.2} : r)),
        text
      )
    ).toBe("Referrals are forecast to stay at about 374 (80% range 380–497) in 2026-27");
    expect(forecastHeadline(rows, {...text, label: "Spend", unit: "money"})).toBe(
      "Spend is forecast to rise from £374 in 2024-25 to £439 (80% range £380–£497) in 2026-27"
    );
  });

  test("summarises history and both intervals in one sentence", () => {
    expect(summariseForecast(rows, text)).toBe(
      "Referrals received per financial year, all areas, all Lots: 244 in 2022-23 and 374 in 2024-25. The Drift (average change) forecast for 2026-27 is 439, with an 80% prediction interval of 380 to 497 and a 95% interval of 350 to 528."
    );
    expect(summariseForecast([], text)).toBe(
      "No referrals received per financial year to forecast for all areas, all Lots."
    );
    expect(formatValue(1_250_000, "money")).toBe("£1.3m");
    expect(formatValue(1234.4, "hours")).toBe("1,234 hours");
  });

  test("draws history, fitted values, the forecast and two bands, labelled directly", async () => {
    const figure = fanChart(rows, {...text, width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(forecastHeadline(rows, text));
    const svg = figure.querySelector("svg:last-of-type")!;
    expect(svg.getAttribute("aria-label")).toBe(
      "Fan chart of referrals received per financial year, all areas, all Lots, with a Drift (average change) forecast"
    );
    expect(figure.querySelectorAll("path").length).toBeGreaterThanOrEqual(5);
    const labels = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Forecast", "80%", "95%", "Actual", "Fitted"]));
    await expectSnapshot(figure, "trend-forecast-fan-chart.svg");
  });

  test("does not mutate its input", () => {
    const copy = structuredClone(rows);
    fanChart(rows, {...text, document: createDocument()});
    expect(rows).toEqual(copy);
  });
});
