/**
 * Referrals per financial year from the monthly aggregate (`data/referrals-monthly.arrow`), in full and for the
 * same months of each year as the latest (part) year, so the year so far compares fairly.
 */
import type {ReferralYear} from "../overview/types.js";
import {isCompleteFinancialYear} from "../periods.js";

/** The columns of a `referrals-monthly.arrow` row the demand page uses. */
export interface MonthlyReferralRow {
  month: string;
  financial_year: string;
  area_code: string;
  area_name: string;
  lot_code: string;
  lot_name: string;
  referrals: number;
  placed: number;
  declined: number;
  withdrawn: number;
  waiting: number;
}

/** The month's place in its financial year: April = 0 … March = 11. */
const fyMonthIndex = (month: string) => (Number(month.slice(5, 7)) + 8) % 12;

/**
 * Referrals per financial year; `referrals_to_date` counts the months April to the extract date's month.
 *
 * @example
 * referralYears(rows, {extractDate: "2025-11-30", dataStart: "2019-04-01"});
 */
export function referralYears(
  rows: readonly MonthlyReferralRow[],
  {extractDate, dataStart, years}: {extractDate: string; dataStart: string; years?: readonly string[]}
): ReferralYear[] {
  const cutoff = fyMonthIndex(extractDate.slice(0, 7));
  const totals = new Map<string, {referrals: number; to_date: number}>();
  for (const year of years ?? []) totals.set(year, {referrals: 0, to_date: 0});
  for (const row of rows) {
    const entry = totals.get(row.financial_year) ?? {referrals: 0, to_date: 0};
    entry.referrals += row.referrals;
    if (fyMonthIndex(row.month) <= cutoff) entry.to_date += row.referrals;
    totals.set(row.financial_year, entry);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([financial_year, {referrals, to_date}]) => ({
      financial_year,
      referrals,
      referrals_to_date: to_date,
      complete: isCompleteFinancialYear(financial_year, {extractDate, dataStart})
    }));
}

export interface OutcomeYear {
  financial_year: string;
  referrals: number;
  placed: number;
  declined: number;
  withdrawn: number;
  waiting: number;
}

/**
 * Outcomes so far of the referrals received in each financial year.
 *
 * @example
 * outcomeYears(rows)[0]; // {financial_year: "2019-20", referrals: 210, placed: 173, ...}
 */
export function outcomeYears(rows: readonly MonthlyReferralRow[]): OutcomeYear[] {
  const totals = new Map<string, OutcomeYear>();
  for (const row of rows) {
    const entry = totals.get(row.financial_year) ?? {
      financial_year: row.financial_year,
      referrals: 0,
      placed: 0,
      declined: 0,
      withdrawn: 0,
      waiting: 0
    };
    entry.referrals += row.referrals;
    entry.placed += row.placed;
    entry.declined += row.declined;
    entry.withdrawn += row.withdrawn;
    entry.waiting += row.waiting;
    totals.set(row.financial_year, entry);
  }
  return [...totals.values()].sort((a, b) => a.financial_year.localeCompare(b.financial_year));
}
