/**
 * The headline figures of the overview page as table rows (for the data table and CSV under the cards), each with
 * its value, the value it is compared with, the change and the basis of the comparison.
 */
import {formatCount, formatMoney, formatPercent} from "../format.js";
import {formatDate} from "../provenance.js";
import {addMonths, financialYearBounds, nextDay} from "../periods.js";
import {describeChange, type Change} from "./change.js";
import type {OverviewData} from "./types.js";

export interface HeadlineRow {
  indicator: string;
  value: string;
  compared_with: string;
  change: string;
  verdict: Change["verdict"];
  basis: string;
}

export interface Headline {
  key: "referrals" | "supported" | "waiting" | "median_wait" | "spend" | "spot" | "turning18";
  indicator: string;
  value: string;
  comparedWith: string;
  change: Change;
  basis: string;
}

const monthYear = (iso: string) => formatDate(iso).replace(/^\d+ /, "");

/**
 * Every headline figure with its change on last year, judged by its direction.
 *
 * @example
 * headlines(data).find((h) => h.key === "waiting")?.change.verdict; // "worse"
 */
export function headlines(data: OverviewData): Headline[] {
  const fyStart = financialYearBounds(data.currentYear).start;
  const lastFyStart = financialYearBounds(data.previousYear).start;
  const toDate = `${formatDate(fyStart)} to ${formatDate(data.extractDate)}`;
  const sameMonths = `the same months of ${data.previousYear} (${formatDate(lastFyStart)} to ${formatDate(data.sameDayLastYear)})`;
  const aYearEarlier = formatDate(data.sameDayLastYear);
  const days = (value: number | null) => (value === null ? "–" : `${value} days`);
  const share = (value: number | null) => (value === null ? "–" : formatPercent(value, 1));
  const turningFrom = monthYear(nextDay(data.extractDate));
  const turningTo = monthYear(addMonths(data.extractDate, 12));
  return [
    {
      key: "referrals",
      indicator: `Referrals received, ${toDate}`,
      value: formatCount(data.referrals.toDate),
      comparedWith: formatCount(data.referrals.toDateLastYear),
      change: describeChange({
        current: data.referrals.toDate,
        previous: data.referrals.toDateLastYear,
        polarity: "neither",
        basis: sameMonths
      }),
      basis: sameMonths
    },
    {
      key: "supported",
      indicator: `Children and young people with an active package on ${formatDate(data.extractDate)}`,
      value: formatCount(data.supported.now),
      comparedWith: formatCount(data.supported.lastYear),
      change: describeChange({
        current: data.supported.now,
        previous: data.supported.lastYear,
        polarity: "up",
        basis: aYearEarlier
      }),
      basis: aYearEarlier
    },
    {
      key: "waiting",
      indicator: `Referrals awaiting a decision on ${formatDate(data.extractDate)}`,
      value: formatCount(data.waiting.now),
      comparedWith: formatCount(data.waiting.lastYear),
      change: describeChange({
        current: data.waiting.now,
        previous: data.waiting.lastYear,
        polarity: "down",
        basis: aYearEarlier
      }),
      basis: aYearEarlier
    },
    {
      key: "median_wait",
      indicator: `Median days waited so far by those referrals`,
      value: days(data.waiting.medianDays),
      comparedWith: days(data.waiting.medianDaysLastYear),
      change: describeChange({
        current: data.waiting.medianDays,
        previous: data.waiting.medianDaysLastYear,
        polarity: "down",
        measure: "absolute",
        unit: "days",
        basis: aYearEarlier
      }),
      basis: aYearEarlier
    },
    {
      key: "spend",
      indicator: `Commissioned spend, ${toDate}`,
      value: formatMoney(data.spend.spendToDate),
      comparedWith: formatMoney(data.spend.spendToDateLastYear),
      change: describeChange({
        current: data.spend.spendToDate,
        previous: data.spend.spendToDateLastYear,
        polarity: "down",
        basis: sameMonths
      }),
      basis: sameMonths
    },
    {
      key: "spot",
      indicator: `Spot-purchase share of commissioned spend, ${toDate}`,
      value: share(data.spend.spotShare),
      comparedWith: share(data.spend.spotShareLastYear),
      change: describeChange({
        current: data.spend.spotShare,
        previous: data.spend.spotShareLastYear,
        polarity: "down",
        measure: "points",
        basis: sameMonths
      }),
      basis: sameMonths
    },
    {
      key: "turning18",
      indicator: `Supported young people turning 18, ${turningFrom} to ${turningTo}`,
      value: formatCount(data.turning18.next12Months),
      comparedWith: formatCount(data.turning18.lastYear),
      change: describeChange({
        current: data.turning18.next12Months,
        previous: data.turning18.lastYear,
        polarity: "neither",
        basis: `the 12 months after ${aYearEarlier}`
      }),
      basis: `the same count a year earlier (supported on ${aYearEarlier}, turning 18 in the following 12 months)`
    }
  ];
}

/**
 * The headlines as flat rows for `dataTable` and its CSV.
 *
 * @example
 * headlineRows(data)[0].indicator; // "Referrals received, 1 April 2025 to 30 November 2025"
 */
export function headlineRows(data: OverviewData): HeadlineRow[] {
  return headlines(data).map((h) => ({
    indicator: h.indicator,
    value: h.value,
    compared_with: h.comparedWith,
    change: h.change.amount,
    verdict: h.change.verdict,
    basis: h.basis
  }));
}
