import {FORECAST_REFERRALS_SQL} from "../../loaders/aggregates/forecast-referrals.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(FORECAST_REFERRALS_SQL);
