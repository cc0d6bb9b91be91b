import {NOT_PICKED_UP_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(NOT_PICKED_UP_SQL);
