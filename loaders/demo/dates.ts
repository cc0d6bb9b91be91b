/**
 * Calendar helpers on whole days (UTC day numbers since 1970-01-01), so the generator never touches the clock.
 */

const MS_PER_DAY = 86_400_000;

/**
 * Day number of an ISO date (`YYYY-MM-DD`).
 * @example
 * dayOf("1970-01-02"); // 1
 */
export function dayOf(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`invalid date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/**
 * Day number of year/month/day (month 1-12); day 0 means the last day of the previous month.
 * @example
 * dayOfYmd(1970, 1, 2); // 1
 */
export function dayOfYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const isoCache = new Map<number, string>();

/**
 * ISO date (`YYYY-MM-DD`) of a day number; cached because the generator formats millions of dates.
 * @example
 * isoOf(0); // "1970-01-01"
 */
export function isoOf(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

/**
 * Month index (months since January 1970) of a day number.
 * @example
 * monthIndexOfDay(dayOf("1970-02-15")); // 1
 */
export function monthIndexOfDay(day: number): number {
  const offset = day - CACHE_FIRST_DAY;
  if (offset >= 0 && offset < MONTH_CACHE.length) {
    let month = MONTH_CACHE[offset];
    if (month === 0) {
      const d = new Date(day * MS_PER_DAY);
      month = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
      MONTH_CACHE[offset] = month;
    }
    return month;
  }
  const d = new Date(day * MS_PER_DAY);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** Month indexes of days 2010-01-01 .. 2039-12-31, filled lazily (0 = not yet computed). */
const CACHE_FIRST_DAY = 14610;
const MONTH_CACHE = new Int32Array(10957);

/**
 * Month index of a `YYYY-MM` label.
 * @example
 * monthIndexOf("1971-01"); // 12
 */
export function monthIndexOf(label: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) throw new Error(`invalid month: ${label}`);
  return (Number(match[1]) - 1970) * 12 + Number(match[2]) - 1;
}

/**
 * `YYYY-MM` label of a month index.
 * @example
 * monthLabel(12); // "1971-01"
 */
export function monthLabel(monthIndex: number): string {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * First day (day number) of a month index.
 * @example
 * firstDayOfMonth(1); // 31
 */
export function firstDayOfMonth(monthIndex: number): number {
  return dayOfYmd(1970 + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/**
 * Financial year label (April-March, e.g. `2024-25`) of a month index.
 * @example
 * financialYearOfMonth(monthIndexOf("2025-03")); // "2024-25"
 */
export function financialYearOfMonth(monthIndex: number): string {
  const year = 1970 + Math.floor(monthIndex / 12);
  const start = monthIndex % 12 >= 3 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/**
 * Financial year label of a day number.
 * @example
 * financialYearOfDay(dayOf("2024-04-01")); // "2024-25"
 */
export function financialYearOfDay(day: number): string {
  const month = monthIndexOfDay(day);
  let label = FY_CACHE.get(month);
  if (label === undefined) {
    label = financialYearOfMonth(month);
    FY_CACHE.set(month, label);
  }
  return label;
}

const FY_CACHE = new Map<number, string>();

/**
 * First and last day (inclusive) of a financial year label.
 * @example
 * financialYearBounds("2024-25"); // [dayOf("2024-04-01"), dayOf("2025-03-31")]
 */
export function financialYearBounds(label: string): [number, number] {
  const start = Number(label.slice(0, 4));
  if (!/^\d{4}-\d{2}$/.test(label)) throw new Error(`invalid financial_year: ${label}`);
  return [dayOfYmd(start, 4, 1), dayOfYmd(start + 1, 3, 31)];
}

/**
 * Day number of the first day of the month in which someone born in `birthMonthIndex` turns `years` old.
 * Birth months are all we hold, so a birthday is taken as the 1st of the birth month.
 * @example
 * birthdayDay(monthIndexOf("2007-06"), 18) === dayOf("2025-06-01"); // true
 */
export function birthdayDay(birthMonthIndex: number, years: number): number {
  return firstDayOfMonth(birthMonthIndex + 12 * years);
}
