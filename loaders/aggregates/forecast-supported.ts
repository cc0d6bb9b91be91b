import {FORECAST_CALENDAR_SQL} from "./forecast-calendar.js";

/** Month index of a DATE expression: months since the calendar's first month (`bounds.first_month`). */
function monthIndexSql(date: string): string {
  return `((year(${date}) - year(b.first_month)) * 12 + month(${date}) - month(b.first_month))`;
}

/**
 * Children and young people supported at each month end (a package active on the last day of the month, or on the
 * extract date in the extract's month), by Lot × area × funder, with every roll-up: a dimension rolled up is
 * `'ALL'`. Children are counted DISTINCT within each row, so a child with two packages counts once in a total —
 * which is why the totals are computed here, not summed in the browser. Counts only.
 *
 * How, in work proportional to packages rather than package-months (the month-by-package range join and a
 * `count(DISTINCT)` over every roll-up took 53 s at 1M referrals): the months in which a package counts are one
 * run of month indexes, `j_lo` (the first month whose cutoff is on or after the start) to `j_hi` (the last month
 * whose cutoff is on or before the end). For each roll-up (`g`, a bit per rolled-up dimension) and child, the
 * runs are sorted by start and each keeps only the months no earlier run of that child already covers, so a
 * child's pieces never overlap; then a +1 at each piece's first month and a −1 after its last, summed over the
 * months in order, is exactly the number of distinct children supported in each month.
 */
export const FORECAST_SUPPORTED_SQL = `
WITH calendar AS (${FORECAST_CALENDAR_SQL}),
cal AS (SELECT (row_number() OVER (ORDER BY month) - 1)::INTEGER AS j, month FROM calendar),
bounds AS (SELECT min(month_start) AS first_month, max(cutoff) AS last_cutoff, (count(*) - 1)::INTEGER AS last_j FROM calendar),
spans AS (
  SELECT p.child_id, p.lot_code, p.area_code, p.funder, b.last_j,
    greatest(${monthIndexSql("p.start_date")}, 0) + CASE WHEN p.start_date > b.last_cutoff THEN 1 ELSE 0 END AS j_lo,
    CASE
      WHEN p.end_date IS NULL OR ${monthIndexSql("p.end_date")} > b.last_j THEN b.last_j
      ELSE ${monthIndexSql("p.end_date")}
        - CASE WHEN p.end_date < least(last_day(p.end_date), b.last_cutoff) THEN 1 ELSE 0 END
    END AS j_hi
  FROM packages p CROSS JOIN bounds b
),
keyed AS (
  SELECT s.g, child_id, j_lo, j_hi, last_j,
    CASE WHEN s.g & 4 = 0 THEN lot_code ELSE 'ALL' END AS lot_code,
    CASE WHEN s.g & 2 = 0 THEN area_code ELSE 'ALL' END AS area_code,
    CASE WHEN s.g & 1 = 0 THEN funder ELSE 'ALL' END AS funder
  FROM spans CROSS JOIN (SELECT unnest(range(8)) AS g) s
  WHERE j_lo <= j_hi
),
pieces AS (
  SELECT g, lot_code, area_code, funder, j_hi, last_j,
    greatest(j_lo, coalesce(max(j_hi) OVER earlier + 1, j_lo)) AS j_from
  FROM keyed
  WINDOW earlier AS (
    PARTITION BY g, lot_code, area_code, funder, child_id ORDER BY j_lo, j_hi
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
  )
),
events AS (
  SELECT g, lot_code, area_code, funder, j_from AS j, 1 AS delta FROM pieces WHERE j_from <= j_hi
  UNION ALL
  SELECT g, lot_code, area_code, funder, j_hi + 1 AS j, -1 AS delta FROM pieces WHERE j_from <= j_hi AND j_hi < last_j
),
deltas AS (SELECT g, lot_code, area_code, funder, j, sum(delta) AS delta FROM events GROUP BY ALL),
groups AS (SELECT DISTINCT g, lot_code, area_code, funder FROM deltas),
counted AS (
  SELECT c.month, k.lot_code, k.area_code, k.funder,
    sum(coalesce(d.delta, 0)) OVER (
      PARTITION BY k.g, k.lot_code, k.area_code, k.funder ORDER BY c.j ROWS UNBOUNDED PRECEDING
    ) AS children
  FROM groups k
  CROSS JOIN cal c
  LEFT JOIN deltas d ON d.g = k.g AND d.lot_code = k.lot_code AND d.area_code = k.area_code
    AND d.funder = k.funder AND d.j = c.j
)
SELECT month, lot_code, area_code, funder, children::INTEGER AS children
FROM counted
WHERE children > 0
ORDER BY month, lot_code, area_code, funder`;
