import {describe, expect, it} from "vitest";
import {backtestTable, linearForecastTable, linearTermsTable} from "../../../src/components/trend/tables.js";
import type {MethodScore} from "../../../src/components/trend/run.js";
import {createDocument} from "../../support/snapshot.js";

const texts = (element: Element, selector: string) =>
  Array.from(element.querySelectorAll(selector), (node) => node.textContent);

describe("the trend notebook's tables", () => {
  it("backtest: every method with MASE to 2 places, coverage in percent, the chosen one emphasised and current", () => {
    const score = (method: MethodScore["method"], label: string, mase: number, chosen = false): MethodScore => ({
      method,
      label,
      mase,
      coverageInner: 0.75,
      coverageOuter: 1,
      forecasts: 12,
      chosen
    });
    const region = backtestTable(
      [score("naive", "Naive", 1), score("holt", "Holt's linear trend", 0.8349, true), score("ses", "SES", NaN)],
      [80, 95],
      createDocument()
    );
    expect(region.getAttribute("role")).toBe("region");
    expect(region.getAttribute("aria-label")).toBe("Backtest of every method");
    expect(texts(region, "thead th")).toEqual(["Method", "MASE", "80% coverage", "95% coverage", "Shown"]);
    expect(texts(region, "tbody tr:nth-child(2) > *")).toEqual([
      "Holt's linear trend",
      "0.83",
      "75%",
      "100%",
      "✓ chosen"
    ]);
    expect(texts(region, "tbody tr:nth-child(3) td")[0]).toBe("x"); // MASE not finite
    const chosen = region.querySelector('tr[aria-current="true"]')!;
    expect(chosen.className).toBe("chosen");
    expect(chosen.querySelector('th[scope="row"] strong')?.textContent).toBe("Holt's linear trend");
    expect(region.querySelectorAll('tr[aria-current="true"]')).toHaveLength(1);
  });

  it("linear terms and forecast: rounded text, the unrounded value in data-value, one row per period", () => {
    const doc = createDocument();
    const terms = linearTermsTable(
      {n: 8, slope: 12.345678, intercept: 100.5, xbar: 4.5, sxx: 42, residual_se: 3.21},
      doc
    );
    const cells = terms.querySelectorAll("tbody td");
    expect(Array.from(cells, (cell) => cell.getAttribute("data-value"))).toEqual([
      "8",
      "12.345678",
      "100.5",
      "4.5",
      "42",
      "3.21"
    ]);
    expect(cells[1].textContent).toBe("12.3457");
    const forecast = linearForecastTable(
      [
        {mean: 211.04, lower_inner: 200.01, upper_inner: 222.07, lower_outer: 190, upper_outer: 232.08},
        {mean: 223.39, lower_inner: 210, upper_inner: 236.78, lower_outer: 199.5, upper_outer: 247.28}
      ],
      ["2025-26", "2026-27"],
      [50, 80],
      doc
    );
    expect(texts(forecast, "thead th")).toEqual([
      "Period",
      "Forecast",
      "50% lower",
      "50% upper",
      "80% lower",
      "80% upper"
    ]);
    expect(texts(forecast, 'tbody th[scope="row"]')).toEqual(["2025-26", "2026-27"]);
    expect(texts(forecast, "tbody tr:nth-child(1) td")).toEqual(["211", "200", "222.1", "190", "232.1"]);
    expect(forecast.querySelector("table")?.dataset.testid).toBe("sql-linear-forecast");
    expect(() => linearForecastTable([], ["2025-26"], [80, 95], doc)).toThrow("invalid periods: 1 for 0 rows");
  });
});
