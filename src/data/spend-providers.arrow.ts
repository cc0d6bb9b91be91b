import {SPEND_PROVIDERS_SQL} from "../../loaders/aggregates/spend.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(SPEND_PROVIDERS_SQL);
