/**
 * The months the forecast aggregates cover: from the first month of the financial year of the earliest referral to
 * the month of the extract date (`meta.csv` `extract_date`, else the latest referral). Packages that started in an
 * earlier warm-up period count only from then on, so every series starts at a financial-year boundary.
 */

/** The extract ("as at") date as a DATE expression. */
export const EXTRACT_DATE_SQL = `coalesce(
    (SELECT max(try_cast(value AS DATE)) FROM meta WHERE key = 'extract_date'),
    (SELECT max(received_date) FROM referrals)
  )`;

/**
 * A `calendar` CTE body: one row per month with `month` (`YYYY-MM`), `month_start`, `month_end` (DATE) and
 * `cutoff` (the earlier of the month end and the extract date, the last day any package can count in the month).
 *
 * @example
 * `WITH calendar AS (${FORECAST_CALENDAR_SQL}) SELECT * FROM calendar`;
 */
export const FORECAST_CALENDAR_SQL = `
  SELECT
    strftime(d, '%Y-%m') AS month,
    d::DATE AS month_start,
    last_day(d)::DATE AS month_end,
    least(last_day(d)::DATE, ${EXTRACT_DATE_SQL}) AS cutoff
  FROM generate_series(
    (SELECT make_date(year(min(received_date)) - CASE WHEN month(min(received_date)) < 4 THEN 1 ELSE 0 END, 4, 1)
       FROM referrals)::TIMESTAMP,
    date_trunc('month', ${EXTRACT_DATE_SQL})::TIMESTAMP,
    INTERVAL 1 MONTH
  ) AS g(d)`;
