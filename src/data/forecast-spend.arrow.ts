import {FORECAST_SPEND_SQL} from "../../loaders/aggregates/forecast-spend.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(FORECAST_SPEND_SQL);
