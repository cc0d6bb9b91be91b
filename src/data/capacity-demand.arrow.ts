import {CAPACITY_DEMAND_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(CAPACITY_DEMAND_SQL);
