import {describe, expect, it} from "vitest";
import {formatIssue, formatReconciliation, formatSummary} from "../../../loaders/validate/format.js";

describe("formatting", () => {
  it("an issue with row and column, a whole-file issue, and a warning", () => {
    expect(
      formatIssue({
        file: "referrals.csv",
        row: 14,
        column: "received_date",
        rule: "iso-date",
        message: 'invalid date "2024-02-30"',
        severity: "error"
      })
    ).toBe('referrals.csv row 14, column received_date: invalid date "2024-02-30" (rule: iso-date)');
    expect(
      formatIssue({
        file: "budgets.csv",
        row: null,
        column: null,
        rule: "missing-file",
        message: "required file is missing",
        severity: "error"
      })
    ).toBe("budgets.csv: required file is missing (rule: missing-file)");
    expect(
      formatIssue({file: "b.csv", row: 4, column: null, rule: "unique", message: "duplicate", severity: "warning"})
    ).toBe("b.csv row 4: warning: duplicate (rule: unique)");
  });

  it("reconciliation and summary lines", () => {
    expect(formatReconciliation({file: "referrals.csv", rowsRead: 4812, rowsAccepted: 4810, rowsRejected: 2})).toBe(
      "referrals.csv: 4812 rows read = 4810 accepted + 2 rejected"
    );
    const issue = {file: "a", row: null, column: null, rule: "r", message: "m"};
    expect(
      formatSummary([
        {...issue, severity: "error"},
        {...issue, severity: "warning"},
        {...issue, severity: "warning"}
      ])
    ).toBe("1 error, 2 warnings");
  });
});
