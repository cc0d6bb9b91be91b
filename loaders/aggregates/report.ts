import {EXTRACT_DATE_SQL} from "./ageing-out.js";
import {financialYearSql} from "./sql.js";

/**
 * Aggregates for the public scrutiny report (`src/report.md`, `src/methodology.md`). Counts and sums only: no
 * child-level row leaves the warehouse, and every output passes disclosure control in `report-data.ts` before it
 * is written.
 *
 * Definitions (the same as the Spend and Demand pages, docs/demo-county.md):
 * - a **financial year** runs 1 April to 31 March (`2024-25`);
 * - **referrals** are counted by the date received, with their outcome so far (placed, waiting, declined,
 *   withdrawn);
 * - **spend** of a package in a year = hours a week × hourly rate × weeks active in the year (days from the later
 *   of its start and 1 April to the earlier of its end, 31 March and the "as at" date, both included, ÷ 7);
 *   **commissioned care** is every Lot's spend except direct payments, which is what `budgets.csv` covers;
 * - **placements** are packages started in the year that are not direct payments, by how they were bought.
 */

/** The "as at" date and the last day of the last complete financial year, as ISO text. */
export const REPORT_DATES_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date)
SELECT
  strftime(extract_date, '%Y-%m-%d') AS extract_date,
  strftime(make_date(year(extract_date) - CASE WHEN month(extract_date) < 4 THEN 1 ELSE 0 END, 3, 31), '%Y-%m-%d')
    AS last_complete_day,
  (SELECT strftime(min(received_date), '%Y-%m-%d') FROM referrals) AS first_referral
FROM e`;

/** Referrals received per financial year × Lot, with their outcomes so far. */
export const REPORT_REFERRALS_SQL = `
SELECT
  ${financialYearSql("r.received_date")} AS financial_year,
  r.lot_code,
  l.lot_name,
  count(*)::INTEGER AS referrals,
  count(*) FILTER (WHERE r.outcome = 'placed')::INTEGER AS placed,
  count(*) FILTER (WHERE r.outcome = 'waiting')::INTEGER AS waiting,
  count(*) FILTER (WHERE r.outcome = 'declined')::INTEGER AS declined,
  count(*) FILTER (WHERE r.outcome = 'withdrawn')::INTEGER AS withdrawn
FROM referrals r
JOIN lots l USING (lot_code)
GROUP BY ALL
ORDER BY financial_year, r.lot_code`;

/**
 * Referrals per financial year × area × Lot: the panel of short series whose backtest errors calibrate the
 * forecast's intervals. Used only inside the loader; never published.
 */
export const REPORT_REFERRAL_PANEL_SQL = `
SELECT
  ${financialYearSql("received_date")} AS financial_year,
  area_code,
  lot_code,
  count(*)::INTEGER AS referrals
FROM referrals
GROUP BY ALL
ORDER BY area_code, lot_code, financial_year`;

/**
 * Distinct children and young people with an active package (any Lot or route) at some time in each financial
 * year, up to the "as at" date. Distinct counts do not add up across Lots, so only the total is published.
 */
export const REPORT_SUPPORTED_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
years AS (
  SELECT DISTINCT ${financialYearSql("received_date")} AS financial_year FROM referrals
),
bounds AS (
  SELECT financial_year,
    make_date(CAST(left(financial_year, 4) AS INTEGER), 4, 1) AS fy_start,
    least(make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31), e.extract_date) AS fy_end
  FROM years, e
)
SELECT
  b.financial_year,
  count(DISTINCT p.child_id)::INTEGER AS children
FROM bounds b
JOIN packages p ON p.start_date <= b.fy_end AND coalesce(p.end_date, DATE '9999-12-31') >= b.fy_start
GROUP BY ALL
ORDER BY b.financial_year`;

/**
 * Referrals still waiting on the "as at" date per Lot: how many, how many have waited more than 18 weeks
 * (126 days), and the median wait in days of all of them (one row per Lot; the all-Lots median is in
 * `REPORT_WAITING_MEDIAN_SQL`).
 */
export const REPORT_WAITING_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date)
SELECT
  r.lot_code,
  l.lot_name,
  count(*)::INTEGER AS waiting,
  count(*) FILTER (WHERE datediff('day', r.received_date, e.extract_date) > 126)::INTEGER AS waiting_over_18_weeks,
  count(*) FILTER (WHERE datediff('day', r.received_date, e.extract_date) <= 126)::INTEGER AS waiting_up_to_18_weeks
FROM referrals r
JOIN lots l USING (lot_code), e
WHERE r.outcome = 'waiting'
GROUP BY ALL
ORDER BY r.lot_code`;

/** The median wait so far, in days, of every referral still waiting on the "as at" date, and how many there are. */
export const REPORT_WAITING_MEDIAN_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date)
SELECT
  count(*)::INTEGER AS waiting,
  median(datediff('day', r.received_date, e.extract_date))::DOUBLE AS median_days
FROM referrals r, e
WHERE r.outcome = 'waiting'`;

/**
 * Commissioned-care spend (every Lot, not direct payments) per financial year × Lot, up to the "as at" date, with
 * the children it was spent on and the largest one child's share (for the dominance rule; never published), and
 * the Lot's budget. Years are those in `budgets.csv`.
 */
export const REPORT_SPEND_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
years AS (
  SELECT DISTINCT financial_year,
    make_date(CAST(left(financial_year, 4) AS INTEGER), 4, 1) AS fy_start,
    make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31) AS fy_end
  FROM budgets
),
spans AS (
  SELECT y.financial_year, p.child_id, p.lot_code, p.hours_per_week, p.hourly_rate,
    greatest(p.start_date, y.fy_start) AS a_from,
    least(coalesce(p.end_date, e.extract_date), y.fy_end, e.extract_date) AS a_to
  FROM packages p
  CROSS JOIN e
  JOIN years y ON p.start_date <= y.fy_end AND coalesce(p.end_date, DATE '9999-12-31') >= y.fy_start
  WHERE p.route <> 'direct_payment'
),
by_child AS (
  SELECT financial_year, lot_code, child_id,
    sum((datediff('day', a_from, a_to) + 1) / 7.0 * hours_per_week * hourly_rate) AS spend
  FROM spans
  WHERE a_to >= a_from
  GROUP BY ALL
),
cells AS (
  SELECT financial_year, lot_code, sum(spend)::DOUBLE AS spend_gbp, count(*)::INTEGER AS spend_children,
    max(spend)::DOUBLE AS spend_largest_gbp
  FROM by_child
  GROUP BY ALL
)
SELECT
  b.financial_year,
  b.lot_code,
  l.lot_name,
  coalesce(c.spend_gbp, 0)::DOUBLE AS spend_gbp,
  coalesce(c.spend_children, 0)::INTEGER AS spend_children,
  coalesce(c.spend_largest_gbp, 0)::DOUBLE AS spend_largest_gbp,
  b.budget_gbp::DOUBLE AS budget_gbp
FROM budgets b
JOIN lots l USING (lot_code)
LEFT JOIN cells c USING (financial_year, lot_code)
ORDER BY b.financial_year, b.lot_code`;

/** Placements (packages started, not direct payments) per financial year × how they were bought. */
export const REPORT_PLACEMENTS_SQL = `
SELECT
  ${financialYearSql("start_date")} AS financial_year,
  route,
  count(*)::INTEGER AS placements
FROM packages
WHERE route <> 'direct_payment'
  AND start_date >= (SELECT min(received_date) FROM referrals)
GROUP BY ALL
ORDER BY financial_year, route`;

/**
 * Children and young people with an active package on the "as at" date, and how many of them turn 18 within one
 * and within three years of it (18th birthday taken as the 1st of the birth month, as on the Ageing out page).
 */
export const REPORT_TURNING_18_SQL = `
WITH e AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
active AS (
  SELECT DISTINCT p.child_id,
    strptime(c.birth_month || '-01', '%Y-%m-%d')::DATE + INTERVAL 18 YEAR AS turn18
  FROM packages p JOIN children c USING (child_id), e
  WHERE p.start_date <= e.extract_date AND (p.end_date IS NULL OR p.end_date >= e.extract_date)
)
SELECT
  'as at' AS snapshot,
  count(*)::INTEGER AS supported,
  count(*) FILTER (WHERE turn18 <= e.extract_date + INTERVAL 1 YEAR)::INTEGER AS turning_18_within_1_year,
  count(*) FILTER (WHERE turn18 <= e.extract_date + INTERVAL 3 YEAR)::INTEGER AS turning_18_within_3_years
FROM active, e
GROUP BY ALL`;

/** EHC needs assessment requests received and new EHC plans issued per financial year (all areas). */
export const REPORT_EHCP_SQL = `
SELECT
  ${financialYearSql("strptime(month || '-01', '%Y-%m-%d')")} AS financial_year,
  sum(requests_received)::INTEGER AS requests,
  sum(plans_issued)::INTEGER AS plans_issued,
  count(DISTINCT month)::INTEGER AS months
FROM ehcp_activity
GROUP BY ALL
ORDER BY financial_year`;
