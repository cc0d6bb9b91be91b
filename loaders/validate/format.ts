import type {FileReport, ValidationIssue} from "./types.js";

/**
 * One line for an issue: file, row, column, message, rule (and "warning:" for warnings).
 *
 * @example
 * formatIssue({file: "referrals.csv", row: 14, column: "received_date", rule: "iso-date", message: 'invalid date "2024-02-30"', severity: "error"});
 * // 'referrals.csv row 14, column received_date: invalid date "2024-02-30" (rule: iso-date)'
 */
export function formatIssue(i: ValidationIssue): string {
  const where = [
    i.file,
    i.row !== null ? ` row ${i.row}` : "",
    i.column !== null ? `${i.row !== null ? "," : ""} column ${i.column}` : ""
  ].join("");
  const level = i.severity === "warning" ? "warning: " : "";
  return `${where}: ${level}${i.message} (rule: ${i.rule})`;
}

/**
 * The reconciliation line of a file.
 *
 * @example
 * formatReconciliation({file: "referrals.csv", rowsRead: 4812, rowsAccepted: 4810, rowsRejected: 2});
 * // "referrals.csv: 4812 rows read = 4810 accepted + 2 rejected"
 */
export function formatReconciliation(r: FileReport): string {
  return `${r.file}: ${r.rowsRead} rows read = ${r.rowsAccepted} accepted + ${r.rowsRejected} rejected`;
}

/**
 * The closing summary line, e.g. `3 errors, 1 warning`.
 *
 * @example
 * formatSummary([]); // "0 errors, 0 warnings"
 */
export function formatSummary(issues: readonly ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
