/**
 * `npm run validate -- <folder or file>`: validate a council dataset folder (every file, cross-file
 * checks) or one file (a dataset table recognised by its file name, or a DfE EES file recognised by its
 * header). Prints every issue, one reconciliation line per file, then `N errors, M warnings`.
 * Exit code 1 if there is any error, 0 otherwise. With no argument it validates `$DATA_DIR` or `data/demo`.
 *
 * @example
 * // npm run validate -- tests/fixtures/validate/mini
 */
import {readFile, stat} from "node:fs/promises";
import {basename} from "node:path";
import {decodeUtf8} from "../csv/decode.js";
import {readCsvRecords} from "../csv/parse.js";
import {checkEes, isEesHeader} from "../dfe/ees.js";
import {tableSpec} from "../schema/tables.js";
import {validateFolder} from "../validate/folder.js";
import {formatIssue, formatReconciliation, formatSummary} from "../validate/format.js";
import {checkTable} from "../validate/table.js";
import type {FileReport, ValidationIssue} from "../validate/types.js";

async function validateFile(path: string): Promise<{issues: ValidationIssue[]; report: FileReport[]; note?: string}> {
  const file = basename(path);
  const bytes = await readFile(path);
  const spec = tableSpec(file);
  if (spec !== undefined) {
    // a single file has no parents to check against: only its own rules run
    const check = checkTable(spec, file, bytes);
    return {
      issues: check.issues,
      report: [check.report],
      note: `${file}: foreign keys not checked (validate the folder for cross-file checks)`
    };
  }
  const first = readCsvRecords(decodeUtf8(bytes).text).next();
  if (first.done !== true && isEesHeader(first.value.fields)) {
    const ees = checkEes(bytes, file);
    return {issues: ees.issues, report: [ees.report]};
  }
  return {
    issues: [
      {
        file,
        row: null,
        column: null,
        rule: "unknown-file",
        message:
          "not a dataset file name nor a DfE EES file (no time_period, time_identifier, geographic_level header)",
        severity: "error"
      }
    ],
    report: []
  };
}

async function main(): Promise<number> {
  const target = process.argv[2] || process.env.DATA_DIR || "data/demo";
  let info;
  try {
    info = await stat(target);
  } catch {
    console.error(`cannot read ${target}: no such file or folder`);
    return 1;
  }
  const result = info.isDirectory() ? await validateFolder(target) : await validateFile(target);
  for (const issue of result.issues) console.log(formatIssue(issue));
  for (const r of result.report) console.log(formatReconciliation(r));
  if ("note" in result && result.note !== undefined) console.log(result.note);
  console.log(formatSummary(result.issues));
  return result.issues.some((i) => i.severity === "error") ? 1 : 0;
}

process.exitCode = await main();
