/**
 * The demand page's aggregates, run on native DuckDB against the warehouse. Counts only: no child id, birth month
 * or other child-level value leaves the warehouse (the referred child's primary need is counted, never listed).
 */
import {financialYearSql} from "./sql.js";

/**
 * The mix of referrals per financial year × area × Lot, by referral source and by the primary need of the
 * referred child, in long form: `dimension` is `source` or `primary_need`, `category` its value. Monthly counts by
 * area and Lot come from `referrals-monthly.arrow`; the mix is annual, so the cells stay larger.
 *
 * @example
 * await emitArrow(DEMAND_MIX_SQL);
 */
export const DEMAND_MIX_SQL = `
WITH referred AS (
  SELECT ${financialYearSql("r.received_date")} AS financial_year, r.area_code, r.lot_code, r.source, c.primary_need
  FROM referrals r JOIN children c USING (child_id)
)
SELECT financial_year, area_code, lot_code, 'source' AS dimension, source AS category, count(*)::INTEGER AS referrals
FROM referred GROUP BY ALL
UNION ALL
SELECT financial_year, area_code, lot_code, 'primary_need' AS dimension, primary_need AS category,
  count(*)::INTEGER AS referrals
FROM referred GROUP BY ALL
ORDER BY financial_year, area_code, lot_code, dimension, category`;

/**
 * How long referrals took: the number of referrals per financial year received × area × Lot × measure × whole
 * days, where the measure is `decision` (received to decision; placed, declined or withdrawn) or `package_start`
 * (received to package start; placed). A distribution, so medians and percentiles can be computed exactly for
 * any filter in the browser.
 *
 * @example
 * await emitArrow(DEMAND_TIMINGS_SQL);
 */
export const DEMAND_TIMINGS_SQL = `
WITH timings AS (
  SELECT ${financialYearSql("received_date")} AS financial_year, area_code, lot_code, 'decision' AS measure,
    date_diff('day', received_date, decision_date) AS days
  FROM referrals WHERE decision_date IS NOT NULL
  UNION ALL
  SELECT ${financialYearSql("received_date")} AS financial_year, area_code, lot_code, 'package_start' AS measure,
    date_diff('day', received_date, package_start_date) AS days
  FROM referrals WHERE package_start_date IS NOT NULL
)
SELECT financial_year, area_code, lot_code, measure, days::INTEGER AS days, count(*)::INTEGER AS referrals
FROM timings
GROUP BY ALL
ORDER BY financial_year, area_code, lot_code, measure, days`;

/**
 * EHC needs assessment activity per month × area: requests received, assessments completed, plans issued.
 *
 * @example
 * await emitArrow(DEMAND_EHCP_SQL);
 */
export const DEMAND_EHCP_SQL = `
SELECT
  e.month,
  ${financialYearSql("strptime(e.month || '-01', '%Y-%m-%d')::DATE")} AS financial_year,
  e.area_code,
  a.area_name,
  e.requests_received::INTEGER AS requests_received,
  e.assessments_completed::INTEGER AS assessments_completed,
  e.plans_issued::INTEGER AS plans_issued
FROM ehcp_activity e
JOIN areas a USING (area_code)
ORDER BY e.month, e.area_code`;
