/**
 * Public API of the validation layer (called by the build pipeline and the `npm run validate` CLI).
 *
 * @example
 * import {loadDataset, formatIssue} from "../validate/index.js";
 * const {issues} = await loadDataset("data/demo");
 * issues.map(formatIssue).forEach((line) => console.log(line));
 */
export type {DatasetResult, FileReport, StepLog, ValidationIssue} from "./types.js";
export type {Row, RowOf, Tables} from "../schema/rows.js";
export type {TableName} from "../schema/tables.js";
export {referenceDataset, crossCheck, checkTableFile} from "./dataset.js";
export {loadDataset, validateFolder, validateInto, type FolderValidation} from "./folder.js";
export {nativeCheck, publishStagedTables, type NativeCheck} from "./native.js";
export {checkTable} from "./table.js";
export {formatIssue, formatReconciliation, formatSummary} from "./format.js";
