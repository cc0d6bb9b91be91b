/**
 * The native validator: DuckDB reads every CSV file of a dataset folder itself (strict RFC 4180, UTF-8, every
 * column as text) and SQL generated from {@link SCHEMA} checks every rule of `loaders/validate/` — required cells,
 * whitespace, types, ranges, enums, dates, row rules, keys, foreign keys, the quarter-hour warning and the meta
 * keys — in a few column-wise passes, with no row of a file ever parsed in JavaScript. It then keeps the typed
 * tables (the warehouse) in the same database.
 *
 * The SQL decides; it never words a message. When it finds anything at all (an error, a warning, a row DuckDB's
 * reader rejected, a header it does not accept), the reference validator (`loadDataset` in `./dataset.ts`) reads
 * the folder and explains every problem with file, row, column and rule, so there is one set of messages and one
 * set of row numbers. A clean dataset, the case every build of a good extract meets, never reaches JavaScript.
 * The SQL must be at least as strict as the reference: every test of a bad input in tests/unit/validate checks that.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {open, readdir} from "node:fs/promises";
import {join} from "node:path";
import {META_KEYS, SCHEMA, type TableName, tableSpec} from "../schema/tables.js";
import type {ColumnSpec, ColumnType, RowRule, TableSpec} from "../schema/types.js";
import {duckdbType, ident, literal} from "../warehouse/sql-types.js";
import type {FileReport, StepLog, ValidationIssue} from "./types.js";

/** What the native pass found: `clean` when no file has any problem, with the row counts it read. */
export interface NativeCheck {
  clean: boolean;
  /** Files with a problem (first reason each), for the internal consistency check and diagnostics. */
  flagged: {file: string; reason: string}[];
  /** Rows read = accepted (only meaningful when clean), one entry per file found or required. */
  report: FileReport[];
  /** Folder-level warnings the native pass words itself (unknown files). */
  warnings: ValidationIssue[];
}

/**
 * The characters JavaScript's `String.prototype.trim` removes (ECMA-262 WhiteSpace and LineTerminator: tab, LF,
 * VT, FF, CR, U+FEFF and every Unicode space separator, category Z, which includes U+2028 and U+2029), as an RE2
 * class: the whitespace rule compares a cell with its trimmed self, so SQL must use exactly this set.
 */
const TRIMMED = "[\\t\\n\\x0B\\f\\r\\x{FEFF}\\pZ]";

const PREFIX = "_stage_";

/**
 * SQL: true if the first or last character of `v` would be removed by JavaScript's trim.
 *
 * @example
 * untrimmedSql('"lot_code"'); // regexp_matches("lot_code", '^[...]|[...]$')
 */
export function untrimmedSql(v: string): string {
  return `regexp_matches(${v}, '^${TRIMMED}|${TRIMMED}$')`;
}

function rangeSql(v: string, min: number | undefined, max: number | undefined): string {
  const parts: string[] = [];
  if (min !== undefined) parts.push(`TRY_CAST(${v} AS DOUBLE) < ${min}`);
  if (max !== undefined) parts.push(`TRY_CAST(${v} AS DOUBLE) > ${max}`);
  return parts.length === 0 ? "false" : parts.join(" OR ");
}

/** SQL: true if the non-blank text `v` is NOT a valid cell of type `type` (the rules of `cells.ts` parseCell). */
export function invalidCellSql(type: ColumnType, v: string): string {
  switch (type.kind) {
    case "code":
    case "text":
      return "false";
    case "bool":
      return `${v} NOT IN ('true', 'false')`;
    case "whole":
      return `(NOT regexp_full_match(${v}, '-?[0-9]+') OR ${rangeSql(v, type.min, type.max)})`;
    case "decimal":
      return `(NOT regexp_full_match(${v}, '-?[0-9]+(\\.[0-9]+)?') OR ${rangeSql(v, type.min, type.max)})`;
    case "money":
      return `(NOT regexp_full_match(${v}, '-?[0-9]+(\\.[0-9]+)?') OR ${rangeSql(v, type.min, undefined)})`;
    case "date":
      // the calendar check: DuckDB's strict date cast refuses 2023-02-29 exactly as isCalendarDate does
      return `(NOT regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(${v} AS DATE) IS NULL)`;
    case "month":
      return `NOT regexp_full_match(${v}, '[0-9]{4}-(0[1-9]|1[0-2])')`;
    case "financial-year":
      return `(NOT regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}') OR TRY_CAST(substr(${v}, 6, 2) AS INTEGER) <> (TRY_CAST(substr(${v}, 1, 4) AS INTEGER) + 1) % 100)`;
    case "enum":
      return `${v} NOT IN (${type.values.map(literal).join(", ")})`;
    case "code-list":
      // no empty item and no item with spaces around it
      return `(regexp_matches(${v}, '(^|;)(;|$)') OR list_bool_or(list_transform(string_split(${v}, ';'), x -> ${untrimmedSql("x")})))`;
  }
}

/** SQL: the cell `v` (NULL when blank) as a problem flag: blank and required, untrimmed, or invalid. */
function cellProblemSql(col: ColumnSpec, v: string): string {
  const blank = `${v} IS NULL`;
  const checks = [invalidCellSql(col.type, v)];
  if (col.type.kind !== "text") checks.unshift(untrimmedSql(v));
  const invalid = `(${checks.join(" OR ")})`;
  return col.required ? `(${blank} OR ${invalid})` : `(${v} IS NOT NULL AND ${invalid})`;
}

/** SQL: the typed value of a cell already known to be valid (the warehouse's column types). */
function typedSql(col: ColumnSpec, v: string): string {
  switch (col.type.kind) {
    case "bool":
      return `(${v} = 'true')`;
    case "whole":
      return `TRY_CAST(${v} AS BIGINT)`;
    case "decimal":
    case "money":
      return `TRY_CAST(${v} AS DOUBLE)`;
    case "date":
      return `TRY_CAST(${v} AS DATE)`;
    case "code-list":
      return `list_filter(string_split(coalesce(${v}, ''), ';'), x -> x <> '')`;
    default:
      return v;
  }
}

/** The header of a file, when it is simple enough for the native reader (else the reason it is not). */
async function readHeader(path: string): Promise<{names: string[]} | {reason: string}> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0) return {reason: "empty file"};
    let bytes = buffer.subarray(0, bytesRead);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    const end = bytes.indexOf(10);
    if (end < 0) return {reason: "no complete header line"};
    const line = bytes.subarray(0, end > 0 && bytes[end - 1] === 13 ? end - 1 : end);
    if (line.includes(34)) return {reason: "quoted header"};
    let text: string;
    try {
      text = new TextDecoder("utf-8", {fatal: true}).decode(line);
    } catch {
      return {reason: "header is not UTF-8"};
    }
    return {names: text.split(",")};
  } finally {
    await handle.close();
  }
}

function headerProblem(spec: TableSpec, names: string[]): string | null {
  const known = new Set(spec.columns.map((c) => c.name));
  if (new Set(names).size !== names.length) return "duplicate column";
  const unknown = names.find((name) => !known.has(name));
  if (unknown !== undefined) return `unknown column ${unknown}`;
  const missing = spec.columns.find((c) => c.required && !names.includes(c.name));
  return missing === undefined ? null : `missing column ${missing.name}`;
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0][0]);
}

function emptyTableSql(spec: TableSpec): string {
  const columns = spec.columns.map((c) => `${ident(c.name)} ${duckdbType(c.type)}`).join(", ");
  return `CREATE TABLE ${ident(PREFIX + spec.name)} (${columns}, _problem BOOLEAN)`;
}

/**
 * Reads one file into a typed staging table `_stage_<name>` with a `_problem` flag per row, and returns how many
 * rows DuckDB's strict reader rejected (wrong field count, bad quoting, invalid UTF-8).
 */
async function stageFile(connection: DuckDBConnection, dir: string, spec: TableSpec, names: string[]) {
  const path = join(dir, spec.file);
  const rejects = ident(`_rejects_${spec.name}`);
  const scans = ident(`_scans_${spec.name}`);
  const columns = names.map((name) => `${literal(name)}: 'VARCHAR'`).join(", ");
  const present = spec.columns.filter((c) => names.includes(c.name));
  const select = spec.columns.map((c) =>
    names.includes(c.name)
      ? `${typedSql(c, ident(c.name))} AS ${ident(c.name)}`
      : `NULL::${duckdbType(c.type)} AS ${ident(c.name)}`
  );
  const problem = present.map((c) => cellProblemSql(c, ident(c.name))).join(" OR ") || "false";
  await connection.run(
    `CREATE TABLE ${ident(PREFIX + spec.name)} AS SELECT ${select.join(", ")}, (${problem}) AS _problem
     FROM read_csv(${literal(path)}, header = true, auto_detect = false, columns = {${columns}}, delim = ',',
       quote = '"', escape = '"', nullstr = '', strict_mode = true, store_rejects = true,
       rejects_table = ${literal(`_rejects_${spec.name}`)}, rejects_scan = ${literal(`_scans_${spec.name}`)})`
  );
  const rejected = await count(connection, `SELECT count(*) FROM ${rejects}`);
  await connection.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${scans}`);
  return rejected;
}

function rowRuleSql(rule: RowRule): string {
  switch (rule.kind) {
    case "not-before":
      return `${ident(rule.later)} < ${ident(rule.earlier)}`;
    case "required-when":
      return `${ident(rule.when)} IN (${rule.values.map(literal).join(", ")}) AND ${ident(rule.column)} IS NULL`;
    case "blank-when":
      return `${ident(rule.when)} IN (${rule.values.map(literal).join(", ")}) AND ${ident(rule.column)} IS NOT NULL`;
  }
}

/** SQL counting the rows of `spec`'s staging table that break a rule of the file on its own. */
function ownRulesSql(spec: TableSpec): string[] {
  const table = ident(PREFIX + spec.name);
  const queries = [`SELECT count(*) FROM ${table} WHERE _problem`];
  const rules = (spec.rowRules ?? []).map(rowRuleSql);
  if (rules.length > 0) queries.push(`SELECT count(*) FROM ${table} WHERE ${rules.map((r) => `(${r})`).join(" OR ")}`);
  const key = spec.key.map(ident).join(", ");
  queries.push(`SELECT count(*) FROM (SELECT ${key} FROM ${table} GROUP BY ALL HAVING count(*) > 1)`);
  for (const col of spec.columns) {
    if (col.type.kind === "decimal" && col.type.step !== undefined) {
      const ratio = `${ident(col.name)} / ${col.type.step}`;
      queries.push(`SELECT count(*) FROM ${table} WHERE abs(${ratio} - round(${ratio})) > 1e-9`);
    }
  }
  if (spec.name === "meta") {
    queries.push(
      `SELECT count(*) FROM ${table} WHERE "key" NOT IN (${META_KEYS.map(literal).join(", ")})
       OR ("key" = 'extract_date' AND (${untrimmedSql('"value"')} OR ${invalidCellSql({kind: "date"}, '"value"')}))`
    );
  }
  return queries;
}

/** SQL counting the rows of `spec` whose foreign keys (and the cross-file rules) name no parent row. */
function crossRulesSql(spec: TableSpec): string[] {
  const table = ident(PREFIX + spec.name);
  const queries: string[] = [];
  for (const col of spec.columns) {
    if (col.references === undefined) continue;
    const parent = tableSpec(col.references);
    if (parent === undefined) continue;
    const parentKey = `SELECT ${ident(parent.key[0])} FROM ${ident(PREFIX + parent.name)}`;
    const values =
      col.type.kind === "code-list"
        ? `SELECT unnest(${ident(col.name)}) AS v FROM ${table}`
        : `SELECT ${ident(col.name)} AS v FROM ${table} WHERE ${ident(col.name)} IS NOT NULL`;
    queries.push(`SELECT count(*) FROM (${values}) WHERE v NOT IN (${parentKey})`);
  }
  if (spec.name === "packages") {
    queries.push(
      `SELECT count(*) FROM ${table} p JOIN ${ident(PREFIX + "referrals")} r USING (referral_id)
       WHERE p.child_id <> r.child_id`
    );
  }
  if (spec.name === "residential_nights") {
    queries.push(
      `SELECT count(*) FROM ${table} n JOIN ${ident(PREFIX + "residential_units")} u USING (unit_id)
       WHERE n.nights_used > u.beds`
    );
  }
  return queries;
}

/**
 * Stages every file of `dir` in `connection` and checks the whole dataset in SQL. The staging tables stay in the
 * database: {@link publishStagedTables} turns them into the warehouse tables once the data is accepted.
 *
 * @example
 * const check = await nativeCheck(connection, "data/demo"); // check.clean === true
 */
export async function nativeCheck(
  connection: DuckDBConnection,
  dir: string,
  log: StepLog = () => {}
): Promise<NativeCheck> {
  const names = new Set((await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".csv")));
  const flagged: {file: string; reason: string}[] = [];
  const report: FileReport[] = [];
  const flag = (file: string, reason: string) => flagged.push({file, reason});
  for (const spec of SCHEMA as readonly TableSpec[]) {
    if (!names.has(spec.file)) {
      if (spec.required) flag(spec.file, "missing file");
      await connection.run(emptyTableSql(spec));
      continue;
    }
    const header = await readHeader(join(dir, spec.file));
    const problem = "reason" in header ? header.reason : headerProblem(spec, header.names);
    if (problem !== null || !("names" in header)) {
      flag(spec.file, problem ?? "header");
      await connection.run(emptyTableSql(spec));
      continue;
    }
    const staged = performance.now();
    const rejected = await stageFile(connection, dir, spec, header.names);
    if (rejected > 0) flag(spec.file, `${rejected} rows rejected by the CSV reader`);
    const rows = await count(connection, `SELECT count(*) FROM ${ident(PREFIX + spec.name)}`);
    if (rows === 0 && spec.required) flag(spec.file, "no data rows");
    report.push({file: spec.file, rowsRead: rows + rejected, rowsAccepted: rows, rowsRejected: rejected});
    log(`stage ${spec.file}`, (performance.now() - staged) / 1000);
  }
  // every rule of every file as one query (one round trip; DuckDB plans the counts together)
  const rules = (SCHEMA as readonly TableSpec[]).flatMap((spec) =>
    [...ownRulesSql(spec), ...crossRulesSql(spec)].map((sql) => ({file: spec.file, sql}))
  );
  const checked = performance.now();
  const reader = await connection.runAndReadAll(`SELECT [${rules.map((rule) => `(${rule.sql})`).join(", ")}]`);
  log("rules", (performance.now() - checked) / 1000);
  const counts = (reader.getRowsJson()[0][0] as unknown as string[]).map(Number);
  rules.forEach((rule, index) => {
    if (counts[index] > 0 && !flagged.some((entry) => entry.file === rule.file)) {
      flag(rule.file, `${counts[index]} rows break a rule`);
    }
  });
  const warnings: ValidationIssue[] = [...names]
    .sort()
    .filter((name) => tableSpec(name) === undefined)
    .map((name) => ({
      file: name,
      row: null,
      column: null,
      rule: "unknown-file",
      message: `not part of the dataset (expected ${SCHEMA.map((t) => t.file).join(", ")}); ignored`,
      severity: "warning"
    }));
  return {clean: flagged.length === 0, flagged, report, warnings};
}

/**
 * Turns the staging tables into the warehouse tables (schema columns only, in file order) and returns their row
 * counts by table. A staging table already holds the schema's columns in order, then `_problem`: dropping that
 * column and renaming the table keeps the loaded rows where they are, where copying them into a new table
 * rewrote every row of the dataset a second time (gigabytes at 10M referrals).
 *
 * @example
 * await publishStagedTables(connection);
 */
export async function publishStagedTables(connection: DuckDBConnection): Promise<Map<TableName, number>> {
  const counts = new Map<TableName, number>();
  for (const spec of SCHEMA) {
    const staged = ident(PREFIX + spec.name);
    await connection.run(
      `ALTER TABLE ${staged} DROP COLUMN _problem; ALTER TABLE ${staged} RENAME TO ${ident(spec.name)}`
    );
    counts.set(spec.name, await count(connection, `SELECT count(*) FROM ${ident(spec.name)}`));
  }
  return counts;
}
