import type {ColumnType} from "../schema/types.js";

/**
 * The DuckDB type that holds a validated column. Dates become `DATE`; months and financial years stay text
 * (`2024-05`, `2024-25`) because they are labels as much as times; code lists become `VARCHAR[]`.
 *
 * @example
 * duckdbType({kind: "money", min: 0}); // "DOUBLE"
 */
export function duckdbType(type: ColumnType): string {
  switch (type.kind) {
    case "bool":
      return "BOOLEAN";
    case "whole":
      return "BIGINT";
    case "decimal":
    case "money":
      return "DOUBLE";
    case "date":
      return "DATE";
    case "code-list":
      return "VARCHAR[]";
    default:
      return "VARCHAR";
  }
}

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes an SQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
