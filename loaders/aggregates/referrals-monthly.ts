import {financialYearSql, monthSql} from "./sql.js";

/**
 * Referrals received per month × area × Lot, with their outcomes so far. Counts only: no child-level row leaves
 * the warehouse.
 */
export const REFERRALS_MONTHLY_SQL = `
SELECT
  ${monthSql("r.received_date")} AS month,
  ${financialYearSql("r.received_date")} AS financial_year,
  r.area_code,
  a.area_name,
  r.lot_code,
  l.lot_name,
  count(*)::INTEGER AS referrals,
  count(*) FILTER (WHERE r.outcome = 'placed')::INTEGER AS placed,
  count(*) FILTER (WHERE r.outcome = 'waiting')::INTEGER AS waiting,
  count(*) FILTER (WHERE r.outcome = 'declined')::INTEGER AS declined,
  count(*) FILTER (WHERE r.outcome = 'withdrawn')::INTEGER AS withdrawn
FROM referrals r
JOIN areas a USING (area_code)
JOIN lots l USING (lot_code)
GROUP BY ALL
ORDER BY month, r.area_code, r.lot_code`;
