import {decodeUtf8, firstInvalidByte, invalidByteMessage} from "../csv/decode.js";
import {readCsvRecords} from "../csv/parse.js";
import {isPersonalColumnName} from "../schema/personal.js";
import type {Row} from "../schema/rows.js";
import {META_KEYS} from "../schema/tables.js";
import type {ColumnSpec, RowRule, TableSpec} from "../schema/types.js";
import {parseCell} from "./cells.js";
import type {FileReport, ValidationIssue} from "./types.js";

/**
 * Result of checking one file on its own (no cross-file rules): the rows that passed, with the line each
 * started on, every key value seen (also on rejected rows, to tell "unknown" from "rejected" parents),
 * the report and the issues.
 */
export interface TableCheck {
  spec: TableSpec;
  rows: Row[];
  lines: number[];
  /** First key column values of every row whose key cells parsed, accepted or not. */
  keysSeen: {has(key: string): boolean};
  report: FileReport;
  issues: ValidationIssue[];
  /** True when the header itself is wrong, so every row was rejected. */
  headerRejected: boolean;
}

function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw === "";
}

function checkRowRule(
  rule: RowRule,
  row: Row,
  raw: (c: string) => string | undefined
): {column: string; message: string; rule: string} | null {
  switch (rule.kind) {
    case "not-before": {
      const later = row[rule.later];
      const earlier = row[rule.earlier];
      if (typeof later === "string" && typeof earlier === "string" && later < earlier) {
        return {
          column: rule.later,
          rule: "date-order",
          message: `${rule.later} "${later}" is before ${rule.earlier} "${earlier}"`
        };
      }
      return null;
    }
    case "required-when": {
      const when = row[rule.when];
      if (typeof when === "string" && rule.values.includes(when) && isBlank(raw(rule.column))) {
        return {
          column: rule.column,
          rule: "outcome-consistency",
          message: `${rule.column} is required when ${rule.when} is "${when}"`
        };
      }
      return null;
    }
    case "blank-when": {
      const when = row[rule.when];
      if (typeof when === "string" && rule.values.includes(when) && !isBlank(raw(rule.column))) {
        return {
          column: rule.column,
          rule: "outcome-consistency",
          message: `${rule.column} must be blank when ${rule.when} is "${when}"`
        };
      }
      return null;
    }
  }
}

/**
 * Check one file's bytes against its table spec: encoding, CSV syntax, header (missing, unknown, duplicate
 * and personal-looking columns), every cell's type, required cells, row rules and key uniqueness.
 * Every problem is reported; a row with any error is rejected; a header error rejects every row.
 * Runs in one pass, O(rows × columns), holding only accepted rows.
 *
 * @example
 * checkTable(tableSpec("lots")!, "lots.csv", bytes).report; // {file: "lots.csv", rowsRead: 2, rowsAccepted: 2, rowsRejected: 0}
 */
export function checkTable(spec: TableSpec, file: string, bytes: Uint8Array): TableCheck {
  const issues: ValidationIssue[] = [];
  const rows: Row[] = [];
  const lines: number[] = [];
  const keysSeen = new Set<string>();
  const keyFirstSeen = new Map<string, number>();
  let errorCount = 0;
  const error = (row: number | null, column: string | null, rule: string, message: string): void => {
    errorCount += 1;
    issues.push({file, row, column, rule, message, severity: "error"});
  };
  const warn = (row: number | null, column: string | null, rule: string, message: string): void => {
    issues.push({file, row, column, rule, message, severity: "warning"});
  };
  const decoded = decodeUtf8(bytes);
  const records = readCsvRecords(decoded.text);
  const first = records.next();
  if (first.done === true) {
    error(
      null,
      null,
      "empty-file",
      spec.required ? "0 data rows: the file is empty (no header row)" : "the file is empty (no header row)"
    );
    return {
      spec,
      rows,
      lines,
      keysSeen,
      report: {file, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0},
      issues,
      headerRejected: true
    };
  }

  // header
  const header = first.value.fields;
  let headerRejected = false;
  if (first.value.syntaxError !== undefined) {
    error(1, null, "csv-syntax", first.value.syntaxError);
    headerRejected = true;
  }
  const byName = new Map(spec.columns.map((c) => [c.name, c] as const));
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    const bad = firstInvalidByte(name);
    if (bad !== null) {
      error(1, null, "encoding", `column ${index + 1} of the header: ${invalidByteMessage(bad)}`);
      headerRejected = true;
      return;
    }
    if (isPersonalColumnName(name)) {
      error(
        1,
        name,
        "personal-column",
        `column "${name}" looks like personal data and is refused: remove it (use pseudonymous ids, birth_month)`
      );
      headerRejected = true;
      return;
    }
    if (columnIndex.has(name)) {
      error(1, name, "duplicate-column", `column "${name}" appears more than once in the header`);
      headerRejected = true;
      return;
    }
    if (!byName.has(name)) {
      const trimmed = name.trim();
      const hint = byName.has(trimmed)
        ? `: remove the spaces around "${trimmed}"`
        : byName.has(trimmed.toLowerCase())
          ? `: column names are lower case ("${trimmed.toLowerCase()}")`
          : `: expected ${spec.columns.map((c) => c.name).join(", ")}`;
      error(1, name, "unknown-column", `unknown column "${name}"${hint}`);
      headerRejected = true;
      return;
    }
    columnIndex.set(name, index);
  });
  for (const col of spec.columns) {
    if (col.required && !columnIndex.has(col.name)) {
      error(1, col.name, "missing-column", `required column "${col.name}" is missing from the header`);
      headerRejected = true;
    }
  }
  const present: {col: ColumnSpec; index: number}[] = spec.columns
    .filter((c) => columnIndex.has(c.name))
    .map((c) => ({col: c, index: columnIndex.get(c.name) ?? -1}));

  // data rows: one pass; closures are created once, not per row (this loop runs a million times)
  const absent = spec.columns.filter((c) => !columnIndex.has(c.name)).map((c) => c.name);
  const rowRules = spec.rowRules ?? [];
  const singleKey = spec.key.length === 1 ? spec.key[0] : null;
  let fields: string[] = [];
  const raw = (name: string): string | undefined => {
    const index = columnIndex.get(name);
    return index === undefined ? undefined : fields[index];
  };
  let rowsRead = 0;
  let rowsRejected = 0;
  for (const record of records) {
    rowsRead += 1;
    const line = record.line;
    fields = record.fields;
    const errorsAtStart = errorCount;
    if (record.syntaxError !== undefined) error(line, null, "csv-syntax", record.syntaxError);
    if (fields.length !== header.length) {
      error(
        line,
        null,
        "field-count",
        `${fields.length} fields, but the header has ${header.length}: check for unquoted commas`
      );
      rowsRejected += 1;
      continue;
    }
    const row: Row = {};
    for (const {col, index} of present) {
      const cell = fields[index];
      const badByte = firstInvalidByte(cell);
      if (badByte !== null) {
        error(line, col.name, "encoding", invalidByteMessage(badByte));
        continue;
      }
      if (cell === "") {
        if (col.required) error(line, col.name, "required", `${col.name} is required`);
        row[col.name] = null;
        continue;
      }
      if (col.type.kind !== "text" && cell !== cell.trim()) {
        const shown = col.personal === true ? "(value withheld)" : `"${cell}"`;
        error(
          line,
          col.name,
          "whitespace",
          `${shown} has leading or trailing spaces: remove them${col.type.kind === "code" ? " (codes must match exactly)" : ""}`
        );
        continue;
      }
      const parsed = parseCell(cell, col);
      if (!parsed.ok) {
        error(line, col.name, parsed.rule, parsed.message);
        continue;
      }
      if (parsed.warning) warn(line, col.name, parsed.warning.rule, parsed.warning.message);
      row[col.name] = parsed.value;
    }
    for (const name of absent) row[name] = null;
    if (errorCount === errorsAtStart) {
      for (const rule of rowRules) {
        const problem = checkRowRule(rule, row, raw);
        if (problem) error(line, problem.column, problem.rule, problem.message);
      }
    }
    if (spec.name === "meta") checkMetaRow(row, line, error, warn);
    // key uniqueness (only when every key cell parsed)
    if (spec.key.every((k) => row[k] !== undefined && row[k] !== null)) {
      const key = singleKey !== null ? String(row[singleKey]) : spec.key.map((k) => String(row[k])).join("\u0000");
      if (singleKey === null) keysSeen.add(String(row[spec.key[0]]));
      const firstLine = keyFirstSeen.get(key);
      if (firstLine !== undefined) {
        const shown = spec.key.map((k) => `${k} "${String(row[k])}"`).join(", ");
        error(line, singleKey, "unique", `duplicate ${shown} (first on row ${firstLine})`);
      } else {
        keyFirstSeen.set(key, line);
      }
    }
    if (errorCount > errorsAtStart || headerRejected) {
      rowsRejected += 1;
    } else {
      rows.push(row);
      lines.push(line);
    }
  }
  if (rowsRead === 0 && spec.required)
    error(null, null, "empty-file", "0 data rows: the file has a header but no data");
  return {
    spec,
    rows,
    lines,
    keysSeen: singleKey !== null ? keyFirstSeen : keysSeen,
    report: {file, rowsRead, rowsAccepted: rows.length, rowsRejected},
    issues,
    headerRejected
  };
}

type Reporter = (row: number | null, column: string | null, rule: string, message: string) => void;

function checkMetaRow(row: Row, line: number, error: Reporter, warn: Reporter): void {
  const key = row.key;
  if (typeof key !== "string") return;
  if (!(META_KEYS as readonly string[]).includes(key)) {
    warn(line, "key", "meta-key", `unknown meta key "${key}": expected ${META_KEYS.join(", ")}`);
    return;
  }
  if (key === "extract_date" && typeof row.value === "string") {
    const parsed = parseCell(row.value, {name: "value", type: {kind: "date"}, required: true, meaning: ""});
    if (!parsed.ok) error(line, "value", parsed.rule, `extract_date: ${parsed.message}`);
  }
}
