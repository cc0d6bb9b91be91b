import {ASSUMPTIONS} from "./assumptions.js";
import {financialYearOfMonth, monthIndexOf} from "./dates.js";
import {largestRemainder} from "./prng.js";
import {LOT_CODES} from "./reference-tables.js";

/** Referrals to receive per Lot per month, from the first month of the data to the extract month. */
export interface ReferralPlan {
  firstMonth: number;
  lastMonth: number;
  /** counts[lotIndex][month - firstMonth] */
  counts: number[][];
  total: number;
}

/** Whether Lot 1 accepted referrals in a month ([STAFFS-LOT]: none between the collapse year and May 2023). */
function acceptsReferrals(lot: string, month: number): boolean {
  if (lot !== "LOT1") return true;
  const fy = financialYearOfMonth(month);
  return fy !== "2023-24" || month >= monthIndexOf(ASSUMPTIONS.framework.lot1Reopened.slice(0, 7));
}

/**
 * Plan how many referrals each Lot receives each month. Yearly quotas (`referralsPerYear`) are multiplied by the
 * scale, apportioned across Lot x year cells so the grand total is exactly `targetTotal` (when given), then across
 * months by `monthWeights`, both by the largest-remainder method — so the demo county has exactly 67 Lot 1
 * referrals in 2022-23 and `--referrals N` gives exactly N.
 * @param firstMonth month index of the first month (2019-04)
 * @param lastMonth month index of the extract month
 * @param targetTotal exact referral total, or undefined for the county as calibrated
 * @example
 * planReferrals(monthIndexOf("2019-04"), monthIndexOf("2025-11")).total; // 1813
 */
export function planReferrals(firstMonth: number, lastMonth: number, targetTotal?: number): ReferralPlan {
  const table = ASSUMPTIONS.referralsPerYear;
  const cells: {lotIndex: number; fy: string; quota: number}[] = [];
  LOT_CODES.forEach((lot, lotIndex) => {
    for (const [fy, quota] of Object.entries(table[lot])) cells.push({lotIndex, fy, quota});
  });
  const cellTotals =
    targetTotal === undefined
      ? cells.map((c) => c.quota)
      : largestRemainder(
          targetTotal,
          cells.map((c) => c.quota)
        );
  if (targetTotal !== undefined && (!Number.isInteger(targetTotal) || targetTotal < 0)) {
    throw new Error(`invalid referrals: ${targetTotal}`);
  }
  const months = lastMonth - firstMonth + 1;
  const counts = LOT_CODES.map(() => new Array<number>(months).fill(0));
  cells.forEach((cell, k) => {
    const lot = LOT_CODES[cell.lotIndex];
    const inYear: number[] = [];
    for (let m = firstMonth; m <= lastMonth; m++) {
      if (financialYearOfMonth(m) === cell.fy && acceptsReferrals(lot, m)) inYear.push(m);
    }
    const weights = inYear.map((m) => ASSUMPTIONS.monthWeights[m % 12]);
    largestRemainder(cellTotals[k], weights).forEach((n, i) => {
      counts[cell.lotIndex][inYear[i] - firstMonth] += n;
    });
  });
  const total = counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  return {firstMonth, lastMonth, counts, total};
}

/**
 * Referral scale factor: planned total over the calibrated county total.
 * @example
 * referralScale(1813); // 1
 */
export function referralScale(targetTotal: number | undefined): number {
  if (targetTotal === undefined) return 1;
  const base = Object.values(ASSUMPTIONS.referralsPerYear).reduce(
    (sum, years) => sum + Object.values(years).reduce((a, b) => a + b, 0),
    0
  );
  return targetTotal / base;
}
