/**
 * SQL building blocks for month-end and financial-year views of the data: the extract ("as at") date, every
 * month of the data, and every financial year with its start and (possibly partial) end.
 */
import {financialYearSql} from "./sql.js";

/**
 * A CTE body giving the extract date (`extract_date`): `meta.csv`'s `extract_date`, else the latest date in the
 * referrals and packages.
 *
 * @example
 * `WITH extract AS (${EXTRACT_DATE_SQL}) SELECT extract_date FROM extract`;
 */
export const EXTRACT_DATE_SQL = `
SELECT coalesce(
  (SELECT max(TRY_CAST(value AS DATE)) FROM meta WHERE key = 'extract_date'),
  greatest((SELECT max(received_date) FROM referrals), (SELECT max(start_date) FROM packages))
) AS extract_date`;

/**
 * A CTE body with one row per month from the first referral to the extract date: `month` (`YYYY-MM`),
 * `month_start`, `month_end` (the last day, or the extract date in the extract's month) and `financial_year`.
 * Needs a CTE named `extract` ({@link EXTRACT_DATE_SQL}).
 *
 * @example
 * `WITH extract AS (${EXTRACT_DATE_SQL}), months AS (${MONTHS_SQL}) SELECT * FROM months`;
 */
export const MONTHS_SQL = `
SELECT
  strftime(m, '%Y-%m') AS month,
  m::DATE AS month_start,
  least(last_day(m), (SELECT extract_date FROM extract)) AS month_end,
  ${financialYearSql("m")} AS financial_year
FROM (
  SELECT unnest(generate_series(
    date_trunc('month', (SELECT min(received_date) FROM referrals)),
    date_trunc('month', (SELECT extract_date FROM extract)),
    INTERVAL 1 MONTH
  )) AS m
)`;

/**
 * A CTE body with one row per financial year from the first referral's to the extract date's: `financial_year`,
 * `fy_start` (1 April) and `fy_end` (31 March, or the extract date for the current, partial year), and `days`.
 * Needs a CTE named `extract`.
 *
 * @example
 * `WITH extract AS (${EXTRACT_DATE_SQL}), years AS (${FINANCIAL_YEARS_SQL}) SELECT * FROM years`;
 */
export const FINANCIAL_YEARS_SQL = `
SELECT
  y::VARCHAR || '-' || lpad(((y + 1) % 100)::VARCHAR, 2, '0') AS financial_year,
  make_date(y, 4, 1) AS fy_start,
  least(make_date(y + 1, 3, 31), (SELECT extract_date FROM extract)) AS fy_end,
  (least(make_date(y + 1, 3, 31), (SELECT extract_date FROM extract)) - make_date(y, 4, 1) + 1)::INTEGER AS days
FROM (
  SELECT unnest(generate_series(
    (SELECT year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END FROM (SELECT min(received_date) AS d FROM referrals)),
    (SELECT year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END FROM (SELECT extract_date AS d FROM extract))
  )) AS y
)`;
