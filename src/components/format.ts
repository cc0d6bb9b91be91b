/**
 * Number and date formatting in the conventions of UK public-sector statistics (en-GB; GOV.UK style guide):
 * `1,234`, `£18,729`, `£1.2m`, `42%`, `May 2024`, financial years `2024-25`.
 */

const count = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 0});
const pounds = new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP", maximumFractionDigits: 0});
/** English month names, January first (also the month `time_identifier`s of DfE files). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
] as const;

const decimals = new Map<number, Intl.NumberFormat>();

/**
 * A number with thousands separators and at most `digits` decimals (`1,234.5678`). The formatter for each number
 * of digits is made once: `toLocaleString` with options builds a new one per call, which a table of a few hundred
 * cells notices.
 *
 * @example
 * formatDecimal(1234.56789, 2); // "1,234.57"
 */
export function formatDecimal(value: number, digits: number): string {
  let format = decimals.get(digits);
  if (!format) decimals.set(digits, (format = new Intl.NumberFormat("en-GB", {maximumFractionDigits: digits})));
  return format.format(value);
}

/**
 * A whole count with thousands separators.
 *
 * @example
 * formatCount(17034); // "17,034"
 */
export function formatCount(value: number): string {
  return count.format(value);
}

/**
 * Money in pounds: exact below £1m (`£18,729`), in millions to one decimal above (`£1.2m`, as GOV.UK writes it).
 *
 * @example
 * formatMoney(18729); // "£18,729"
 * formatMoney(1_234_567); // "£1.2m"
 */
export function formatMoney(value: number): string {
  if (Math.abs(value) >= 1e6) return `${value < 0 ? "-" : ""}£${(Math.abs(value) / 1e6).toFixed(1)}m`;
  return pounds.format(value);
}

/**
 * A percentage with a chosen number of decimals.
 *
 * @example
 * formatPercent(0.4231); // "42%"
 */
export function formatPercent(fraction: number, decimals = 0): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * A signed percentage change, the way the seed reports state growth.
 *
 * @example
 * formatChange(0.42); // "+42%"
 */
export function formatChange(fraction: number, decimals = 0): string {
  const text = formatPercent(fraction, decimals);
  return fraction > 0 ? `+${text}` : text;
}

/**
 * A `YYYY-MM` month as en-GB text.
 *
 * @example
 * formatMonth("2024-05"); // "May 2024"
 */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`invalid month: ${month}`);
  return `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}`;
}

/**
 * The financial year (April to March) of a `YYYY-MM` month or `YYYY-MM-DD` date, labelled `2024-25`.
 *
 * @example
 * financialYearOf("2025-03"); // "2024-25"
 */
export function financialYearOf(dateOrMonth: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(dateOrMonth);
  if (!match) throw new Error(`invalid date: ${dateOrMonth}`);
  const start = Number(match[1]) - (Number(match[2]) < 4 ? 1 : 0);
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/**
 * The first day of a `YYYY-MM` month as a UTC Date, for time scales.
 *
 * @example
 * monthDate("2024-05").toISOString(); // "2024-05-01T00:00:00.000Z"
 */
export function monthDate(month: string): Date {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`invalid month: ${month}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}
