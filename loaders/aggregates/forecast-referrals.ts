import {monthSql} from "./sql.js";

/**
 * Referrals received per month × area × Lot × primary need × referral source, for the trend-forecast notebook.
 * Counts only: the child's need is joined in the warehouse and no child-level row leaves it.
 */
export const FORECAST_REFERRALS_SQL = `
SELECT
  ${monthSql("r.received_date")} AS month,
  r.area_code,
  a.area_name,
  r.lot_code,
  l.lot_name,
  c.primary_need AS need,
  r.source,
  count(*)::INTEGER AS referrals
FROM referrals r
JOIN children c ON c.child_id = r.child_id
JOIN areas a ON a.area_code = r.area_code
JOIN lots l ON l.lot_code = r.lot_code
GROUP BY ALL
ORDER BY month, r.area_code, r.lot_code, need, r.source`;
