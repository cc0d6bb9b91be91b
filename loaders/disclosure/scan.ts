/**
 * A last line of defence for the public build: scan a published data file (CSV or JSON text) for counts of 1 to
 * 5 in columns that hold counts of children. Anything it finds means a loader skipped disclosure control.
 */
import {readCsvRecords} from "../csv/parse.js";
import {classifyColumn, DISCLOSURE_KEY, type ColumnClass, type DisclosureDeclaration} from "./declaration.js";
import {MINIMUM_PUBLISHED_COUNT} from "./primary.js";

/** What to scan. */
export interface ScanSchema {
  /** Columns (CSV header names or JSON object keys) that hold counts of children. */
  countColumns: readonly string[];
  /** Default: "json" if the text starts with `[` or `{`, else "csv". */
  format?: "csv" | "json";
  /** Smallest count allowed (default 6: counts 1 to 5 are unsafe). */
  minimumCount?: number;
}

/** An unsafe value: where it is, in which column, and what it is. */
export interface UnsafeCount {
  /** `row N` (1-based file line, header = row 1) for CSV; a JSON path such as `$[3]` for JSON. */
  location: string;
  column: string;
  value: number;
}

const COUNT = /^\s*-?\d+(\.\d+)?\s*$/;

function unsafe(value: unknown, minimum: number): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && COUNT.test(value) ? Number(value) : NaN;
  return n > 0 && n < minimum ? n : null;
}

/**
 * Every count of 1 to 5 in the count columns of a published CSV or JSON file (JSON: any object at any depth
 * that has one of the columns as a key). GSS symbols (`c`, `x`, `z`, `low`) and zeros are safe.
 *
 * @example
 * findUnsafeCounts("lot,referrals\nL1,c\nL2,3\nL3,0\n", {countColumns: ["referrals"]});
 * // [{location: "row 3", column: "referrals", value: 3}]
 */
export function findUnsafeCounts(text: string, schema: ScanSchema): UnsafeCount[] {
  const minimum = schema.minimumCount ?? MINIMUM_PUBLISHED_COUNT;
  const body = text.replace(/^\uFEFF/, "");
  const format = schema.format ?? (/^\s*[[{]/.test(body) ? "json" : "csv");
  const found: UnsafeCount[] = [];
  if (format === "json") {
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
      else if (node !== null && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          const n = schema.countColumns.includes(key) ? unsafe(value, minimum) : null;
          if (n !== null) found.push({location: path, column: key, value: n});
          else walk(value, `${path}.${key}`);
        }
      }
    };
    walk(JSON.parse(body) as unknown, "$");
    return found;
  }
  let header: string[] | null = null;
  for (const record of readCsvRecords(body)) {
    if (header === null) {
      header = record.fields;
      const missing = schema.countColumns.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new Error(`invalid countColumns: ${missing.join(", ")} not in the header`);
      continue;
    }
    for (const column of schema.countColumns) {
      const n = unsafe(record.fields[header.indexOf(column)], minimum);
      if (n !== null) found.push({location: `row ${record.line}`, column, value: n});
    }
  }
  return found;
}

/** A finding of the declaration-aware scan: where, which column, the value, and how the column was classed. */
export interface DeclaredFinding extends UnsafeCount {
  /** `count` (a declared count of children) or `unknown` (a number the declaration does not name). */
  columnClass: "count" | "unknown";
}

function unsafeTyped(value: unknown, columnClass: ColumnClass, minimum: number): number | null {
  if (columnClass === "count") return unsafe(value, minimum);
  // an undeclared number is treated as a count; an undeclared string is a label (a Lot called "2" is not a count)
  if (columnClass === "unknown" && typeof value === "number") return unsafe(value, minimum);
  return null;
}

/**
 * Every unsafe number in a parsed JSON value under a disclosure declaration: counts of 1 to 5 in declared count
 * columns (numbers or numeric strings) and numbers of 1 to 5 in columns the declaration does not name (at any depth;
 * an array of numbers belongs to the key that holds it). With `declaration` null, every number is undeclared.
 *
 * @example
 * findUnsafeInJson({rows: [{lot: "2", n: 3, months: 4}]}, {counts: ["n"], other: ["months"]});
 * // [{location: "$.rows[0]", column: "n", value: 3, columnClass: "count"}]
 */
export function findUnsafeInJson(
  value: unknown,
  declaration: DisclosureDeclaration | null,
  minimumCount = MINIMUM_PUBLISHED_COUNT
): DeclaredFinding[] {
  const found: DeclaredFinding[] = [];
  const visit = (node: unknown, column: string, path: string, holder: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, column, `${path}[${i}]`, `${path}[${i}]`));
    else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        if (path === "$" && key === DISCLOSURE_KEY) continue;
        visit(child, key, `${path}.${key}`, path);
      }
    } else {
      const columnClass = classifyColumn(declaration, column);
      const n = unsafeTyped(node, columnClass, minimumCount);
      if (n !== null) {
        found.push({location: holder, column, value: n, columnClass: columnClass === "count" ? "count" : "unknown"});
      }
    }
  };
  visit(value, "$", "$", "$");
  return found;
}

/**
 * Every unsafe number in a table given by columns (an Arrow table, a CSV file), under a declaration. Rows are
 * numbered from 1. Numeric strings count only in declared count columns.
 *
 * @example
 * findUnsafeInColumns([{name: "n", values: [12, 2, null]}], {counts: ["n"]});
 * // [{location: "row 2", column: "n", value: 2, columnClass: "count"}]
 */
export function findUnsafeInColumns(
  columns: readonly {name: string; values: ArrayLike<unknown>}[],
  declaration: DisclosureDeclaration | null,
  minimumCount = MINIMUM_PUBLISHED_COUNT
): DeclaredFinding[] {
  const found: DeclaredFinding[] = [];
  for (const {name, values} of columns) {
    const columnClass = classifyColumn(declaration, name);
    for (let i = 0; i < values.length; i++) {
      const v = typeof values[i] === "bigint" ? Number(values[i]) : values[i];
      const n = unsafeTyped(v, columnClass, minimumCount);
      if (n !== null) {
        found.push({
          location: `row ${i + 1}`,
          column: name,
          value: n,
          columnClass: columnClass === "count" ? "count" : "unknown"
        });
      }
    }
  }
  return found;
}
