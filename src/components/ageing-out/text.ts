import {formatMonth} from "../format.js";

// Formatters made once: `toLocaleString` with a locale builds a new formatter on every call, which the page's
// charts and tables pay once per row on every input change.
const WHOLE = new Intl.NumberFormat("en-GB");
const HOURS = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 2});

/**
 * A period label for reading: months as en-GB text, other periods as they are.
 *
 * @example
 * periodText("2026-04"); // "April 2026"
 * periodText("2026-27 Q1"); // "2026-27 Q1"
 */
export function periodText(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? formatMonth(period) : period;
}

/**
 * "1 young person" / "3 young people".
 *
 * @example
 * youngPeople(1); // "1 young person"
 */
export function youngPeople(count: number, one = "young person", many = "young people"): string {
  return `${WHOLE.format(count)} ${count === 1 ? one : many}`;
}

/**
 * Hours per week as text, to the quarter hour.
 *
 * @example
 * formatHours(126.5); // "126.5 hours a week"
 */
export function formatHours(hours: number): string {
  return `${HOURS.format(Math.round(hours * 4) / 4)} hours a week`;
}
