import {csvParse} from "d3-dsv";

/** A parsed CSV cell accessor bound to one row, for error messages naming file, row and column. */
export interface TableRow {
  /** File name relative to the published data directory, e.g. `lewisham/ehcp.csv`. */
  readonly file: string;
  /** Row number with the header as row 1 (the convention of `loaders/csv`), so data starts at 2. */
  readonly row: number;
  /** The raw cells by column name. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Parse CSV text (RFC 4180, via d3-dsv) into rows, after checking that every required column is
 * in the header. A leading byte-order mark is removed. Cells are kept as strings; use
 * {@link textCell}, {@link numberCell} and friends to read them with validation.
 *
 * @throws Error naming the file and the missing column, e.g.
 *   `missing column in lewisham/ehcp.csv: value`.
 * @example
 * parseTable("a,b\n1,2\n", "x.csv", ["a", "b"])[0].cells.b; // "2"
 */
export function parseTable(text: string, file: string, requiredColumns: readonly string[]): TableRow[] {
  const parsed = csvParse(text.replace(/^\uFEFF/, ""));
  for (const column of requiredColumns) {
    if (!parsed.columns.includes(column)) throw new Error(`missing column in ${file}: ${column}`);
  }
  if (parsed.length === 0) throw new Error(`no rows in ${file}`);
  return parsed.map((cells, index) => {
    const copy: Record<string, string> = {};
    for (const column of parsed.columns) copy[column] = cells[column] ?? "";
    return {file, row: index + 2, cells: copy};
  });
}

function where(row: TableRow, column: string): string {
  return `${row.file} row ${row.row} column ${column}`;
}

/**
 * A required non-empty text cell, trimmed.
 * @throws Error e.g. `empty cell in lewisham/ehcp.csv row 3 column indicator`.
 * @example
 * textCell(row, "indicator");
 */
export function textCell(row: TableRow, column: string): string {
  const value = (row.cells[column] ?? "").trim();
  if (value === "") throw new Error(`empty cell in ${where(row, column)}`);
  return value;
}

/**
 * An optional text cell: trimmed, `null` when empty.
 * @example
 * optionalTextCell(row, "note"); // null for an empty cell
 */
export function optionalTextCell(row: TableRow, column: string): string | null {
  const value = (row.cells[column] ?? "").trim();
  return value === "" ? null : value;
}

/**
 * A required finite number (plain decimal notation, no thousands separators or currency signs;
 * those belong in the `*_as_printed` columns).
 * @throws Error e.g. `invalid number in lewisham/ehcp.csv row 3 column value: "4l6"`.
 * @example
 * numberCell(row, "value"); // 416
 */
export function numberCell(row: TableRow, column: string): number {
  const raw = textCell(row, column);
  if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new Error(`invalid number in ${where(row, column)}: "${raw}"`);
  return Number(raw);
}

/**
 * A required integer.
 * @throws Error e.g. `invalid integer in northamptonshire/turning_18.csv row 2 column young_people: "1.5"`.
 * @example
 * integerCell(row, "young_people"); // 1
 */
export function integerCell(row: TableRow, column: string): number {
  const value = numberCell(row, column);
  if (!Number.isInteger(value)) throw new Error(`invalid integer in ${where(row, column)}: "${row.cells[column]}"`);
  return value;
}

/**
 * A required cell that must be one of `allowed`.
 * @throws Error e.g. `invalid value in staffordshire/appraisal_scores.csv row 4 column score: "Maybe"
 *   (expected Yes, Partially, No)`.
 * @example
 * oneOfCell(row, "score", ["Yes", "Partially", "No"] as const); // "Yes"
 */
export function oneOfCell<T extends string>(row: TableRow, column: string, allowed: readonly T[]): T {
  const value = textCell(row, column);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`invalid value in ${where(row, column)}: "${value}" (expected ${allowed.join(", ")})`);
  }
  return value as T;
}

/** Status of a printed cell: a value, an empty printed cell, or a cell the table does not have. */
export type CellStatus = "value" | "blank" | "not_applicable";

/** The status values of {@link CellStatus}. */
export const CELL_STATUSES: readonly CellStatus[] = ["value", "blank", "not_applicable"];

/**
 * A number whose presence is given by a status column: `value` requires a number, `blank` and
 * `not_applicable` require an empty cell and give `null`. Blanks are never read as 0 (GSS
 * guidance on symbols in tables: a missing value is not zero).
 * @throws Error naming file, row and column on any mismatch.
 * @example
 * statusNumberCell(row, "amount_gbp", "amount_status"); // {value: 1434, status: "value"}
 */
export function statusNumberCell(
  row: TableRow,
  column: string,
  statusColumn: string
): {value: number | null; status: CellStatus} {
  const status = oneOfCell(row, statusColumn, CELL_STATUSES);
  if (status === "value") return {value: numberCell(row, column), status};
  const raw = (row.cells[column] ?? "").trim();
  if (raw !== "")
    throw new Error(`cell must be empty when ${statusColumn} is ${status} in ${where(row, column)}: "${raw}"`);
  return {value: null, status};
}

/** Where a published figure comes from. */
export interface Source {
  readonly document: string;
  readonly table: string;
}

/**
 * The `source_document` and `source_table` (or `source_section`) cells of a row.
 * @example
 * sourceOf(row); // {document: "lewisham-personalised-care-framework.txt", table: "para 4.8 table ..."}
 */
export function sourceOf(row: TableRow): Source {
  const tableColumn = "source_table" in row.cells ? "source_table" : "source_section";
  return {document: textCell(row, "source_document"), table: textCell(row, tableColumn)};
}
