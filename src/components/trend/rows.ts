/**
 * The rows the notebook draws and downloads: history with fitted values, then the forecast with its two
 * prediction intervals, one row per period.
 */
import type {ForecastResult} from "../forecast/index.js";
import type {Grain} from "./measures.js";
import {futurePeriods, type Period} from "./periods.js";

export interface SeriesRow extends Period {
  t: number;
  value: number;
}

export interface ForecastRow extends Period {
  kind: "history" | "forecast";
  actual: number | null;
  fitted: number | null;
  mean: number | null;
  lower_inner: number | null;
  upper_inner: number | null;
  lower_outer: number | null;
  upper_outer: number | null;
}

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/**
 * History and forecast rows. Lower bounds below zero are shown as 0 (no measure here can be negative); `clipped`
 * says whether that happened, so the page can say so.
 *
 * @example
 * forecastRows(series, result, "year", [80, 95]).rows.at(-1).mean;
 */
export function forecastRows(
  series: readonly SeriesRow[],
  result: ForecastResult,
  grain: Grain,
  levels: readonly [number, number]
): {rows: ForecastRow[]; clipped: boolean} {
  if (series.length === 0) throw new Error("invalid series: no periods");
  const [inner, outer] = levels;
  let clipped = false;
  const floor = (v: number) => {
    if (v < 0) clipped = true;
    return Math.max(0, v);
  };
  const history: ForecastRow[] = series.map((row, i) => ({
    period: row.period,
    first_month: row.first_month,
    last_month: row.last_month,
    kind: "history",
    actual: row.value,
    fitted: finite(result.fitted[i]),
    mean: null,
    lower_inner: null,
    upper_inner: null,
    lower_outer: null,
    upper_outer: null
  }));
  const future = futurePeriods(series[series.length - 1].last_month, grain, result.mean.length);
  const ahead: ForecastRow[] = future.map((period, h) => ({
    ...period,
    kind: "forecast",
    actual: null,
    fitted: null,
    mean: result.mean[h],
    lower_inner: floor(result.lower[inner][h]),
    upper_inner: result.upper[inner][h],
    lower_outer: floor(result.lower[outer][h]),
    upper_outer: result.upper[outer][h]
  }));
  return {rows: [...history, ...ahead], clipped};
}
