/**
 * The overview page's charts in one module, so the page loads one file for them (issue #7: the overview's budget
 * is 20 requests): the headline cards' sparklines and three of the story charts (waiting, spend against budget,
 * turning 18). The referral growth chart has its own module because the demand page draws it too.
 */
import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMoney, formatMonth, formatPercent, monthDate} from "../../format.js";
import type {SpendLot, TurningEighteenMonth, WaitingMonth} from "../../overview/types.js";

/** Size and document of a story chart. */
export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

// Sparklines: the small trend in each headline card.

/** One point of a sparkline: a label for the x position (month or financial year) and a value. */
export interface SparkPoint {
  label: string;
  value: number | null;
}

export interface SparklineOptions {
  /** `line` for a trend over months, `bar` for years or a count per month. */
  kind?: "line" | "bar";
  /** What the series is, for the text alternative, e.g. "Children and young people supported at each month end". */
  what: string;
  /** Formats a value in the text alternative. */
  format?: (value: number) => string;
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * One sentence describing a series: first and last values, and the highest.
 *
 * @example
 * summariseSparkline([{label: "2019-20", value: 210}, {label: "2024-25", value: 374}], {what: "Referrals per year"});
 * // "Referrals per year: 210 in 2019-20, 374 in 2024-25; highest 374 in 2024-25."
 */
export function summariseSparkline(
  points: readonly SparkPoint[],
  {what, format = (value: number) => value.toLocaleString("en-GB")}: Pick<SparklineOptions, "what" | "format">
): string {
  const known = points.filter((point): point is {label: string; value: number} => point.value !== null);
  if (known.length === 0) return `${what}: no data.`;
  const first = known[0];
  const last = known[known.length - 1];
  const highest = known.reduce((best, point) => (point.value > best.value ? point : best));
  return `${what}: ${format(first.value)} in ${first.label}, ${format(last.value)} in ${last.label}; highest ${format(
    highest.value
  )} in ${highest.label}.`;
}

/**
 * A small chart without axes for a headline card, with its own aria-label and a text alternative. The last value
 * is marked with a dot (line) or a darker bar, so the current position does not depend on colour.
 *
 * @example
 * sparkline([{label: "2024-04", value: 272}, {label: "2024-05", value: 280}], {what: "Supported at month end"});
 */
export function sparkline(points: readonly SparkPoint[], options: SparklineOptions) {
  const {kind = "line", width = 240, height = 48, document} = options;
  const data = points.map((point, index) => ({...point, index, last: index === points.length - 1}));
  const known = data.filter((point) => point.value !== null);
  const marks =
    kind === "bar"
      ? [
          Plot.barY(data, {
            x: "label",
            y: "value",
            fill: "currentColor",
            fillOpacity: (d: {last: boolean}) => (d.last ? 1 : 0.55),
            inset: 0.5
          }),
          Plot.ruleY([0], {strokeOpacity: 0.4})
        ]
      : [
          Plot.lineY(data, {x: "index", y: "value", stroke: "currentColor", strokeWidth: 1.75}),
          Plot.dot(known.slice(-1), {x: "index", y: "value", fill: "currentColor", r: 3})
        ];
  return plot({
    width,
    height,
    document,
    margin: 4,
    marginTop: 6,
    marginBottom: 4,
    ariaLabel: `Sparkline: ${options.what}`,
    ariaDescription: summariseSparkline(points, options),
    x: kind === "bar" ? {axis: null, type: "band", padding: 0.15} : {axis: null},
    y: {axis: null, zero: kind === "bar"},
    marks
  });
}

// Referrals waiting at each month end.

function latestAndYearBefore(rows: readonly WaitingMonth[]) {
  const latest = rows[rows.length - 1];
  const before = rows.length > 12 ? rows[rows.length - 13] : undefined;
  return {latest, before};
}

/**
 * The headline: how many are waiting at the latest month end, against a year earlier.
 *
 * @example
 * waitingTitle(rows); // "75 referrals waiting at the end of November 2025, up from 53 a year earlier"
 */
export function waitingTitle(rows: readonly WaitingMonth[]): string {
  if (rows.length === 0) return "Referrals waiting for a decision";
  const {latest, before} = latestAndYearBefore(rows);
  const head = `${formatCount(latest.waiting)} referrals waiting at the end of ${formatMonth(latest.month)}`;
  if (!before) return head;
  if (before.waiting === latest.waiting) return `${head}, the same as a year earlier`;
  return `${head}, ${latest.waiting > before.waiting ? "up" : "down"} from ${formatCount(before.waiting)} a year earlier`;
}

/**
 * One sentence: the latest count and median wait, the peak and when.
 *
 * @example
 * summariseWaiting(rows);
 */
export function summariseWaiting(rows: readonly WaitingMonth[]): string {
  if (rows.length === 0) return "No referrals are recorded.";
  const {latest} = latestAndYearBefore(rows);
  const peak = rows.reduce((best, row) => (row.waiting > best.waiting ? row : best));
  const median = latest.median_days === null ? "" : `, who had waited a median of ${latest.median_days} days`;
  return `At the end of ${formatMonth(latest.month)} ${formatCount(latest.waiting)} referrals were awaiting a decision${median}; the most waiting at any month end since ${formatMonth(
    rows[0].month
  )} was ${formatCount(peak.waiting)}, in ${formatMonth(peak.month)}.`;
}

/**
 * Referrals awaiting a decision at each month end, with the latest value labelled.
 *
 * @example
 * waitingTrendChart(data.waiting.byMonth, {width: 640});
 */
export function waitingTrendChart(rows: readonly WaitingMonth[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  const last = data.slice(-1);
  return plot({
    width,
    height,
    document,
    marginLeft: 44,
    marginRight: 40,
    title: waitingTitle(rows),
    subtitle: "Referrals received and not yet decided, counted on the last day of each month",
    ariaLabel: "Line chart of referrals waiting for a decision at each month end",
    ariaDescription: summariseWaiting(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Referrals waiting", zero: true},
    marks: [
      Plot.areaY(data, {x: "date", y: "waiting", fill: "#896ed0", fillOpacity: 0.2, stroke: "#896ed0"}),
      Plot.lineY(data, {x: "date", y: "waiting", stroke: "#896ed0", strokeWidth: 2}),
      Plot.dot(last, {x: "date", y: "waiting", fill: "currentColor", r: 4}),
      Plot.text(last, {
        x: "date",
        y: "waiting",
        text: (d: WaitingMonth) => formatCount(d.waiting),
        dx: 8,
        textAnchor: "start",
        fill: "currentColor"
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "waiting",
          title: (d: WaitingMonth) =>
            `${formatMonth(d.month)}\n${formatCount(d.waiting)} waiting\nmedian ${d.median_days ?? "–"} days waited`
        })
      ),
      Plot.ruleY([0])
    ]
  });
}

// Commissioned spend and forecast outturn against budget, by Lot.

function totals(rows: readonly SpendLot[]) {
  const sum = (key: "spend_to_date" | "committed" | "forecast" | "budget") =>
    rows.reduce((total, row) => total + row[key], 0);
  return {spend: sum("spend_to_date"), committed: sum("committed"), forecast: sum("forecast"), budget: sum("budget")};
}

/**
 * The headline: forecast outturn against budget, over or under.
 *
 * @example
 * spendBudgetTitle(rows, "2025-26"); // "2025-26 forecast outturn £1.1m: £100,836 (10%) over the £987,500 budget"
 */
export function spendBudgetTitle(rows: readonly SpendLot[], year: string): string {
  const {forecast, budget} = totals(rows);
  if (budget <= 0) return `${year} forecast outturn ${formatMoney(forecast)}; no budget is recorded`;
  const gap = forecast - budget;
  const side = gap > 0 ? "over" : "under";
  return `${year} forecast outturn ${formatMoney(forecast)}: ${formatMoney(Math.abs(gap))} (${formatPercent(
    Math.abs(gap) / budget
  )}) ${side} the ${formatMoney(budget)} budget`;
}

/**
 * One sentence naming the Lots forecast over budget.
 *
 * @example
 * summariseSpendBudget(rows, "2025-26");
 */
export function summariseSpendBudget(rows: readonly SpendLot[], year: string): string {
  if (rows.length === 0) return `No spend is recorded for ${year}.`;
  const {spend, committed, forecast, budget} = totals(rows);
  const over = rows
    .filter((row) => row.forecast > row.budget)
    .map((row) => `${row.lot_code} (${formatMoney(row.forecast - row.budget)} over)`);
  return `In ${year}, ${formatMoney(spend)} has been spent to date and ${formatMoney(committed)} is committed to 31 March, a forecast of ${formatMoney(
    forecast
  )} against a budget of ${formatMoney(budget)}; ${over.length === 0 ? "no Lot is forecast over budget" : `forecast over budget: ${over.join(", ")}`}.`;
}

/**
 * Horizontal bars per Lot: spend to date (solid) and committed to 31 March (outlined), with the budget as a thick
 * rule and the forecast labelled.
 *
 * @example
 * spendBudgetChart(data.spend.byLot, {year: "2025-26", width: 640});
 */
export function spendBudgetChart(rows: readonly SpendLot[], options: ChartOptions & {year: string}) {
  const {document, year} = options;
  // Never narrower than its margins, even while the page lays out (a negative bar width is an SVG error).
  const width = Math.max(options.width ?? 640, 240);
  const height = options.height ?? 70 + rows.length * 56;
  const segments = rows.flatMap((row) => [
    {lot: row.lot_code, part: "Spent to date", from: 0, to: row.spend_to_date, amount: row.spend_to_date},
    {lot: row.lot_code, part: "Committed to 31 March", from: row.spend_to_date, to: row.forecast, amount: row.committed}
  ]);
  const labels = rows.map((row) => ({
    lot: row.lot_code,
    x: Math.max(row.forecast, row.budget),
    text: `${formatMoney(row.forecast)} vs ${formatMoney(row.budget)}`
  }));
  const max = Math.max(1, ...rows.map((row) => Math.max(row.forecast, row.budget)));
  return plot({
    width,
    height,
    document,
    marginLeft: 56,
    marginRight: Math.min(170, width * 0.4),
    title: spendBudgetTitle(rows, year),
    subtitle: `Commissioned spend by Lot, ${year}: spent to date (solid), committed to 31 March (outlined); thick vertical tick = budget`,
    ariaLabel: `Bar chart of forecast spend against budget by Lot, ${year}`,
    ariaDescription: summariseSpendBudget(rows, year),
    x: {grid: true, label: "£", domain: [0, max], tickFormat: (value: number) => formatMoney(value)},
    y: {label: null, domain: rows.map((row) => row.lot_code)},
    marks: [
      Plot.barX(
        segments.filter((d) => d.part === "Spent to date"),
        {y: "lot", x1: "from", x2: "to", fill: "#0084d5", insetTop: 8, insetBottom: 8}
      ),
      Plot.barX(
        segments.filter((d) => d.part !== "Spent to date"),
        {
          y: "lot",
          x1: "from",
          x2: "to",
          fill: "#0084d5",
          fillOpacity: 0.2,
          stroke: "#0084d5",
          strokeWidth: 1.5,
          insetTop: 8,
          insetBottom: 8
        }
      ),
      Plot.tickX(rows, {y: "lot_code", x: "budget", stroke: "currentColor", strokeWidth: 3}),
      Plot.text(labels, {y: "lot", x: "x", text: "text", dx: 6, textAnchor: "start", fill: "currentColor"}),
      Plot.tip(
        segments,
        Plot.pointerY({
          y: "lot",
          x: "to",
          title: (d: (typeof segments)[number]) => `${d.lot}: ${d.part.toLowerCase()} ${formatMoney(d.amount)}`
        })
      ),
      Plot.ruleX([0])
    ]
  });
}

// Supported young people by the month they turn 18.

const total = (rows: readonly TurningEighteenMonth[]) => rows.reduce((sum, row) => sum + row.young_people, 0);

/**
 * The headline: how many supported young people turn 18 in the next 12 months.
 *
 * @example
 * turningEighteenTitle(rows); // "24 young people now supported turn 18 in the next 12 months"
 */
export function turningEighteenTitle(rows: readonly TurningEighteenMonth[]): string {
  const n = total(rows);
  return `${formatCount(n)} ${n === 1 ? "young person" : "young people"} now supported turn${n === 1 ? "s" : ""} 18 in the next 12 months`;
}

/**
 * One sentence: the total and the busiest month.
 *
 * @example
 * summariseTurningEighteen(rows);
 */
export function summariseTurningEighteen(rows: readonly TurningEighteenMonth[]): string {
  if (rows.length === 0) return "No months to show.";
  const n = total(rows);
  if (n === 0)
    return `No young person now supported turns 18 between ${formatMonth(rows[0].month)} and ${formatMonth(rows[rows.length - 1].month)}.`;
  const busiest = rows.reduce((best, row) => (row.young_people > best.young_people ? row : best));
  return `${formatCount(n)} young people now supported turn 18 between ${formatMonth(rows[0].month)} and ${formatMonth(
    rows[rows.length - 1].month
  )}; the most in one month is ${formatCount(busiest.young_people)}, in ${formatMonth(busiest.month)}.`;
}

/**
 * Columns: supported young people by the month they turn 18, each labelled with its count.
 *
 * @example
 * turningEighteenChart(data.turning18.byMonth, {width: 640});
 */
export function turningEighteenChart(rows: readonly TurningEighteenMonth[], options: ChartOptions = {}) {
  const {width = 640, height = 260, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  return plot({
    width,
    height,
    document,
    marginLeft: 40,
    title: turningEighteenTitle(rows),
    subtitle:
      "Children and young people with an active package, by the month of their 18th birthday (transition to adult services)",
    ariaLabel: "Column chart of supported young people turning 18 in each of the next 12 months",
    ariaDescription: summariseTurningEighteen(rows),
    x: {
      type: "band",
      label: null,
      tickFormat: (d: Date) => d.toLocaleDateString("en-GB", {month: "short", timeZone: "UTC"})
    },
    y: {grid: true, label: "Young people", tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : "")},
    marks: [
      Plot.barY(data, {
        x: "date",
        y: "young_people",
        fill: "#c656a2",
        tip: {format: {x: (d: Date) => formatMonth(d.toISOString().slice(0, 7))}}
      }),
      Plot.text(data, {
        x: "date",
        y: "young_people",
        text: (d: TurningEighteenMonth) => String(d.young_people),
        dy: -8,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
