-- The group-by compared with Arquero: referrals and placements per month x area x Lot, excluding withdrawn ones.
-- Reads `referrals_js` (month_index integer, area_code, lot_code, outcome), the same columns Arquero gets.
SELECT month_index, area_code, lot_code, count(*) AS referrals, count(*) FILTER (WHERE outcome = 'placed') AS placed
FROM referrals_js
WHERE outcome <> 'withdrawn'
GROUP BY ALL
ORDER BY month_index, area_code, lot_code
