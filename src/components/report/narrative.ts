/**
 * The scrutiny report's sentences, generated from the data so that every figure in the text is computed, never
 * typed. Pure functions: each takes published (disclosure-controlled) figures and returns plain English in GOV.UK
 * style (numerals, `42%`, `£1.2m`, financial years `2024-25`). A hidden figure (`c`) is said to be hidden, never
 * guessed.
 */
import {cellValue, type Cell} from "../gss.js";
import {formatCount, formatMoney, formatPercent} from "../format.js";
import {formatDate} from "../provenance.js";
import type {
  AccuracyRow,
  PublishedFigure,
  ReportData,
  ReportForecast,
  ReportSpendRow,
  ReportSpotShareRow,
  ReportSupportedRow
} from "./types.js";

/** A value of a measure in one year. */
export interface YearFigure {
  year: string;
  value: Cell;
}

const HIDDEN = "a figure hidden to protect children's privacy";

/**
 * Change from `from` to `to` as a sentence: "Requests … rose 42% from 416 in 2018-19 to 592 in 2021-22."
 * The percentage is rounded to a whole number; a change that rounds to 0% is "stayed about the same".
 *
 * @example
 * growthSentence("Requests for EHC needs assessments", {year: "2018-19", value: 416}, {year: "2021-22", value: 592});
 * // "Requests for EHC needs assessments rose 42% from 416 in 2018-19 to 592 in 2021-22."
 */
export function growthSentence(
  subject: string,
  from: YearFigure,
  to: YearFigure,
  format: (value: number) => string = formatCount
): string {
  const a = cellValue(from.value);
  const b = cellValue(to.value);
  if (a === null || b === null) {
    return `${subject} cannot be compared between ${from.year} and ${to.year}: ${HIDDEN} is involved.`;
  }
  if (a === 0) return `${subject} were ${format(a)} in ${from.year} and ${format(b)} in ${to.year}.`;
  const change = (b - a) / a;
  if (Math.round(Math.abs(change) * 100) === 0) {
    return `${subject} stayed about the same, at ${format(a)} in ${from.year} and ${format(b)} in ${to.year}.`;
  }
  return `${subject} ${change > 0 ? "rose" : "fell"} ${formatPercent(Math.abs(change))} from ${format(a)} in ${
    from.year
  } to ${format(b)} in ${to.year}.`;
}

/**
 * The growth sentence for an indicator of a council's published EHCP table, first year to last.
 *
 * @example
 * publishedGrowthSentence(lewisham, "Requests for EHC Needs Assessments", "Requests for EHC needs assessments", "Lewisham");
 * // "In Lewisham, requests for EHC needs assessments rose 42% from 416 in 2018-19 to 592 in 2021-22."
 */
export function publishedGrowthSentence(
  figures: readonly PublishedFigure[],
  indicator: string,
  subject: string,
  place: string
): string {
  const series = figures
    .filter((f) => f.indicator === indicator)
    .sort((a, b) => (a.financial_year < b.financial_year ? -1 : 1));
  if (series.length < 2) throw new Error(`invalid indicator: ${indicator} has fewer than two years`);
  const first = series[0];
  const last = series[series.length - 1];
  const sentence = growthSentence(
    subject.charAt(0).toLowerCase() + subject.slice(1),
    {year: first.financial_year, value: first.value},
    {year: last.financial_year, value: last.value}
  );
  return `In ${place}, ${sentence}`;
}

/** The all-Lots total of a measure per financial year from rows with a `lot_code` "Total". */
function totalsByYear<T extends {financial_year: string; lot_code: string}>(
  rows: readonly T[],
  key: keyof T
): YearFigure[] {
  return rows
    .filter((row) => row.lot_code === "Total")
    .map((row) => ({year: row.financial_year, value: row[key] as Cell}))
    .sort((a, b) => (a.year < b.year ? -1 : 1));
}

/**
 * Referrals from the first to the last complete financial year, and on the year before.
 *
 * @example
 * referralsSentence(data.referrals, "2024-25");
 * // "Referrals for support rose 78% from 210 in 2019-20 to 374 in 2024-25, and 26% on 2023-24 (298)."
 */
export function referralsSentence(rows: ReportData["referrals"], lastCompleteYear: string): string {
  const totals = totalsByYear(rows, "referrals").filter((row) => row.year <= lastCompleteYear);
  if (totals.length < 2) return "There are not yet two complete years of referrals to compare.";
  const first = totals[0];
  const previous = totals[totals.length - 2];
  const last = totals[totals.length - 1];
  const sentence = growthSentence("Referrals for support", first, last).replace(/\.$/, "");
  const a = cellValue(previous.value);
  const b = cellValue(last.value);
  if (totals.length === 2 || a === null || b === null || a === 0) return `${sentence}.`;
  const change = (b - a) / a;
  const word =
    Math.round(Math.abs(change) * 100) === 0
      ? "about the same as"
      : `${change > 0 ? "up" : "down"} ${formatPercent(Math.abs(change))} on`;
  return `${sentence}, ${word} ${previous.year} (${formatCount(a)}).`;
}

/**
 * Children and young people supported in the last complete year against the year before.
 *
 * @example
 * supportedSentence([{financial_year: "2023-24", children: 373}, {financial_year: "2024-25", children: 519}], "2024-25");
 * // "519 children and young people had a package of support in 2024-25, up 39% from 373 in 2023-24."
 */
export function supportedSentence(rows: readonly ReportSupportedRow[], lastCompleteYear: string): string {
  const sorted = rows
    .filter((row) => row.financial_year <= lastCompleteYear)
    .sort((a, b) => (a.financial_year < b.financial_year ? -1 : 1));
  const last = sorted[sorted.length - 1];
  if (!last) return "No complete year of support is recorded.";
  const n = cellValue(last.children);
  if (n === null) return `The number of children supported in ${last.financial_year} is ${HIDDEN}.`;
  const lead = `${formatCount(n)} children and young people had a package of support in ${last.financial_year}`;
  const previous = sorted[sorted.length - 2];
  const p = previous ? cellValue(previous.children) : null;
  if (!previous || p === null || p === 0) return `${lead}.`;
  const change = (n - p) / p;
  if (Math.round(Math.abs(change) * 100) === 0)
    return `${lead}, about the same as in ${previous.financial_year} (${formatCount(p)}).`;
  return `${lead}, ${change > 0 ? "up" : "down"} ${formatPercent(Math.abs(change))} from ${formatCount(p)} in ${previous.financial_year}.`;
}

/**
 * The waiting list on the "as at" date.
 *
 * @example
 * waitingSentence({waiting: 75, waiting_over_18_weeks: 17}, 35, "2025-11-30");
 * // "On 30 November 2025, 75 referrals were waiting for a decision; half had waited 35 days or more, and 17 had waited more than 18 weeks."
 */
export function waitingSentence(
  total: {waiting: Cell; waiting_over_18_weeks: Cell} | undefined,
  medianDays: Cell,
  extractDate: string
): string {
  const when = `On ${formatDate(extractDate)}`;
  const n = total ? cellValue(total.waiting) : 0;
  if (n === null) return `${when}, the number of referrals waiting for a decision is ${HIDDEN}.`;
  if (n === 0) return `${when}, no referral was waiting for a decision.`;
  const median = cellValue(medianDays);
  const long = cellValue(total!.waiting_over_18_weeks);
  const parts = [`${when}, ${formatCount(n)} referral${n === 1 ? " was" : "s were"} waiting for a decision`];
  if (median !== null) parts.push(`half had waited ${formatCount(median)} day${median === 1 ? "" : "s"} or more`);
  if (long === null) parts.push(`the number waiting more than 18 weeks is ${HIDDEN}`);
  else
    parts.push(
      long === 0 ? "none had waited more than 18 weeks" : `${formatCount(long)} had waited more than 18 weeks`
    );
  return `${parts[0]}; ${parts.slice(1).join(", and ")}.`;
}

/**
 * Spend against budget in one year (the all-Lots row).
 *
 * @example
 * spendSentence({financial_year: "2024-25", lot_code: "Total", lot_name: "All Lots", spend_gbp: 990382, budget_gbp: 950000});
 * // "In 2024-25 the council spent £990,382 on commissioned care against a budget of £950,000: £40,382 (4%) over budget."
 */
export function spendSentence(total: ReportSpendRow): string {
  const spent = cellValue(total.spend_gbp);
  const lead = `In ${total.financial_year} the council`;
  if (spent === null)
    return `${lead}'s spend on commissioned care is ${HIDDEN}; the budget was ${formatMoney(total.budget_gbp)}.`;
  const difference = spent - total.budget_gbp;
  const base = `${lead} spent ${formatMoney(spent)} on commissioned care against a budget of ${formatMoney(total.budget_gbp)}`;
  if (total.budget_gbp <= 0) return `${base}.`;
  const share = Math.abs(difference) / total.budget_gbp;
  if (Math.round(share * 100) === 0) return `${base}: on budget.`;
  return `${base}: ${formatMoney(Math.abs(difference))} (${formatPercent(share)}) ${difference > 0 ? "over" : "under"} budget.`;
}

/**
 * How many complete years spend exceeded budget.
 *
 * @example
 * overBudgetYears(totals, "2024-25"); // {over: 1, of: 6}
 */
export function overBudgetYears(
  totals: readonly ReportSpendRow[],
  lastCompleteYear: string
): {over: number; of: number} {
  const years = totals.filter((row) => row.lot_code === "Total" && row.financial_year <= lastCompleteYear);
  const over = years.filter((row) => {
    const spent = cellValue(row.spend_gbp);
    return spent !== null && spent > row.budget_gbp;
  }).length;
  return {over, of: years.length};
}

/**
 * The spot-purchase share of new placements in the last complete year, against its peak.
 *
 * @example
 * spotShareSentence(rows, "2024-25");
 * // "Spot purchases were 6.7% of new placements in 2024-25 (21 of 312), down from a peak of 31.3% in 2022-23."
 */
export function spotShareSentence(rows: readonly ReportSpotShareRow[], lastCompleteYear: string): string {
  const years = rows
    .filter((row) => row.financial_year <= lastCompleteYear)
    .sort((a, b) => (a.financial_year < b.financial_year ? -1 : 1));
  const last = years[years.length - 1];
  if (!last) return "No complete year of placements is recorded.";
  const share = cellValue(last.spot_share_pct);
  if (share === null) return `The spot-purchase share of new placements in ${last.financial_year} is ${HIDDEN}.`;
  const spot = cellValue(last.spot_purchase);
  const all = cellValue(last.placements);
  const counts = spot !== null && all !== null ? ` (${formatCount(spot)} of ${formatCount(all)})` : "";
  const lead = `Spot purchases were ${share}% of new placements in ${last.financial_year}${counts}`;
  const peak = years.reduce<ReportSpotShareRow | null>((best, row) => {
    const value = cellValue(row.spot_share_pct);
    return value !== null && (best === null || value > (cellValue(best.spot_share_pct) ?? -1)) ? row : best;
  }, null);
  if (!peak || peak === last) return `${lead}, the highest share of the years shown.`;
  return `${lead}, down from a peak of ${cellValue(peak.spot_share_pct)}% in ${peak.financial_year}.`;
}

/**
 * Young people who will leave children's services at 18.
 *
 * @example
 * turning18Sentence({supported: 308, within_1_year: 24, within_3_years: 68, within_3_years_pct: 22}, "2025-11-30");
 * // "Of the 308 children and young people supported on 30 November 2025, 68 (22%) turn 18 within three years, 24 of them within a year."
 */
export function turning18Sentence(figures: ReportData["turning18"], extractDate: string): string {
  const supported = cellValue(figures.supported);
  const three = cellValue(figures.within_3_years);
  const one = cellValue(figures.within_1_year);
  const pct = cellValue(figures.within_3_years_pct);
  const lead = `Of the ${supported === null ? "children and young people" : `${formatCount(supported)} children and young people`} supported on ${formatDate(extractDate)}`;
  if (three === null) return `${lead}, the number who turn 18 within three years is ${HIDDEN}.`;
  const share = pct === null ? "" : ` (${pct}%)`;
  const within =
    one === null ? `; the number within a year is ${HIDDEN}` : `, ${formatCount(one)} of them within a year`;
  return `${lead}, ${formatCount(three)}${share} turn 18 within three years${within}.`;
}

/** The auto method's row for a series of docs/forecast-accuracy.md. */
export function accuracyOf(rows: readonly AccuracyRow[], column: string): AccuracyRow | undefined {
  return rows.find((row) => row.column === column && row.method === "auto");
}

/**
 * What the forecast says, in one sentence, for the last forecast year.
 *
 * @example
 * forecastSentence(forecast);
 * // "If past patterns continue, referrals are forecast to be about 423 in 2027-28, likely between 226 and 619 (80% range) and very likely between 0 and 916 (95% range)."
 */
export function forecastSentence(forecast: ReportForecast): string {
  const last = forecast.points.filter((point) => point.kind === "forecast").at(-1);
  if (!last) return "No forecast is available.";
  const mean = cellValue(last.referrals);
  if (mean === null) return `The forecast for ${last.financial_year} is ${HIDDEN}.`;
  const range = (lower: Cell | null, upper: Cell | null) => {
    const l = cellValue(lower);
    const u = cellValue(upper);
    return l === null || u === null ? null : `${formatCount(l)} and ${formatCount(u)}`;
  };
  const r80 = range(last.lower_80, last.upper_80);
  const r95 = range(last.lower_95, last.upper_95);
  const ranges = [r80 && `likely between ${r80} (80% range)`, r95 && `very likely between ${r95} (95% range)`].filter(
    Boolean
  );
  return `If past patterns continue, referrals are forecast to be about ${formatCount(mean)} in ${last.financial_year}${
    ranges.length > 0 ? `, ${ranges.join(" and ")}` : ""
  }.`;
}

/**
 * How sure the forecast is, in plain words, from the measured coverage of the same kind of ranges.
 *
 * @example
 * confidenceSentence(forecast, accuracyRow);
 * // "How sure are we? Ranges made this way were tested on every English council's requests for EHC needs assessments: the 80% ranges contained what actually happened 75% of the time and the 95% ranges 94% of the time. So expect the real figure to fall outside the 80% range about 1 year in 4. On this council's own 16 area and Lot series the 80% ranges contained 74% of outcomes and the 95% ranges 92%."
 */
export function confidenceSentence(forecast: ReportForecast, accuracy: AccuracyRow | undefined): string {
  const parts: string[] = ["How sure are we?"];
  if (accuracy) {
    parts.push(
      `Ranges made this way were tested on every English council's ${accuracy.series.charAt(0).toLowerCase()}${accuracy.series.slice(1)} (DfE SEN2 data): the 80% ranges contained what actually happened ${formatPercent(accuracy.calibrated80)} of the time and the 95% ranges ${formatPercent(accuracy.calibrated95)} of the time. So expect the real figure to fall outside the 80% range about 1 year in ${formatCount(Math.round(1 / Math.max(1 - accuracy.calibrated80, 0.01)))}.`
    );
  }
  if (forecast.localCoverage80 !== null && forecast.localCoverage95 !== null && forecast.calibrationSeries > 0) {
    parts.push(
      `On this council's own ${formatCount(forecast.calibrationSeries)} area and Lot series the 80% ranges contained ${formatPercent(forecast.localCoverage80)} of outcomes and the 95% ranges ${formatPercent(forecast.localCoverage95)}.`
    );
  }
  if (parts.length === 1) parts.push("The ranges could not be tested on past data, so treat them as a rough guide.");
  return parts.join(" ");
}
