import {emitAgeingOutSurvival} from "../../loaders/aggregates/ageing-out-survival.js";

await emitAgeingOutSurvival();
