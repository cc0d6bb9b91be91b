import {FORECAST_SUPPORTED_SQL} from "../../loaders/aggregates/forecast-supported.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(FORECAST_SUPPORTED_SQL);
