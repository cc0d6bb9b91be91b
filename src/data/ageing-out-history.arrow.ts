import {AGEING_OUT_HISTORY_TABLE_SQL} from "../../loaders/aggregates/ageing-out.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(AGEING_OUT_HISTORY_TABLE_SQL);
