import {ALLOCATIONS_SQL} from "../../loaders/aggregates/lot-usage.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(ALLOCATIONS_SQL);
