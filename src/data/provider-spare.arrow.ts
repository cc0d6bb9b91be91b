import {PROVIDER_SPARE_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(PROVIDER_SPARE_SQL);
