import {RESIDENTIAL_WEEKLY_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(RESIDENTIAL_WEEKLY_SQL);
