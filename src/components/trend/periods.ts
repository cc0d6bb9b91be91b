/**
 * Periods of the notebook's series: the last complete month of an extract, and the labels of the periods a
 * forecast runs into (financial years `2027-28`, financial quarters `2026-27 Q1` = April to June, months).
 */
import type {Grain} from "./measures.js";

function monthIndex(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`invalid month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * `month` moved by `k` months.
 *
 * @example
 * addMonths("2025-11", 3); // "2026-02"
 */
export function addMonths(month: string, k: number): string {
  return monthOfIndex(monthIndex(month) + k);
}

/**
 * The last month an extract covers completely: the extract's month if it was taken on the month's last day, else
 * the month before.
 *
 * @example
 * lastCompleteMonth("2025-11-30"); // "2025-11"
 * lastCompleteMonth("2025-11-14"); // "2025-10"
 */
export function lastCompleteMonth(extractDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(extractDate);
  if (!match) throw new Error(`invalid extractDate: ${extractDate}`);
  const month = `${match[1]}-${match[2]}`;
  const lastDay = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return Number(match[3]) === lastDay ? month : addMonths(month, -1);
}

/**
 * The label of the period starting in `firstMonth` at a grain.
 *
 * @example
 * periodLabel("2026-07", "quarter"); // "2026-27 Q2"
 */
export function periodLabel(firstMonth: string, grain: Grain): string {
  if (grain === "month") return firstMonth;
  const m = Number(firstMonth.slice(5, 7));
  const start = Number(firstMonth.slice(0, 4)) - (m < 4 ? 1 : 0);
  const fy = `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
  return grain === "year" ? fy : `${fy} Q${Math.floor(((m + 8) % 12) / 3) + 1}`;
}

/** A period of a series or forecast. */
export interface Period {
  period: string;
  first_month: string;
  last_month: string;
}

/**
 * The `horizon` periods after one ending in `lastMonth`.
 *
 * @example
 * futurePeriods("2025-03", "year", 2).map((p) => p.period); // ["2025-26", "2026-27"]
 */
export function futurePeriods(lastMonth: string, grain: Grain, horizon: number): Period[] {
  const size = grain === "year" ? 12 : grain === "quarter" ? 3 : 1;
  return Array.from({length: horizon}, (_, i) => {
    const first = addMonths(lastMonth, 1 + i * size);
    return {period: periodLabel(first, grain), first_month: first, last_month: addMonths(first, size - 1)};
  });
}
