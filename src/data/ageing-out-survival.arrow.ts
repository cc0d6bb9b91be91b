import {emitAgeingOutSurvival} from "../../loaders/aggregates/ageing-out.js";

await emitAgeingOutSurvival();
