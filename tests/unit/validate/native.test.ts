/**
 * One validation semantics: the native check's SQL cell predicates (loaders/validate/native.ts) must accept exactly
 * the cells the reference cell parser (loaders/validate/cells.ts parseCell, with the whitespace rule of table.ts)
 * accepts without an error. Every value below is run through both, for every column type of the schema.
 */
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {parseCell} from "../../../loaders/validate/cells.js";
import {invalidCellSql, nativeCheck, untrimmedSql} from "../../../loaders/validate/native.js";
import {SCHEMA} from "../../../loaders/schema/tables.js";
import type {ColumnSpec} from "../../../loaders/schema/types.js";
import {MINI, copyMini, removeDir, setCell} from "./helpers.js";

const VALUES = [
  "0",
  "7",
  "-2",
  "007",
  "1.5",
  "4.25",
  "6.3",
  "-0.5",
  "1,234",
  "1.",
  ".5",
  "+5",
  "1e3",
  "£23.40",
  "100",
  "101",
  "99.99",
  "true",
  "false",
  "TRUE",
  "Yes",
  "2024-02-29",
  "2023-02-29",
  "2024-02-30",
  "2024-13-01",
  "2024-1-05",
  "2024/01/05",
  "03/04/2024",
  "45383",
  "2024-04-01T10:00",
  "2024-04",
  "2024-00",
  "2024-13",
  "2024-25",
  "2024-26",
  "2099-00",
  "1999-00",
  "202425",
  "ASD",
  "asd",
  "panel",
  "placed",
  "district",
  "L1",
  "L1;L2",
  "L1;",
  ";L1",
  "L1;;L2",
  "L1; L2",
  "L1 ;L2",
  "x",
  "\u00a0L1",
  "L1\u2028",
  "\ufeffL1"
];

/** A SQL string of `value` with every non-ASCII character as chr(): DuckDB's parser drops a literal U+FEFF. */
function sqlString(value: string): string {
  const parts = [...value].map((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code > 127 ? `' || chr(${code}) || '` : char.replace(/'/g, "''");
  });
  return `('${parts.join("")}')`;
}

/** The reference verdict for a non-blank cell: the whitespace rule (not for text), then parseCell. */
function referenceAccepts(value: string, column: ColumnSpec): boolean {
  if (column.type.kind !== "text" && value !== value.trim()) return false;
  return parseCell(value, column).ok;
}

let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});
afterAll(() => instance.closeSync());

const columns = SCHEMA.flatMap((table) => (table.columns as readonly ColumnSpec[]).map((column) => ({table, column})));
const kinds = new Map<string, ColumnSpec>();
for (const {column} of columns) kinds.set(JSON.stringify(column.type), column);

describe("native cell predicates agree with parseCell", () => {
  test.each([...kinds.values()].map((column) => [JSON.stringify(column.type), column] as const))(
    "%s",
    async (_, column) => {
      const connection = await instance.connect();
      const list = VALUES.map(sqlString).join(", ");
      const whitespace = column.type.kind === "text" ? "false" : untrimmedSql("v");
      // values are matched by position: the node client drops a leading U+FEFF when it decodes a string
      const reader = await connection.runAndReadAll(
        `SELECT i, NOT (${whitespace} OR ${invalidCellSql(column.type, "v")}) AS ok
         FROM (SELECT unnest([${list}]) AS v, unnest(range(${VALUES.length})) AS i) ORDER BY i`
      );
      connection.closeSync();
      const sql = Object.fromEntries(reader.getRowObjects().map((row) => [VALUES[Number(row.i)], row.ok === true]));
      const reference = Object.fromEntries(VALUES.map((value) => [value, referenceAccepts(value, column)]));
      expect(sql).toEqual(reference);
    }
  );
});

describe("nativeCheck", () => {
  test("finds nothing in the valid mini dataset and counts its rows", async () => {
    const scratch = await DuckDBInstance.create(":memory:");
    const connection = await scratch.connect();
    const check = await nativeCheck(connection, MINI);
    connection.closeSync();
    scratch.closeSync();
    expect(check.flagged).toEqual([]);
    // tests/fixtures/validate/mini/referrals.csv has 3 data rows
    expect(check.report.find((file) => file.file === "referrals.csv")).toEqual({
      file: "referrals.csv",
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0
    });
  });

  test.each([
    ["referrals.csv", 1, "lot_code", "L9"],
    ["packages.csv", 1, "hours_per_week", "6.3"],
    ["budgets.csv", 1, "financial_year", "2024-26"],
    ["children.csv", 1, "birth_month", "2012-05-17"]
  ])("flags %s data row %i %s = %j", async (file, row, column, value) => {
    const dir = await copyMini();
    try {
      await setCell(dir, file, row, column, value);
      const scratch = await DuckDBInstance.create(":memory:");
      const connection = await scratch.connect();
      const check = await nativeCheck(connection, dir);
      connection.closeSync();
      scratch.closeSync();
      expect(check.flagged.map((entry) => entry.file)).toEqual([file]);
    } finally {
      await removeDir(dir);
    }
  });
});
