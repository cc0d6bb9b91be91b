import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Row, Tables} from "../schema/rows.js";
import {SCHEMA, type TableName, tableSpec} from "../schema/tables.js";
import {checkTable, type TableCheck} from "./table.js";
import type {DatasetResult, FileReport, ValidationIssue} from "./types.js";

/**
 * Read and check one file on its own (types, required cells, row rules, uniqueness; no foreign keys).
 *
 * @example
 * const check = await checkTableFile("data/demo/referrals.csv", "referrals");
 */
export async function checkTableFile(path: string, table: TableName, label?: string): Promise<TableCheck> {
  const spec = tableSpec(table);
  if (spec === undefined) throw new Error(`unknown table: ${table}`);
  const bytes = await readFile(path);
  return checkTable(spec, label ?? spec.file, bytes);
}

/**
 * Apply the cross-file rules to checked tables, in schema (dependency) order: every foreign key
 * (`lot_code`, `area_code`, `provider_id`, `child_id`, `referral_id`, `unit_id`, and each item of
 * `lots`/`areas` code lists) must name an ACCEPTED parent row; a packages row's `child_id` must match its
 * referral's; `nights_used` must not exceed the unit's `beds`. A row failing any rule is rejected and the
 * rejection cascades to rows that reference it. O(total rows) with hash sets.
 *
 * @example
 * const {tables, report, issues} = crossCheck(checks);
 */
export function crossCheck(checks: ReadonlyMap<TableName, TableCheck>): DatasetResult {
  const issues: ValidationIssue[] = [];
  const report: FileReport[] = [];
  const accepted = new Map<string, Map<string, Row>>();
  const tables = {} as Record<TableName, Row[]>;
  for (const spec of SCHEMA) {
    const check = checks.get(spec.name);
    if (check === undefined) {
      tables[spec.name] = [];
      accepted.set(spec.name, new Map());
      continue;
    }
    for (const issue of check.issues) issues.push(issue);
    // resolve each foreign-key column's parent once per file, not once per row
    const foreignKeys = spec.columns.flatMap((col) => {
      if (!("references" in col)) return [];
      const parent = tableSpec(col.references);
      if (parent === undefined) return [];
      const keys: {has(key: string): boolean} =
        parent.name === spec.name
          ? new Set(check.rows.map((r) => String(r[spec.key[0]])))
          : (accepted.get(parent.name) ?? new Map<string, Row>());
      return [{column: col.name, parent, keys, parentCheck: checks.get(parent.name)}];
    });
    const referrals = accepted.get("referrals");
    const units = accepted.get("residential_units");
    const keep: Row[] = [];
    let rejected = 0;
    check.rows.forEach((row, i) => {
      const line = check.lines[i];
      let ok = true;
      const fail = (column: string, rule: string, message: string): void => {
        ok = false;
        issues.push({file: check.report.file, row: line, column, rule, message, severity: "error"});
      };
      for (const fk of foreignKeys) {
        const value = row[fk.column];
        if (value === null || value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [String(value)]) {
          if (fk.keys.has(item)) continue;
          const field = fk.parent.key[0];
          if (fk.parentCheck === undefined) {
            fail(fk.column, "foreign-key", `unknown ${field} "${item}": ${fk.parent.file} is missing`);
          } else if (fk.parentCheck.keysSeen.has(item)) {
            fail(fk.column, "foreign-key", `${field} "${item}" refers to a rejected row of ${fk.parent.file}`);
          } else {
            fail(fk.column, "foreign-key", `unknown ${field} "${item}": not in ${fk.parent.file}`);
          }
        }
      }
      if (ok && spec.name === "packages" && row.referral_id !== null) {
        const referral = referrals?.get(String(row.referral_id));
        if (referral !== undefined && referral.child_id !== row.child_id) {
          fail(
            "child_id",
            "referral-child",
            `child_id "${String(row.child_id)}" differs from the child of referral "${String(row.referral_id)}" ("${String(referral.child_id)}")`
          );
        }
      }
      if (ok && spec.name === "residential_nights") {
        const unit = units?.get(String(row.unit_id));
        if (
          unit !== undefined &&
          typeof row.nights_used === "number" &&
          typeof unit.beds === "number" &&
          row.nights_used > unit.beds
        ) {
          fail(
            "nights_used",
            "capacity",
            `nights_used ${row.nights_used} is more than the ${unit.beds} beds of unit "${String(row.unit_id)}"`
          );
        }
      }
      if (ok) keep.push(row);
      else rejected += 1;
    });
    tables[spec.name] = keep;
    const byKey = new Map<string, Row>();
    if (spec.key.length === 1) for (const r of keep) byKey.set(String(r[spec.key[0]]), r);
    accepted.set(spec.name, byKey);
    report.push({
      file: check.report.file,
      rowsRead: check.report.rowsRead,
      rowsAccepted: keep.length,
      rowsRejected: check.report.rowsRejected + rejected
    });
  }
  return {tables: tables as unknown as Tables, report, issues};
}

/**
 * The reference validator: reads every file of a council dataset folder in JavaScript, row by row, and explains
 * every problem with file, row, column and rule, with cross-file checks. Required files:
 * lots, areas, providers, children, referrals, packages, budgets, ehcp_activity (absent → `missing-file`,
 * header only → `empty-file` "0 data rows"). Optional: provider_capacity, residential_units,
 * residential_nights, meta. Another `.csv` in the folder is a warning (`unknown-file`).
 * The build calls it only when the native check (`./native.ts`) has found a problem; use {@link loadDataset}.
 *
 * @example
 * const {tables, report, issues} = await referenceDataset("tests/fixtures/validate/mini");
 */
export async function referenceDataset(dir: string): Promise<DatasetResult> {
  const names = new Set((await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".csv")));
  const checks = new Map<TableName, TableCheck>();
  const issues: ValidationIssue[] = [];
  for (const spec of SCHEMA) {
    if (!names.has(spec.file)) {
      if (spec.required) {
        issues.push({
          file: spec.file,
          row: null,
          column: null,
          rule: "missing-file",
          message: "required file is missing",
          severity: "error"
        });
      }
      continue;
    }
    checks.set(spec.name, await checkTableFile(join(dir, spec.file), spec.name));
  }
  for (const name of [...names].sort()) {
    if (tableSpec(name) === undefined) {
      issues.push({
        file: name,
        row: null,
        column: null,
        rule: "unknown-file",
        message: `not part of the dataset (expected ${SCHEMA.map((t) => t.file).join(", ")}); ignored`,
        severity: "warning"
      });
    }
  }
  const result = crossCheck(checks);
  return {tables: result.tables, report: result.report, issues: [...issues, ...result.issues]};
}
