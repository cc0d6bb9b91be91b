import {EXTRACT_DATE_TEXT_SQL, RESIDENTIAL_CONTEXT_SQL} from "../../loaders/aggregates/ageing-out.js";
import {northamptonshireAsAtMonth} from "../../loaders/aggregates/northamptonshire-cohort.js";
import {emitJson} from "../../loaders/emit.js";
import {repoRoot} from "../../loaders/paths.js";
import {loadPublished} from "../../loaders/published/index.js";

await emitJson(async (query) => {
  const [{extract_date: extractDate}] = await query(EXTRACT_DATE_TEXT_SQL);
  const {northamptonshire} = loadPublished(`${repoRoot}/data/published`);
  return {
    extractDate,
    extractMonth: String(extractDate).slice(0, 7),
    residentialUnits: await query(RESIDENTIAL_CONTEXT_SQL),
    northamptonshire: {
      asAtMonth: northamptonshireAsAtMonth(northamptonshire.turning18),
      printedTotal: northamptonshire.turning18PrintedTotal,
      rows: northamptonshire.turning18.map((row) => ({
        month: row.month,
        month_as_printed: row.monthAsPrinted,
        young_people: row.youngPeople,
        nights_per_month: row.nightsPerMonth,
        unit: row.unit,
        source: `${row.source.document}, ${row.source.table}`
      }))
    }
  };
});
