import {HOURS_COMMISSIONED_SQL} from "../../loaders/aggregates/capacity.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(HOURS_COMMISSIONED_SQL);
