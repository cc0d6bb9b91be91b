/**
 * Composes the notebook's SQL files: a query over a prepared series (`linear.sql`) runs on the series query
 * (`series.sql`) as a common table expression, so both engines — DuckDB-WASM in the page, native DuckDB in the
 * tests — run exactly the same statement with the same positional parameters.
 */

/**
 * `bodySql` (which reads a relation named `series`) preceded by `WITH series AS (seriesSql)`.
 *
 * @example
 * withSeries("SELECT 1 AS t, 2.0 AS value", "SELECT count(*) FROM series");
 * // "WITH series AS (\nSELECT 1 AS t, 2.0 AS value\n)\nSELECT count(*) FROM series"
 */
export function withSeries(seriesSql: string, bodySql: string): string {
  return `WITH series AS (\n${stripStatement(seriesSql)}\n)\n${stripStatement(bodySql)}`;
}

/**
 * A SQL file's text as one statement: surrounding blank space and a trailing semicolon removed.
 *
 * @example
 * stripStatement("SELECT 1;\n"); // "SELECT 1"
 */
export function stripStatement(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}
