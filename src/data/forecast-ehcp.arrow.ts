import {FORECAST_EHCP_SQL} from "../../loaders/aggregates/forecast-ehcp.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(FORECAST_EHCP_SQL);
