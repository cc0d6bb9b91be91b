import {ageingOutSurvivalScript} from "../../loaders/aggregates/ageing-out.js";
import {emitArrow} from "../../loaders/emit.js";

await emitArrow(ageingOutSurvivalScript());
