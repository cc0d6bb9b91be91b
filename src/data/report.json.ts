import {defaultReportSources, REPORT_DISCLOSURE, reportData} from "../../loaders/aggregates/report-data.js";
import {emitJson} from "../../loaders/emit.js";
import {repoRoot} from "../../loaders/paths.js";

await emitJson((query, {ledger}) => reportData(query, defaultReportSources(repoRoot), ledger), REPORT_DISCLOSURE);
