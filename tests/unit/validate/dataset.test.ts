import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {SCHEMA} from "../../../loaders/schema/tables.js";
import {formatIssue, formatReconciliation, loadDataset} from "../../../loaders/validate/index.js";
import {MINI, copyMini, errorKeys, readTable, removeDir, setCell, writeTable} from "./helpers.js";

describe("loadDataset on the valid mini dataset", () => {
  it("accepts every row and types the cells", async () => {
    const result = await loadDataset(MINI);
    expect(result.issues).toEqual([]);
    // hand count of the fixture files
    expect(result.report.map(formatReconciliation)).toContain("referrals.csv: 3 rows read = 3 accepted + 0 rejected");
    expect(result.report).toHaveLength(SCHEMA.length);
    expect(result.tables.referrals[0]).toEqual({
      referral_id: "R1",
      child_id: "C001",
      received_date: "2024-02-29",
      lot_code: "L1",
      area_code: "D1",
      source: "panel",
      outcome: "placed",
      decision_date: "2024-03-10",
      package_start_date: "2024-04-01"
    });
    expect(result.tables.packages[1].hours_per_week).toBe(4.25);
    expect(result.tables.packages[1].provider_id).toBeNull();
    expect(result.tables.providers[0].lots).toEqual(["L1", "L2"]);
    expect(result.tables.lots[0].statutory).toBe(true);
    expect(result.tables.lots[0].description).toBe("Care at home, including evenings");
    expect(result.tables.budgets[0].budget_gbp).toBe(250000);
  });
});

describe("loadDataset reports each bad input with file, row, column and rule", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await copyMini();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it("missing required column rejects every row of the file", async () => {
    const rows = await readTable(dir, "referrals.csv");
    const at = rows[0].indexOf("source");
    await writeTable(
      dir,
      "referrals.csv",
      rows.map((r) => r.filter((_, i) => i !== at))
    );
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toContain("referrals.csv|1|source|missing-column");
    const report = result.report.find((r) => r.file === "referrals.csv");
    expect(report).toEqual({file: "referrals.csv", rowsRead: 3, rowsAccepted: 0, rowsRejected: 3});
  });

  it("unknown column", async () => {
    const rows = await readTable(dir, "budgets.csv");
    await writeTable(
      dir,
      "budgets.csv",
      rows.map((r, i) => [...r, i === 0 ? "notes" : "x"])
    );
    expect(errorKeys(await loadDataset(dir))).toEqual(["budgets.csv|1|notes|unknown-column"]);
  });

  it("a header with a trailing space is unknown, with a hint", async () => {
    const rows = await readTable(dir, "budgets.csv");
    rows[0][2] = "budget_gbp ";
    await writeTable(dir, "budgets.csv", rows);
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toEqual([
      "budgets.csv|1|budget_gbp |unknown-column",
      "budgets.csv|1|budget_gbp|missing-column"
    ]);
    expect(result.issues[0].message).toContain('remove the spaces around "budget_gbp"');
  });

  it.each([
    "name",
    "first_name",
    "surname",
    "upn",
    "nhs_number",
    "postcode",
    "dob",
    "date_of_birth",
    "address",
    "email",
    "phone",
    "Date of Birth"
  ])("personal-looking column %s is refused and its values never printed", async (column) => {
    const rows = await readTable(dir, "children.csv");
    await writeTable(
      dir,
      "children.csv",
      rows.map((r, i) => [...r, i === 0 ? column : `SECRET-VALUE-${i}`])
    );
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toContain(`children.csv|1|${column}|personal-column`);
    expect(result.tables.children).toEqual([]);
    expect(result.issues.map(formatIssue).join("\n")).not.toContain("SECRET-VALUE");
  });

  it("a full date where birth_month is expected is a personal-data error, value withheld", async () => {
    await setCell(dir, "children.csv", 1, "birth_month", "2012-05-17");
    const result = await loadDataset(dir);
    // the child is rejected, so its referral R1 and package K1 (child C001, referral R1) cascade
    expect(errorKeys(result)).toEqual([
      "children.csv|2|birth_month|personal-data",
      "referrals.csv|2|child_id|foreign-key",
      "packages.csv|2|child_id|foreign-key",
      "packages.csv|2|referral_id|foreign-key"
    ]);
    const text = result.issues.map(formatIssue).join("\n");
    expect(text).toContain("value withheld");
    expect(text).not.toContain("2012-05");
    expect(result.issues[1].message).toBe('child_id "C001" refers to a rejected row of children.csv');
  });

  it("any invalid birth_month is withheld", async () => {
    await setCell(dir, "children.csv", 2, "birth_month", "Nov 2015");
    const result = await loadDataset(dir);
    expect(errorKeys(result)[0]).toBe("children.csv|3|birth_month|month");
    expect(formatIssue(result.issues[0])).not.toContain("Nov 2015");
  });

  it.each([
    [
      "ehcp_activity.csv",
      1,
      "requests_received",
      "1,234",
      "whole-number",
      "remove the thousands separator (write 1234)"
    ],
    ["ehcp_activity.csv", 1, "requests_received", "3.5", "whole-number", "whole units required"],
    ["ehcp_activity.csv", 2, "plans_issued", "-2", "range", '"-2" is below the minimum 0'],
    ["ehcp_activity.csv", 2, "plans_issued", "two", "whole-number", "not a whole number"],
    ["children.csv", 1, "has_ehcp", "Yes", "bool", "write true or false"],
    ["children.csv", 1, "primary_need", "asd", "enum", 'did you mean "ASD"?'],
    ["packages.csv", 1, "hourly_rate", "£23.40", "money", "without £ or commas (23.40)"],
    ["budgets.csv", 1, "budget_gbp", "250,000.00", "money", "remove the thousands separator (write 250000.00)"],
    ["budgets.csv", 1, "financial_year", "2024-26", "financial-year", "(2024-25)"],
    ["budgets.csv", 1, "financial_year", "202425", "financial-year", "write 2024-25"],
    [
      "referrals.csv",
      2,
      "received_date",
      "2024-02-30",
      "iso-date",
      'invalid date "2024-02-30": no such day in the calendar'
    ],
    ["referrals.csv", 2, "received_date", "03/04/2024", "iso-date", "not an ISO date; write YYYY-MM-DD"],
    // Excel 1900 date system: serial 45383 = 2024-04-01 (=DATE(2024,4,1) in Excel gives 45383)
    ["referrals.csv", 2, "received_date", "45383", "iso-date", "Excel date serial number (45383 is 2024-04-01)"],
    ["residential_units.csv", 1, "occupancy_target_pct", "101", "range", "above the maximum 100"],
    ["residential_units.csv", 1, "beds", "0", "range", "below the minimum 1"],
    ["provider_capacity.csv", 1, "month", "2024-04-01", "month", "a month is YYYY-MM, not a full date"],
    ["providers.csv", 1, "lots", "L1; L2", "code-list", 'separate codes with ";"']
  ])("%s data row %i column %s = %j → rule %s", async (file, dataRow, column, value, rule, hint) => {
    await setCell(dir, file, dataRow, column, value);
    const result = await loadDataset(dir);
    const first = result.issues.find((i) => i.severity === "error");
    expect(first && `${first.file}|${first.row}|${first.column}|${first.rule}`).toBe(
      `${file}|${dataRow + 1}|${column}|${rule}`
    );
    expect(first?.message).toContain(hint);
  });

  it("trailing space in a code is an error with a hint, not a silent trim", async () => {
    await setCell(dir, "budgets.csv", 2, "lot_code", "L2 ");
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toEqual(["budgets.csv|3|lot_code|whitespace"]);
    expect(result.issues[0].message).toBe(
      '"L2 " has leading or trailing spaces: remove them (codes must match exactly)'
    );
  });

  it.each([
    ["packages.csv", 2, "end_date", "2023-08-31", "packages.csv|3|end_date|date-order"],
    ["referrals.csv", 1, "decision_date", "2024-02-28", "referrals.csv|2|decision_date|date-order"],
    ["referrals.csv", 1, "package_start_date", "2024-01-01", "referrals.csv|2|package_start_date|date-order"],
    ["providers.csv", 2, "left_date", "2023-03-31", "providers.csv|3|left_date|date-order"]
  ])("%s end before start: %s = %s", async (file, dataRow, column, value, expected) => {
    await setCell(dir, file, dataRow, column, value);
    expect(errorKeys(await loadDataset(dir))[0]).toBe(expected);
  });

  it.each([
    ["referrals.csv", 2, "lot_code", "L9", 'unknown lot_code "L9": not in lots.csv'],
    ["children.csv", 3, "area_code", "D9", 'unknown area_code "D9": not in areas.csv'],
    ["packages.csv", 1, "provider_id", "P9", 'unknown provider_id "P9": not in providers.csv'],
    ["referrals.csv", 3, "child_id", "C999", 'unknown child_id "C999": not in children.csv'],
    ["residential_nights.csv", 1, "unit_id", "U9", 'unknown unit_id "U9": not in residential_units.csv'],
    ["packages.csv", 1, "referral_id", "R9", 'unknown referral_id "R9": not in referrals.csv'],
    ["providers.csv", 2, "areas", "D2;D7", 'unknown area_code "D7": not in areas.csv'],
    ["areas.csv", 2, "parent_area_code", "Z9", 'unknown area_code "Z9": not in areas.csv']
  ])("%s unknown foreign key %s", async (file, dataRow, column, value, message) => {
    await setCell(dir, file, dataRow, column, value);
    const result = await loadDataset(dir);
    const first = result.issues[0];
    expect(`${first.file}|${first.row}|${first.column}|${first.rule}`).toBe(
      `${file}|${dataRow + 1}|${column}|foreign-key`
    );
    expect(first.message).toBe(message);
  });

  it("a package whose child differs from its referral's child", async () => {
    await setCell(dir, "packages.csv", 1, "child_id", "C002");
    expect(errorKeys(await loadDataset(dir))).toEqual(["packages.csv|2|child_id|referral-child"]);
  });

  it("duplicate ids and duplicate composite keys", async () => {
    const children = await readTable(dir, "children.csv");
    await writeTable(dir, "children.csv", [...children, children[2]]);
    const budgets = await readTable(dir, "budgets.csv");
    await writeTable(dir, "budgets.csv", [...budgets, budgets[1]]);
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toEqual(["children.csv|5|child_id|unique", "budgets.csv|4|-|unique"]);
    expect(result.issues[0].message).toBe('duplicate child_id "C002" (first on row 3)');
    expect(result.report.find((r) => r.file === "children.csv")).toEqual({
      file: "children.csv",
      rowsRead: 4,
      rowsAccepted: 3,
      rowsRejected: 1
    });
  });

  it.each(SCHEMA.filter((t) => t.required).map((t) => t.file))(
    "header-only required %s → 0 data rows",
    async (file) => {
      const rows = await readTable(dir, file);
      await writeTable(dir, file, rows.slice(0, 1));
      const result = await loadDataset(dir);
      const issue = result.issues.find((i) => i.file === file);
      expect(issue).toMatchObject({file, row: null, column: null, rule: "empty-file", severity: "error"});
      expect(issue?.message).toContain("0 data rows");
    }
  );

  it("an empty (0-byte) required file → 0 data rows", async () => {
    await writeFile(join(dir, "lots.csv"), "");
    const result = await loadDataset(dir);
    expect(errorKeys(result)[0]).toBe("lots.csv|-|-|empty-file");
    expect(result.issues[0].message).toContain("0 data rows");
  });

  it("header-only optional files are fine; missing optional files are fine", async () => {
    await writeTable(dir, "residential_nights.csv", [["unit_id", "date", "nights_used"]]);
    await rm(join(dir, "meta.csv"));
    await rm(join(dir, "provider_capacity.csv"));
    const result = await loadDataset(dir);
    expect(result.issues).toEqual([]);
    expect(result.tables.meta).toEqual([]);
  });

  it("missing required file", async () => {
    await rm(join(dir, "budgets.csv"));
    expect(errorKeys(await loadDataset(dir))).toEqual(["budgets.csv|-|-|missing-file"]);
  });

  it("an unknown file is a warning", async () => {
    await writeFile(join(dir, "notes.csv"), "a\n1\n");
    const result = await loadDataset(dir);
    expect(result.issues).toMatchObject([{file: "notes.csv", rule: "unknown-file", severity: "warning"}]);
  });

  it("a UTF-8 byte-order mark and CRLF line ends are accepted", async () => {
    const text = await readFile(join(dir, "lots.csv"), "utf8");
    await writeFile(join(dir, "lots.csv"), "\uFEFF" + text.replace(/\n/g, "\r\n"));
    const result = await loadDataset(dir);
    expect(result.issues).toEqual([]);
    expect(result.tables.lots[0].lot_code).toBe("L1");
  });

  it("Windows-1252 £ (byte 0xA3) is an encoding error naming file, row and column, with no U+FFFD", async () => {
    const text = await readFile(join(dir, "providers.csv"), "utf8");
    const bytes = Buffer.from(text.replace("Beta Support CIC", "Beta Support @5 CIC"), "latin1");
    bytes[bytes.indexOf("@5")] = 0xa3;
    await writeFile(join(dir, "providers.csv"), bytes);
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toContain("providers.csv|3|provider_name|encoding");
    const text2 = result.issues.map(formatIssue).join("\n");
    expect(text2).toContain("invalid UTF-8 (looks like Windows-1252)");
    expect(text2).toContain('byte 0xA3 is "£" in Windows-1252; save the file as UTF-8');
    expect(text2).not.toContain("\uFFFD");
  });

  it("nights_used above the unit's beds", async () => {
    await setCell(dir, "residential_nights.csv", 2, "nights_used", "5");
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toEqual(["residential_nights.csv|3|nights_used|capacity"]);
    expect(result.issues[0].message).toBe('nights_used 5 is more than the 4 beds of unit "U1"');
  });

  it.each([
    [1, "package_start_date", "", "referrals.csv|2|package_start_date|outcome-consistency"],
    [2, "decision_date", "", "referrals.csv|3|decision_date|outcome-consistency"],
    [3, "decision_date", "2024-06-10", "referrals.csv|4|decision_date|outcome-consistency"]
  ])("referral outcome consistency: data row %i %s = %j", async (dataRow, column, value, expected) => {
    await setCell(dir, "referrals.csv", dataRow, column, value);
    expect(errorKeys(await loadDataset(dir))[0]).toBe(expected);
  });

  it("reports every problem of a file, not just the first, and reconciles counts", async () => {
    await setCell(dir, "ehcp_activity.csv", 1, "requests_received", "3.5");
    await setCell(dir, "ehcp_activity.csv", 1, "plans_issued", "-2");
    await setCell(dir, "ehcp_activity.csv", 2, "month", "2024-13");
    const result = await loadDataset(dir);
    expect(errorKeys(result)).toEqual([
      "ehcp_activity.csv|2|requests_received|whole-number",
      "ehcp_activity.csv|2|plans_issued|range",
      "ehcp_activity.csv|3|month|month"
    ]);
    for (const r of result.report) expect(r.rowsRead).toBe(r.rowsAccepted + r.rowsRejected);
    expect(result.report.find((r) => r.file === "ehcp_activity.csv")).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 0,
      rowsRejected: 2
    });
  });

  it("row numbers are the line a record starts on, even after an embedded newline", async () => {
    const lots = await readTable(dir, "lots.csv");
    lots[1][5] = "Line one\nline two, with a comma";
    lots[2][4] = "maybe";
    await writeTable(dir, "lots.csv", lots);
    const result = await loadDataset(dir);
    // header = line 1, L1 spans lines 2-3, L2 starts on line 4
    expect(errorKeys(result)[0]).toBe("lots.csv|4|statutory|bool");
  });

  it("a row with the wrong number of fields", async () => {
    const text = await readFile(join(dir, "budgets.csv"), "utf8");
    await writeFile(join(dir, "budgets.csv"), text + "2025-26,L1,1,000\n");
    expect(errorKeys(await loadDataset(dir))).toEqual(["budgets.csv|4|-|field-count"]);
  });

  it("packages hours off the quarter hour are a warning, the row is kept", async () => {
    await setCell(dir, "packages.csv", 1, "hours_per_week", "6.3");
    const result = await loadDataset(dir);
    expect(result.issues).toMatchObject([
      {file: "packages.csv", row: 2, column: "hours_per_week", rule: "step", severity: "warning"}
    ]);
    expect(result.tables.packages).toHaveLength(2);
  });

  it("meta extract_date must be a date", async () => {
    await setCell(dir, "meta.csv", 2, "value", "01/07/2024");
    expect(errorKeys(await loadDataset(dir))).toEqual(["meta.csv|3|value|iso-date"]);
  });
});
