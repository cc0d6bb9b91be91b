import * as Plot from "npm:@observablehq/plot";
import {cellValue} from "../../gss.js";
import {formatCount} from "../../format.js";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {yearLabel} from "../../report/forecast.js";
import type {ForecastPoint} from "../../report/types.js";

export interface ReferralsForecastOptions {
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * One sentence on the chart: the last actual year and the last forecast year with its 80% range.
 *
 * @example
 * summariseReferralsForecast(points);
 * // "Referrals were 374 in 2024-25; the forecast for 2027-28 is 423 (80% range 226 to 619, 95% range 0 to 916)."
 */
export function summariseReferralsForecast(points: readonly ForecastPoint[]): string {
  const actual = points.filter((p) => p.kind === "actual" && cellValue(p.referrals) !== null).at(-1);
  const last = points.filter((p) => p.kind === "forecast").at(-1);
  if (!actual) return "No referrals are recorded.";
  const lead = `Referrals were ${formatCount(cellValue(actual.referrals)!)} in ${actual.financial_year}`;
  const mean = last ? cellValue(last.referrals) : null;
  if (!last || mean === null) return `${lead}; no forecast is shown.`;
  const range = (l: ForecastPoint["lower_80"], u: ForecastPoint["upper_80"]) =>
    cellValue(l) !== null && cellValue(u) !== null
      ? `${formatCount(cellValue(l)!)} to ${formatCount(cellValue(u)!)}`
      : "hidden";
  return `${lead}; the forecast for ${last.financial_year} is ${formatCount(mean)} (80% range ${range(
    last.lower_80,
    last.upper_80
  )}, 95% range ${range(last.lower_95, last.upper_95)}).`;
}

/**
 * The headline: where the forecast ends against the last actual year.
 *
 * @example
 * referralsForecastTitle(points); // "Referrals are forecast to rise from 374 to about 423 a year by 2027-28"
 */
export function referralsForecastTitle(points: readonly ForecastPoint[]): string {
  const actual = points.filter((p) => p.kind === "actual" && cellValue(p.referrals) !== null).at(-1);
  const last = points.filter((p) => p.kind === "forecast").at(-1);
  const a = actual ? cellValue(actual.referrals) : null;
  const b = last ? cellValue(last.referrals) : null;
  if (a === null || b === null || !last) return "Referrals received each year";
  const change = a > 0 ? (b - a) / a : 0;
  if (Math.abs(change) < 0.05)
    return `Referrals are forecast to stay near ${formatCount(a)} a year to ${last.financial_year}`;
  return `Referrals are forecast to ${change > 0 ? "rise" : "fall"} from ${formatCount(a)} to about ${formatCount(b)} a year by ${last.financial_year}`;
}

/**
 * Referrals per financial year: actual (solid line) and forecast (dashed) with its 80% (solid outline) and 95%
 * (dotted outline) ranges.
 *
 * @example
 * referralsForecastChart(points, {width: 640});
 */
export function referralsForecastChart(points: readonly ForecastPoint[], options: ReferralsForecastOptions = {}) {
  const {width = 640, height = 320, document} = options;
  const rows = points.map((p) => ({...p, value: cellValue(p.referrals)}));
  const actual = rows.filter((p) => p.kind === "actual" && p.value !== null);
  const lastActual = actual.at(-1);
  const forecast = rows.filter((p) => p.kind === "forecast" && p.value !== null);
  // The forecast line and bands start from the last actual year so they join the history.
  const joined = lastActual
    ? [
        {
          ...lastActual,
          lower_80: lastActual.value,
          upper_80: lastActual.value,
          lower_95: lastActual.value,
          upper_95: lastActual.value
        },
        ...forecast
      ]
    : forecast;
  const band = (lower: "lower_80" | "lower_95", upper: "upper_80" | "upper_95") =>
    joined.map((p) => ({start_year: p.start_year, lower: cellValue(p[lower]), upper: cellValue(p[upper])}));
  const years = rows.map((p) => p.start_year);
  const blue = SERIES_COLORS[0];
  const orange = SERIES_COLORS[1];
  const last = forecast.at(-1);
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    marginRight: width < 480 ? 20 : 90,
    title: referralsForecastTitle(points),
    subtitle: "Referrals received per financial year: actual, and forecast with 80% and 95% ranges",
    ariaLabel: "Line chart of referrals per financial year with a forecast and its ranges",
    ariaDescription: summariseReferralsForecast(points),
    x: {
      label: null,
      ticks: width < 480 ? years.filter((_, i) => (years.length - 1 - i) % 2 === 0) : years,
      tickFormat: (year: number) =>
        width < 480 ? `${String(year).slice(2)}-${String((year + 1) % 100).padStart(2, "0")}` : yearLabel(year),
      inset: 10
    },
    y: {grid: true, label: "Referrals", zero: true},
    marks: [
      Plot.areaY(band("lower_95", "upper_95"), {
        x: "start_year",
        y1: "lower",
        y2: "upper",
        fill: orange,
        fillOpacity: 0.1,
        stroke: orange,
        strokeDasharray: "1 3"
      }),
      Plot.areaY(band("lower_80", "upper_80"), {
        x: "start_year",
        y1: "lower",
        y2: "upper",
        fill: orange,
        fillOpacity: 0.18,
        stroke: orange
      }),
      Plot.line(actual, {x: "start_year", y: "value", stroke: blue, strokeWidth: 2.5}),
      Plot.dot(actual, {x: "start_year", y: "value", fill: blue, r: 3.5}),
      Plot.line(joined, {x: "start_year", y: "value", stroke: orange, strokeWidth: 2.5, strokeDasharray: "6 4"}),
      Plot.dot(forecast, {
        x: "start_year",
        y: "value",
        stroke: orange,
        fill: "var(--theme-background, white)",
        r: 3.5,
        strokeWidth: 2
      }),
      Plot.text(lastActual ? [lastActual] : [], {
        x: "start_year",
        y: "value",
        text: (p: (typeof rows)[number]) => `Actual ${formatCount(p.value ?? 0)}`,
        dy: -12,
        textAnchor: "end",
        fill: "currentColor"
      }),
      Plot.text(last ? [last] : [], {
        x: "start_year",
        y: "value",
        text: (p: (typeof rows)[number]) => `${width < 480 ? "" : "Forecast "}${formatCount(p.value ?? 0)}`,
        dx: width < 480 ? 0 : 8,
        dy: width < 480 ? -12 : 0,
        textAnchor: width < 480 ? "end" : "start",
        fill: "currentColor"
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "start_year",
          y: "value",
          channels: {
            Year: "financial_year",
            Referrals: (p: (typeof rows)[number]) => (p.value === null ? "c" : formatCount(p.value)),
            "80% range": (p: (typeof rows)[number]) =>
              p.kind === "forecast" ? `${p.lower_80} to ${p.upper_80}` : "actual",
            "95% range": (p: (typeof rows)[number]) =>
              p.kind === "forecast" ? `${p.lower_95} to ${p.upper_95}` : "actual"
          },
          format: {x: false, y: false}
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
