import {DEMAND_EHCP_SQL} from "../../loaders/aggregates/demand.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(DEMAND_EHCP_SQL);
