import type {Tables} from "../schema/rows.js";

/**
 * One problem found in a file. `row` is the 1-based line on which the record starts (header = row 1),
 * null for a whole-file problem; `column` is the header name, null for a whole-row or whole-file problem;
 * `rule` is a stable identifier listed in docs/data-dictionary.md.
 *
 * @example
 * const i: ValidationIssue = {file: "referrals.csv", row: 14, column: "received_date", rule: "iso-date", message: 'invalid date "2024-02-30": no such day in the calendar', severity: "error"};
 */
export interface ValidationIssue {
  file: string;
  row: number | null;
  column: string | null;
  rule: string;
  message: string;
  severity: "error" | "warning";
}

/**
 * Row counts of one file; always `rowsRead = rowsAccepted + rowsRejected`.
 *
 * @example
 * const r: FileReport = {file: "lots.csv", rowsRead: 6, rowsAccepted: 6, rowsRejected: 0};
 */
export interface FileReport {
  file: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/**
 * A validated dataset: accepted typed rows of every table (an absent optional file gives `[]`),
 * one report per file found or required, and every issue.
 *
 * @example
 * const ok = (d: DatasetResult) => d.issues.every((i) => i.severity !== "error");
 */
export interface DatasetResult {
  tables: Tables;
  report: FileReport[];
  issues: ValidationIssue[];
}

/**
 * Receives the time each step of validating and loading a folder took (`stage packages.csv`, `rules`, …), so the
 * build can print a profile of its slowest phase. Called once per step, in order.
 */
export type StepLog = (step: string, seconds: number) => void;
