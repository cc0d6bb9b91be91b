/**
 * EHC needs assessment requests, assessments completed and plans issued per month × area (`ehcp_activity.csv` is
 * already an aggregate), for the trend-forecast notebook.
 */
export const FORECAST_EHCP_SQL = `
SELECT
  e.month,
  e.area_code,
  a.area_name,
  e.requests_received::INTEGER AS requests,
  e.assessments_completed::INTEGER AS assessments,
  e.plans_issued::INTEGER AS plans
FROM ehcp_activity e
JOIN areas a ON a.area_code = e.area_code
ORDER BY e.month, e.area_code`;
