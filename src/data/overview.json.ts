import {overviewData} from "../../loaders/aggregates/overview.js";
import {emitJson} from "../../loaders/emit.js";

await emitJson((query) => overviewData(query));
