/**
 * Running the notebook's cohort SQL (src/sql/ageing-out-*.sql, which read a table named `cohort`) on another table
 * of the same columns, in the same DuckDB database.
 */

/**
 * `sql` with `cohort` bound to `table`: a common table expression named `cohort` hides the table of that name from
 * the query nested inside it, so the SQL file runs unchanged. The rows come back sorted by `orderBy` (an ORDER BY
 * inside a subquery does not order the outer result).
 *
 * @example
 * onCohortTable("SELECT count(*) AS n FROM cohort", "northamptonshire");
 * // 'WITH cohort AS (FROM "northamptonshire")\nSELECT * FROM (\nSELECT count(*) AS n FROM cohort\n)'
 */
export function onCohortTable(sql: string, table: string, orderBy?: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name: ${table}`);
  if (table === "cohort") throw new Error("invalid table name: cohort (the table the SQL already reads)");
  return `WITH cohort AS (FROM "${table}")\nSELECT * FROM (\n${sql.trim()}\n)${orderBy ? `\nORDER BY ${orderBy}` : ""}`;
}
