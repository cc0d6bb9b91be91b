import {WAITING_LIST_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(WAITING_LIST_SQL);
