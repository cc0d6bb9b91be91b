import {defaultReportSources, reportData} from "../../loaders/aggregates/report-data.js";
import {emitJson} from "../../loaders/emit.js";
import {repoRoot} from "../../loaders/paths.js";

await emitJson((query) => reportData(query, defaultReportSources(repoRoot)));
