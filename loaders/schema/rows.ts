import type {SCHEMA, TableName} from "./tables.js";
import type {ColumnType} from "./types.js";

/**
 * The typed value of a cell of a column of type `T`: numbers for whole/decimal/money, booleans for bool,
 * the literal union for an enum, `string[]` for a code list, and strings for everything else
 * (dates stay ISO strings `YYYY-MM-DD`, months `YYYY-MM`, financial years `2024-25`, so no time zone can shift them).
 *
 * @example
 * const n: CellOf<{kind: "whole"}> = 3;
 */
export type CellOf<T extends ColumnType> = T extends {kind: "whole" | "decimal" | "money"}
  ? number
  : T extends {kind: "bool"}
    ? boolean
    : T extends {kind: "enum"; values: readonly (infer V)[]}
      ? V
      : T extends {kind: "code-list"}
        ? string[]
        : string;

type RowOfSpec<S extends (typeof SCHEMA)[number]> = {
  [C in S["columns"][number] as C["name"]]: C["required"] extends true ? CellOf<C["type"]> : CellOf<C["type"]> | null;
};

/**
 * A validated, typed row of table `N`: one property per column; a blank optional cell (or an absent optional
 * column) is `null`.
 *
 * @example
 * const r: RowOf<"budgets"> = {financial_year: "2024-25", lot_code: "L1", budget_gbp: 125000};
 */
export type RowOf<N extends TableName> = RowOfSpec<Extract<(typeof SCHEMA)[number], {name: N}>>;

/**
 * Every table of a validated dataset, keyed by table name (an absent optional file is an empty array).
 *
 * @example
 * const n = (tables: Tables) => tables.referrals.length;
 */
export type Tables = {[N in TableName]: RowOf<N>[]};

/** A typed row of any table (used where the table is not known statically). */
export type Row = Record<string, string | number | boolean | string[] | null>;
