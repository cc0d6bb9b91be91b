/**
 * The overview page's headline figures in one module, so the page loads one file for them (issue #7: the overview's
 * budget is 20 requests):
 * - the change on last year of a headline figure, judged by the indicator's direction: for some a rise is good
 *   (more children supported), for others bad (more waiting); the verdict is said in words and with a symbol, so it
 *   never depends on colour;
 * - the headline figures as table rows (for the data table and CSV under the cards), each with its value, the value
 *   it is compared with, the change and the basis of the comparison;
 * - the headline-figure card: the figure, what it measures, its change, a sparkline and a link to the detail.
 */
import {formatCount, formatMoney, formatPercent} from "../format.js";
import {formatDate} from "../provenance.js";
import {addMonths, financialYearBounds, nextDay} from "../periods.js";
import type {OverviewData} from "./types.js";

// The change on last year.

/** Which way is good: `up` (more is better), `down` (more is worse) or `neither` (a planning figure). */
export type Polarity = "up" | "down" | "neither";

/** How the change is measured: relative (%), in percentage points, or in the unit itself (e.g. days). */
export type ChangeMeasure = "percent" | "points" | "absolute";

export interface ChangeInput {
  current: number | null;
  previous: number | null;
  polarity: Polarity;
  measure?: ChangeMeasure;
  /** Unit for an absolute change, e.g. "days". */
  unit?: string;
  /** What it is compared with, e.g. "the same months last year (April to November 2024)". */
  basis: string;
}

export interface Change {
  /** `better`, `worse`, `no change`, `not comparable` or `neither` (a rise is neither good nor bad). */
  verdict: "better" | "worse" | "no change" | "not comparable" | "neither";
  /** ▲ up, ▼ down, ● unchanged, – not comparable. */
  symbol: "▲" | "▼" | "●" | "–";
  /** The change as text, e.g. "+12%", "-4.1 percentage points", "+11 days". */
  amount: string;
  /** A full sentence, e.g. "▲ +12% on the same months last year: worse (more waiting)." */
  text: string;
}

function amountText(current: number, previous: number, measure: ChangeMeasure, unit: string | undefined): string {
  if (measure === "points") {
    const points = (current - previous) * 100;
    return `${points > 0 ? "+" : ""}${points.toFixed(1)} percentage points`;
  }
  if (measure === "absolute") {
    const diff = current - previous;
    const text = Number.isInteger(diff) ? String(Math.abs(diff)) : Math.abs(diff).toFixed(1);
    return `${diff > 0 ? "+" : diff < 0 ? "-" : ""}${text}${unit ? ` ${unit}` : ""}`;
  }
  const fraction = (current - previous) / previous;
  const text = `${(Math.abs(fraction) * 100).toFixed(0)}%`;
  return `${fraction > 0 ? "+" : fraction < 0 ? "-" : ""}${text}`;
}

/**
 * Describes the change from `previous` to `current` for a reader.
 *
 * @example
 * describeChange({current: 75, previous: 53, polarity: "down", basis: "30 November 2024"}).text;
 * // "▲ +42% on 30 November 2024: worse."
 */
export function describeChange(input: ChangeInput): Change {
  const {current, previous, polarity, measure = "percent", unit, basis} = input;
  if (current === null || previous === null || (measure === "percent" && previous === 0)) {
    return {verdict: "not comparable", symbol: "–", amount: "", text: `– No comparison with ${basis}.`};
  }
  const amount = amountText(current, previous, measure, unit);
  if (current === previous || /^0(\.0+)?(%| |$)/.test(amount.replace(/^[+-]/, ""))) {
    return {verdict: "no change", symbol: "●", amount, text: `● No change on ${basis}.`};
  }
  const rose = current > previous;
  const symbol = rose ? "▲" : "▼";
  const verdict = polarity === "neither" ? "neither" : (polarity === "up") === rose ? "better" : "worse";
  const judgement = verdict === "neither" ? "neither better nor worse" : verdict;
  return {verdict, symbol, amount, text: `${symbol} ${amount} on ${basis}: ${judgement}.`};
}

// The headline figures as table rows.

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

// The headline-figure card.

export interface KpiCardOptions {
  /** The card's heading, e.g. "Referrals this year". */
  title: string;
  /** The headline figure, formatted, e.g. "259". */
  value: string;
  /** One line saying exactly what the figure measures and when. */
  measure: string;
  change: Change;
  /** Further lines (e.g. forecast against budget), each a sentence. */
  notes?: readonly string[];
  /** The sparkline, a Plot chart with its own aria-label. */
  sparkline?: Element;
  /** Link to the page with the detail. */
  href: string;
  linkText: string;
  document?: Document;
}

/**
 * Builds the card as an `<article class="card kpi-card">`.
 *
 * @example
 * kpiCard({title: "Waiting", value: "75", measure: "Referrals awaiting a decision on 30 November 2025", change, href: "./demand", linkText: "Demand"});
 */
export function kpiCard(options: KpiCardOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const card = make("article", "card kpi-card");
  const heading = make("h2", "kpi-title", options.title);
  const value = make("p", "kpi-value", options.value);
  const measure = make("p", "kpi-measure", options.measure);
  const change = make("p", `kpi-change kpi-${options.change.verdict.replace(/ /g, "-")}`, options.change.text);
  card.append(heading, value, measure, change);
  for (const note of options.notes ?? []) card.append(make("p", "kpi-note", note));
  if (options.sparkline) {
    const spark = make("div", "kpi-sparkline");
    spark.append(options.sparkline);
    card.append(spark);
  }
  const link = make("a", "kpi-link", `${options.linkText} →`);
  link.setAttribute("href", options.href);
  card.append(link);
  return card;
}
