/**
 * The report's referrals forecast: the forecast engine (`auto`, which uses the Theta method on short series) with
 * cross-series calibrated ranges. A council has only a handful of complete years, so the ranges are calibrated on
 * the out-of-sample errors of the same method on a panel of short series (the county's area × Lot referral
 * series), as docs/forecast-accuracy.md showed to give honest coverage on DfE data. Pure: no I/O.
 */
import {crossSeriesCalibration, forecast, panelBacktest, type PanelSeries} from "../forecast/index.js";
import type {ForecastPoint, ReportForecast} from "./types.js";

/** One complete financial year of the series to forecast. */
export interface YearValue {
  financial_year: string;
  referrals: number;
}

const LEVELS = [80, 95];

/**
 * The start year of a financial-year label.
 *
 * @example
 * startYear("2024-25"); // 2024
 */
export function startYear(financialYear: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(financialYear);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw new Error(`invalid financial_year: ${financialYear}`);
  }
  return Number(match[1]);
}

/**
 * The label of the financial year that starts in `year`.
 *
 * @example
 * yearLabel(2025); // "2025-26"
 */
export function yearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

/**
 * Forecast `history` (consecutive complete financial years) `horizon` years ahead with ranges calibrated on
 * `panel`. Forecast values and ranges are rounded to whole referrals and floored at zero.
 *
 * @example
 * referralsForecast([{financial_year: "2019-20", referrals: 210}, …], panel, {horizon: 3}).points.at(-1);
 */
export function referralsForecast(
  history: readonly YearValue[],
  panel: readonly PanelSeries[],
  {horizon = 3}: {horizon?: number} = {}
): ReportForecast {
  if (history.length < 3) throw new Error(`invalid history: ${history.length} years, at least 3 needed`);
  const years = history.map((row) => startYear(row.financial_year));
  years.forEach((year, i) => {
    if (i > 0 && year !== years[i - 1] + 1) throw new Error(`invalid history: ${yearLabel(year)} does not follow`);
  });
  const y = history.map((row) => row.referrals);
  const usable = panel.filter((series) => series.values.length >= 4);
  const backtest = usable.length > 0 ? panelBacktest(usable, {method: "auto", horizon, levels: LEVELS}) : null;
  const calibration = backtest
    ? crossSeriesCalibration(
        backtest.errors.map((error) => ({h: error.h, scaledError: error.scaledError})),
        LEVELS,
        horizon
      )
    : undefined;
  const result = forecast(y, {method: "auto", horizon, levels: LEVELS, ...(calibration ? {calibration} : {})});
  const whole = (value: number) => Math.max(0, Math.round(value));
  const last = years[years.length - 1];
  const points: ForecastPoint[] = [
    ...history.map((row, i) => ({
      financial_year: row.financial_year,
      start_year: years[i],
      kind: "actual" as const,
      referrals: row.referrals,
      lower_80: null,
      upper_80: null,
      lower_95: null,
      upper_95: null
    })),
    ...result.mean.map((mean, i) => ({
      financial_year: yearLabel(last + i + 1),
      start_year: last + i + 1,
      kind: "forecast" as const,
      referrals: whole(mean),
      lower_80: whole(result.lower[80][i]),
      upper_80: whole(result.upper[80][i]),
      lower_95: whole(result.lower[95][i]),
      upper_95: whole(result.upper[95][i])
    }))
  ];
  return {
    points,
    method: result.method,
    intervals: result.intervals,
    calibrationSeries: backtest?.seriesCount ?? 0,
    calibrationErrors: calibration?.count ?? 0,
    localCoverage80: backtest ? (backtest.summary.coverage[80] ?? null) : null,
    localCoverage95: backtest ? (backtest.summary.coverage[95] ?? null) : null
  };
}
