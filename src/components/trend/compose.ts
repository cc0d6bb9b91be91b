/**
 * Composes the notebook's SQL files: a query over a prepared series (`linear.sql`) runs on the series query
 * (`series.sql`) as a common table expression, so both engines — DuckDB-WASM in the page, native DuckDB in the
 * tests — run exactly the same statement with the same positional parameters. `trend-facts.sql` holds several
 * statements, run one by one when the page opens.
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

/**
 * The statements of a SQL file that holds several, in order: split after each `;` that ends a line, with
 * comment-only and blank chunks left out.
 *
 * @example
 * sqlStatements("-- two tables\nCREATE TABLE a AS SELECT 1;\nCREATE TABLE b AS SELECT 2;\n");
 * // ["-- two tables\nCREATE TABLE a AS SELECT 1", "CREATE TABLE b AS SELECT 2"]
 */
export function sqlStatements(sql: string): string[] {
  return sql
    .split(/;[ \t]*\r?\n/)
    .map(stripStatement)
    .filter((chunk) => chunk.split(/\r?\n/).some((line) => line.trim() !== "" && !line.trim().startsWith("--")));
}

/**
 * One statement returning a series and its linear trend together, so the page needs one round trip to DuckDB's
 * worker: the series rows (`h` null) then the trend's forecast rows (`h` = 1..horizon, `t` = n + h), with the
 * series computed once (a materialised common table expression read by both parts). Parameters: the series
 * query's, then the trend query's.
 *
 * @example
 * withSeriesAndLinear(seriesSql, linearSql); // "WITH series AS MATERIALIZED (…), linear AS (…) SELECT …"
 */
export function withSeriesAndLinear(seriesSql: string, linearSql: string): string {
  return [
    `WITH series AS MATERIALIZED (\n${stripStatement(seriesSql)}\n),`,
    `linear AS (\n${stripStatement(linearSql)}\n)`,
    "SELECT * FROM series",
    "UNION ALL BY NAME",
    "SELECT * FROM linear",
    "ORDER BY t"
  ].join("\n");
}

/**
 * Splits the rows of {@link withSeriesAndLinear} into the series and the trend's forecast rows.
 *
 * @example
 * splitSeriesAndLinear([{t: 1, h: null, value: 3}, {t: 2, h: 1, mean: 4}]); // {series: [{t: 1, …}], linear: [{t: 2, …}]}
 */
export function splitSeriesAndLinear<Row extends {h?: unknown}>(rows: readonly Row[]): {series: Row[]; linear: Row[]} {
  const series: Row[] = [];
  const linear: Row[] = [];
  for (const row of rows) (row.h === null || row.h === undefined ? series : linear).push(row);
  return {series, linear};
}
