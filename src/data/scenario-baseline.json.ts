import {scenarioBaseline} from "../../loaders/aggregates/scenario-baseline.js";
import {emitJson} from "../../loaders/emit.js";

await emitJson(scenarioBaseline);
