import {formatPercent} from "../format.js";
import {periodTotals, type LeaversRow} from "./types.js";
import {youngPeople} from "./text.js";

/** Expected transitions to adult services in one period. */
export interface TransitionRow {
  period: string;
  period_start: string;
  children: number;
  statutory_children: number;
  expected_transitions: number;
}

/**
 * The default transition rate, an assumption made from the data: the share of the young people turning 18 whose main
 * package is on a statutory Lot (support after a social-care assessment), taken as those likely to meet adult
 * social care eligibility (Care Act 2014). 0 when nobody turns 18.
 *
 * @example
 * defaultTransitionRate([{children: 4, statutory_children: 3, ...}]); // 0.75
 */
export function defaultTransitionRate(rows: readonly LeaversRow[]): number {
  const children = rows.reduce((sum, row) => sum + row.children, 0);
  const statutory = rows.reduce((sum, row) => sum + row.statutory_children, 0);
  return children > 0 ? statutory / children : 0;
}

/**
 * Expected transitions per period: young people turning 18 × the transition rate.
 *
 * @example
 * transitionRows(rows, 0.5); // [{period: "Year 1", children: 24, statutory_children: 20, expected_transitions: 12, ...}]
 */
export function transitionRows(rows: readonly LeaversRow[], rate: number): TransitionRow[] {
  if (!(rate >= 0 && rate <= 1)) throw new Error(`invalid transition rate: ${rate}`);
  const statutory = new Map<string, number>();
  for (const row of rows) statutory.set(row.period, (statutory.get(row.period) ?? 0) + row.statutory_children);
  return periodTotals(rows).map((total) => ({
    period: total.period,
    period_start: total.period_start,
    children: total.children,
    statutory_children: statutory.get(total.period) ?? 0,
    expected_transitions: total.children * rate
  }));
}

/**
 * One sentence on the expected transitions.
 *
 * @example
 * summariseTransitions(transitionRows(rows, 0.5), 0.5);
 * // "At a 50% transition rate, 13 of the 26 young people turning 18 are expected to move to adult services."
 */
export function summariseTransitions(rows: readonly TransitionRow[], rate: number): string {
  const children = rows.reduce((sum, row) => sum + row.children, 0);
  const expected = rows.reduce((sum, row) => sum + row.expected_transitions, 0);
  if (children === 0) return "Nobody turns 18 in the period shown, so no transition to adult services is expected.";
  return `At a ${formatPercent(rate)} transition rate, ${Math.round(expected).toLocaleString("en-GB")} of the ${youngPeople(
    children
  )} turning 18 are expected to move to adult services.`;
}
