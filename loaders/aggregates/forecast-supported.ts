import {FORECAST_CALENDAR_SQL} from "./forecast-calendar.js";

/**
 * Children and young people supported at each month end (a package active on the last day of the month, or on the
 * extract date in the extract's month), by Lot × area × funder, with every roll-up: a dimension rolled up is
 * `'ALL'`. Children are counted DISTINCT within each row, so a child with two packages counts once in a total —
 * which is why the totals are computed here, not summed in the browser. Counts only.
 */
export const FORECAST_SUPPORTED_SQL = `
WITH calendar AS (${FORECAST_CALENDAR_SQL}),
active AS (
  SELECT c.month, p.child_id, p.lot_code, p.area_code, p.funder
  FROM calendar c
  JOIN packages p ON p.start_date <= c.cutoff AND (p.end_date IS NULL OR p.end_date >= c.cutoff)
)
SELECT
  month,
  coalesce(lot_code, 'ALL') AS lot_code,
  coalesce(area_code, 'ALL') AS area_code,
  coalesce(funder, 'ALL') AS funder,
  count(DISTINCT child_id)::INTEGER AS children
FROM active
GROUP BY month, CUBE (lot_code, area_code, funder)
ORDER BY month, lot_code, area_code, funder`;
