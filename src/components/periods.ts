/**
 * Reporting periods for year-on-year comparisons: financial years (1 April to 31 March, labelled `2024-25`), the
 * same point in the previous year, and which financial years are complete at the extract date. Dates are ISO
 * strings (`YYYY-MM-DD`), compared as text, so no time zone can shift them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(isoDate: string): [number, number, number] {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`invalid date: ${isoDate}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The start year of a financial-year label.
 *
 * @example
 * financialYearStart("2024-25"); // 2024
 */
export function financialYearStart(label: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) throw new Error(`invalid financial year: ${label}`);
  return Number(match[1]);
}

/**
 * The label of the financial year starting in `startYear`.
 *
 * @example
 * financialYearLabel(2024); // "2024-25"
 */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The first and last day of a financial year.
 *
 * @example
 * financialYearBounds("2024-25"); // {start: "2024-04-01", end: "2025-03-31"}
 */
export function financialYearBounds(label: string): {start: string; end: string} {
  const start = financialYearStart(label);
  return {start: iso(start, 4, 1), end: iso(start + 1, 3, 31)};
}

/**
 * The financial year of an ISO date.
 *
 * @example
 * financialYearOfDate("2025-03-31"); // "2024-25"
 */
export function financialYearOfDate(isoDate: string): string {
  const [year, month] = parts(isoDate);
  return financialYearLabel(month < 4 ? year - 1 : year);
}

/**
 * The same calendar day one year earlier (29 February becomes 28 February).
 *
 * @example
 * sameDayLastYear("2025-11-30"); // "2024-11-30"
 * sameDayLastYear("2024-02-29"); // "2023-02-28"
 */
export function sameDayLastYear(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return iso(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}

/**
 * The day `months` calendar months after an ISO date (clamped to the month's last day).
 *
 * @example
 * addMonths("2025-11-30", 12); // "2026-11-30"
 */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = parts(isoDate);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return iso(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * The day after an ISO date.
 *
 * @example
 * nextDay("2025-03-31"); // "2025-04-01"
 */
export function nextDay(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * The point in financial year `label` that matches `isoDate`'s point in its own financial year: the cut-off of a
 * "year to date" comparison.
 *
 * @example
 * yearToDateEnd("2023-24", "2025-11-30"); // "2023-11-30"
 * yearToDateEnd("2023-24", "2026-02-28"); // "2024-02-28"
 */
export function yearToDateEnd(label: string, isoDate: string): string {
  const [, month, day] = parts(isoDate);
  const year = financialYearStart(label) + (month < 4 ? 1 : 0);
  return iso(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * Every financial year from the one holding `firstDate` to the one holding `lastDate`, in order.
 *
 * @example
 * financialYearsBetween("2019-04-02", "2021-01-01"); // ["2019-20", "2020-21"]
 */
export function financialYearsBetween(firstDate: string, lastDate: string): string[] {
  const from = financialYearStart(financialYearOfDate(firstDate));
  const to = financialYearStart(financialYearOfDate(lastDate));
  const years: string[] = [];
  for (let year = from; year <= to; year++) years.push(financialYearLabel(year));
  return years;
}

/**
 * Whether a financial year is wholly inside the data: it ended on or before the extract date, and the data had
 * begun by its first day (`dataStart`, the first day of the month of the earliest record).
 *
 * @example
 * isCompleteFinancialYear("2024-25", {extractDate: "2025-11-30", dataStart: "2019-04-01"}); // true
 * isCompleteFinancialYear("2025-26", {extractDate: "2025-11-30", dataStart: "2019-04-01"}); // false
 */
export function isCompleteFinancialYear(
  label: string,
  {extractDate, dataStart}: {extractDate: string; dataStart: string}
): boolean {
  const {start, end} = financialYearBounds(label);
  return end <= extractDate && start >= dataStart;
}

/**
 * The `YYYY-MM` months from `firstMonth` to `lastMonth` inclusive.
 *
 * @example
 * monthsBetween("2024-11", "2025-02"); // ["2024-11", "2024-12", "2025-01", "2025-02"]
 */
export function monthsBetween(firstMonth: string, lastMonth: string): string[] {
  const index = (month: string) => {
    const match = /^(\d{4})-(\d{2})$/.exec(month);
    if (!match) throw new Error(`invalid month: ${month}`);
    return Number(match[1]) * 12 + Number(match[2]) - 1;
  };
  const months: string[] = [];
  for (let i = index(firstMonth); i <= index(lastMonth); i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/**
 * The last day of a `YYYY-MM` month.
 *
 * @example
 * monthEnd("2024-02"); // "2024-02-29"
 */
export function monthEnd(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`invalid month: ${month}`);
  const [year, m] = [Number(match[1]), Number(match[2])];
  return iso(year, m, daysInMonth(year, m));
}
