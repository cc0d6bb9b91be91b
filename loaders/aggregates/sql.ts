/**
 * SQL fragments shared by the aggregates. A financial year runs from 1 April to 31 March and is labelled
 * `2024-25` (DESIGN.md, conventions).
 */

/**
 * The financial-year label of a DATE expression.
 *
 * @example
 * financialYearSql("received_date"); // CASE ... END, e.g. '2024-25' for 2024-05-01
 */
export function financialYearSql(dateExpression: string): string {
  const start = `(year(${dateExpression}) - CASE WHEN month(${dateExpression}) < 4 THEN 1 ELSE 0 END)`;
  return `(${start}::VARCHAR || '-' || lpad(((${start} + 1) % 100)::VARCHAR, 2, '0'))`;
}

/** The `YYYY-MM` label of a DATE expression. */
export function monthSql(dateExpression: string): string {
  return `strftime(${dateExpression}, '%Y-%m')`;
}
