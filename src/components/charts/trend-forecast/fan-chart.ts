import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMoney, monthDate} from "../../format.js";
import type {ForecastRow} from "../../trend/rows.js";

export interface FanChartText {
  /** Measure label, e.g. "Referrals" or "Spend". */
  label: string;
  unit: "count" | "money" | "hours";
  /** What the series covers, e.g. "all areas, Lot 2". */
  scope: string;
  /** What one value is, e.g. "referrals received per financial year". */
  measure: string;
  /** The chosen method's name. */
  methodLabel: string;
  levels: readonly [number, number];
}

export interface FanChartOptions extends FanChartText {
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * A value in the measure's unit.
 *
 * @example
 * formatValue(1234.4, "count"); // "1,234"
 * formatValue(1_250_000, "money"); // "£1.3m"
 */
export function formatValue(value: number, unit: FanChartText["unit"]): string {
  if (unit === "money") return formatMoney(Math.round(value));
  return unit === "hours" ? `${formatCount(Math.round(value))} hours` : formatCount(Math.round(value));
}

function ends(rows: readonly ForecastRow[]) {
  const history = rows.filter((r) => r.kind === "history");
  const ahead = rows.filter((r) => r.kind === "forecast");
  return {first: history[0], last: history[history.length - 1], final: ahead[ahead.length - 1]};
}

/**
 * The chart's headline: where the forecast ends, with its inner range, compared with the latest actual.
 *
 * @example
 * forecastHeadline(rows, text); // "Referrals are forecast to rise from 374 in 2024-25 to 470 (80% range 420–520) in 2029-30"
 */
export function forecastHeadline(rows: readonly ForecastRow[], text: FanChartText): string {
  const {last, final} = ends(rows);
  if (!last || !final || final.mean === null || last.actual === null) return `${text.label}: no forecast`;
  const verb = text.unit === "money" ? "is" : "are";
  const f = (v: number | null) => formatValue(v ?? NaN, text.unit);
  const direction =
    Math.round(final.mean) === Math.round(last.actual)
      ? "stay at about"
      : final.mean > last.actual
        ? "rise from"
        : "fall from";
  const from = direction === "stay at about" ? "" : `${f(last.actual)} in ${last.period} to `;
  return `${text.label} ${verb} forecast to ${direction} ${from}${f(final.mean)} (${text.levels[0]}% range ${f(final.lower_inner)}–${f(final.upper_inner)}) in ${final.period}`;
}

/**
 * One sentence for the chart's text alternative: the history's range and the forecast with both intervals.
 *
 * @example
 * summariseForecast(rows, text);
 * // "Referrals received per financial year, all areas: 210 in 2019-20 and 374 in 2024-25. The Drift forecast for 2029-30 is 470, with an 80% prediction interval of 420 to 520 and a 95% interval of 390 to 550."
 */
export function summariseForecast(rows: readonly ForecastRow[], text: FanChartText): string {
  const {first, last, final} = ends(rows);
  if (!first || !last || !final) return `No ${text.measure} to forecast for ${text.scope}.`;
  const f = (v: number | null) => formatValue(v ?? NaN, text.unit);
  return (
    `${text.measure[0].toUpperCase()}${text.measure.slice(1)}, ${text.scope}: ${f(first.actual)} in ${first.period} and ${f(last.actual)} in ${last.period}. ` +
    `The ${text.methodLabel} forecast for ${final.period} is ${f(final.mean)}, with ${article(text.levels[0])} ${text.levels[0]}% prediction interval of ` +
    `${f(final.lower_inner)} to ${f(final.upper_inner)} and ${article(text.levels[1])} ${text.levels[1]}% interval of ${f(final.lower_outer)} to ${f(final.upper_outer)}.`
  );
}

/** "an" before a number read aloud with a vowel sound (8, 11, 18, 80…), else "a". */
function article(n: number): string {
  return /^(8|11|18)/.test(String(n)) ? "an" : "a";
}

const FORECAST_COLOUR = "#0084d5";
const FITTED_COLOUR = "#c656a2";

/**
 * Fan chart: the history (solid line and dots), the fitted one-step values (dotted), the mean forecast (dashed)
 * and its inner and outer prediction intervals (shaded bands), each labelled directly.
 *
 * @example
 * fanChart(rows, {label: "Referrals", unit: "count", scope: "all areas", measure: "referrals per financial year", methodLabel: "Drift", levels: [80, 95], width: 640});
 */
export function fanChart(rows: readonly ForecastRow[], options: FanChartOptions) {
  const {width = 640, height = 360, document, levels, unit} = options;
  const [inner, outer] = levels;
  const data = rows.map((r) => ({...r, date: monthDate(r.first_month)}));
  const history = data.filter((r) => r.kind === "history");
  const ahead = data.filter((r) => r.kind === "forecast");
  const last = history[history.length - 1];
  // The forecast line and bands start at the last actual, so they join the history.
  const anchor = last
    ? [
        {
          ...last,
          mean: last.actual,
          lower_inner: last.actual,
          upper_inner: last.actual,
          lower_outer: last.actual,
          upper_outer: last.actual
        }
      ]
    : [];
  const fan = [...anchor, ...ahead];
  const final = ahead[ahead.length - 1];
  const tick = (v: number) => (unit === "money" ? formatMoney(v) : formatCount(v));
  const fmt = (v: number | null) => (v === null ? "–" : formatValue(v, unit));
  return plot({
    width,
    height,
    document,
    marginLeft: unit === "money" ? 64 : 52,
    marginRight: 72,
    title: forecastHeadline(rows, options),
    subtitle: `${options.measure[0].toUpperCase()}${options.measure.slice(1)}, ${options.scope}: history, ${options.methodLabel} fitted values and forecast with ${inner}% and ${outer}% prediction intervals`,
    ariaLabel: `Fan chart of ${options.measure}, ${options.scope}, with a ${options.methodLabel} forecast`,
    ariaDescription: summariseForecast(rows, options),
    x: {type: "utc", label: null},
    y: {grid: true, label: options.label, tickFormat: tick, zero: true},
    marks: [
      // Pale bands are outlined so their edges keep 3:1 contrast (WCAG 1.4.11): dotted outer, solid inner.
      Plot.areaY(fan, {
        x: "date",
        y1: "lower_outer",
        y2: "upper_outer",
        fill: FORECAST_COLOUR,
        fillOpacity: 0.16,
        stroke: FORECAST_COLOUR,
        strokeDasharray: "1 3"
      }),
      Plot.areaY(fan, {
        x: "date",
        y1: "lower_inner",
        y2: "upper_inner",
        fill: FORECAST_COLOUR,
        fillOpacity: 0.3,
        stroke: FORECAST_COLOUR
      }),
      Plot.ruleY([0]),
      Plot.lineY(history, {x: "date", y: "fitted", stroke: FITTED_COLOUR, strokeWidth: 1.5, strokeDasharray: "2,3"}),
      Plot.lineY(history, {x: "date", y: "actual", stroke: "currentColor", strokeWidth: 2}),
      Plot.dot(history, {x: "date", y: "actual", fill: "currentColor", r: history.length > 40 ? 1.5 : 3}),
      Plot.lineY(fan, {x: "date", y: "mean", stroke: FORECAST_COLOUR, strokeWidth: 2.5, strokeDasharray: "6,4"}),
      Plot.dot(ahead, {
        x: "date",
        y: "mean",
        stroke: FORECAST_COLOUR,
        fill: "var(--theme-background, white)",
        r: ahead.length > 40 ? 1.5 : 3
      }),
      ...(final
        ? [
            Plot.text([final], {
              x: "date",
              y: "mean",
              text: () => "Forecast",
              dx: 6,
              textAnchor: "start",
              fill: FORECAST_COLOUR,
              fontWeight: "bold"
            }),
            Plot.text(final.upper_inner === final.upper_outer ? [] : [final], {
              x: "date",
              y: "upper_inner",
              text: () => `${inner}%`,
              dx: 6,
              textAnchor: "start",
              fill: FORECAST_COLOUR
            }),
            Plot.text([final], {
              x: "date",
              y: "upper_outer",
              text: () => (final.upper_inner === final.upper_outer ? `${inner}% and ${outer}%` : `${outer}%`),
              dx: 6,
              textAnchor: "start",
              fill: FORECAST_COLOUR
            })
          ]
        : []),
      Plot.text(history.filter((r) => r.fitted !== null).slice(-1), {
        x: "date",
        y: "fitted",
        text: () => "Fitted",
        dy: 12,
        textAnchor: "end",
        fill: FITTED_COLOUR
      }),
      ...(last
        ? [
            Plot.text([last], {
              x: "date",
              y: "actual",
              text: () => "Actual",
              dy: -12,
              textAnchor: "end",
              fill: "currentColor"
            })
          ]
        : []),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: (r: ForecastRow) => r.actual ?? r.mean,
          title: (r: ForecastRow) =>
            r.kind === "history"
              ? `${r.period}\nActual: ${fmt(r.actual)}\nFitted: ${fmt(r.fitted)}`
              : `${r.period} (forecast)\nMean: ${fmt(r.mean)}\n${inner}%: ${fmt(r.lower_inner)} to ${fmt(r.upper_inner)}\n${outer}%: ${fmt(r.lower_outer)} to ${fmt(r.upper_outer)}`
        })
      )
    ]
  });
}
