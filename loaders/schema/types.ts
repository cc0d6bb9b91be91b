/**
 * Types of the declarative schema: one {@link TableSpec} per CSV file, one {@link ColumnSpec} per column.
 * The validator (`loaders/validate/`) and the data dictionary (`docs/data-dictionary.md`) are both driven
 * from these definitions, so they cannot drift apart.
 */

/**
 * The type of a column's cells, which selects the cell parser in `loaders/validate/cells.ts`.
 *
 * @example
 * const hours: ColumnType = {kind: "whole", min: 0};
 */
export type ColumnType =
  | {readonly kind: "code"}
  | {readonly kind: "text"}
  | {readonly kind: "bool"}
  | {readonly kind: "whole"; readonly min?: number; readonly max?: number}
  | {readonly kind: "decimal"; readonly min?: number; readonly max?: number; readonly step?: number}
  | {readonly kind: "money"; readonly min?: number}
  | {readonly kind: "date"}
  | {readonly kind: "month"}
  | {readonly kind: "financial-year"}
  | {readonly kind: "enum"; readonly values: readonly string[]}
  | {readonly kind: "code-list"};

/**
 * One column of a file.
 *
 * @example
 * const col: ColumnSpec = {name: "lot_code", type: {kind: "code"}, required: true, meaning: "Lot", references: "lots"};
 */
export interface ColumnSpec {
  /** Exact header name (case-sensitive). */
  readonly name: string;
  readonly type: ColumnType;
  /** Required columns must be in the header and non-blank in every row; optional columns may be absent or blank. */
  readonly required: boolean;
  /** Plain-English meaning, printed in the data dictionary. */
  readonly meaning: string;
  /** Parent table whose key this column (or each item of a code list) must match. */
  readonly references?: string;
  /** The value is personal data: it is never printed in a message ("value withheld"). */
  readonly personal?: boolean;
}

/**
 * A rule that relates two or more cells of the same row.
 * - `not-before`: `later` must not be before `earlier` (both dates; skipped when either is blank).
 * - `required-when`: `column` must be non-blank when `when` is one of `values`.
 * - `blank-when`: `column` must be blank when `when` is one of `values`.
 *
 * @example
 * const rule: RowRule = {kind: "not-before", later: "end_date", earlier: "start_date"};
 */
export type RowRule =
  | {readonly kind: "not-before"; readonly later: string; readonly earlier: string}
  | {readonly kind: "required-when"; readonly column: string; readonly when: string; readonly values: readonly string[]}
  | {readonly kind: "blank-when"; readonly column: string; readonly when: string; readonly values: readonly string[]};

/**
 * One CSV file of a council dataset.
 *
 * @example
 * const t: TableSpec = {name: "lots", file: "lots.csv", rowMeaning: "Lot", required: true, key: ["lot_code"], columns: []};
 */
export interface TableSpec {
  readonly name: string;
  readonly file: string;
  /** What one row represents. */
  readonly rowMeaning: string;
  /** A required file must be present with at least one data row. */
  readonly required: boolean;
  /** Columns whose combined values must be unique within the file (the first column is the id others reference). */
  readonly key: readonly string[];
  readonly columns: readonly ColumnSpec[];
  readonly rowRules?: readonly RowRule[];
  /** Extra notes printed in the dictionary (cross-file rules, conventions). */
  readonly notes?: readonly string[];
}
