/**
 * Round trip of the demo county through the warehouse: every table DuckDB holds, written back to CSV and
 * validated again, gives exactly the typed rows the validator accepted from the original files. So nothing is
 * lost, added or changed between the CSVs and the aggregates.
 */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {SCHEMA} from "../../../loaders/schema/tables.js";
import {loadDataset} from "../../../loaders/validate/index.js";
import type {DatasetResult} from "../../../loaders/validate/index.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";
import {REPO_ROOT} from "../validate/helpers.js";

const DEMO = join(REPO_ROOT, "data", "demo");
let warehouse: Warehouse;
let exported: string;
let original: DatasetResult;
let roundTripped: DatasetResult;

function exportSelect(table: (typeof SCHEMA)[number]): string {
  const columns = table.columns.map((column) => {
    const name = `"${column.name}"`;
    if (column.type.kind === "code-list") return `array_to_string(${name}, ';') AS ${name}`;
    if (column.type.kind === "date") return `strftime(${name}, '%Y-%m-%d') AS ${name}`;
    return name;
  });
  return `SELECT ${columns.join(", ")} FROM "${table.name}"`;
}

beforeAll(async () => {
  warehouse = await openWarehouse(DEMO);
  exported = await mkdtemp(join(tmpdir(), "round-trip-"));
  for (const table of SCHEMA) {
    const path = join(exported, table.file).replace(/'/g, "''");
    await warehouse.connection.run(`COPY (${exportSelect(table)}) TO '${path}' (HEADER, DELIMITER ',')`);
  }
  original = await loadDataset(DEMO);
  roundTripped = await loadDataset(exported);
}, 120_000); // two validations and a warehouse build: slow on a shared 2-core machine

afterAll(async () => {
  warehouse?.close();
  if (exported) await rm(exported, {recursive: true, force: true});
});

describe("demo county round trip through native DuckDB", () => {
  test("the original data is valid and every row was accepted", () => {
    expect(original.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    for (const file of original.report) expect(file.rowsRejected).toBe(0);
  });

  test.each(SCHEMA.map((table) => table.name))("%s: same typed rows after the round trip", (name) => {
    const before = original.tables[name];
    const after = roundTripped.tables[name];
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
  });

  test("row counts match the reconciliation report", () => {
    expect(roundTripped.report.map((file) => [file.file, file.rowsAccepted])).toEqual(
      original.report.map((file) => [file.file, file.rowsAccepted])
    );
  });
});
