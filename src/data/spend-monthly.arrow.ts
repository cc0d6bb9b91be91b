import {SPEND_MONTHLY_SQL} from "../../loaders/aggregates/spend.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(SPEND_MONTHLY_SQL);
