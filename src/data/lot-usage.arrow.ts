import {LOT_USAGE_SQL} from "../../loaders/aggregates/lot-usage.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(LOT_USAGE_SQL);
