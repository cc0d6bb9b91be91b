/**
 * Validation of a dataset folder into a DuckDB database: the native check decides, the reference validator
 * explains (see `./native.ts`). This is what the warehouse, `npm run validate` and the tests call.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../arrow/query-to-arrow.js";
import type {Row, Tables} from "../schema/rows.js";
import {SCHEMA, type TableName} from "../schema/tables.js";
import {referenceDataset} from "./dataset.js";
import {nativeCheck, publishStagedTables} from "./native.js";
import type {DatasetResult, FileReport, StepLog, ValidationIssue} from "./types.js";

/** Result of {@link validateInto}: the report and issues; `tablesLoaded` when the typed tables are in the database. */
export interface FolderValidation {
  report: FileReport[];
  issues: ValidationIssue[];
  /** True when the data was accepted and the typed tables (one per schema table) are in the database. */
  tablesLoaded: boolean;
  /** The reference validator's result, when it had to explain a problem. */
  reference?: DatasetResult;
}

/**
 * Validates the folder `dir` into `connection`. When no error is found, every schema table is created in the
 * database with the accepted rows, typed, in file order. Any error leaves `tablesLoaded` false. `log` receives each
 * step's time.
 *
 * @example
 * const {issues, tablesLoaded} = await validateInto(connection, "data/demo");
 */
export async function validateInto(
  connection: DuckDBConnection,
  dir: string,
  log: StepLog = () => {}
): Promise<FolderValidation> {
  const check = await nativeCheck(connection, dir, log);
  if (check.clean) {
    const published = performance.now();
    await publishStagedTables(connection);
    log("publish", (performance.now() - published) / 1000);
    return {report: check.report, issues: check.warnings, tablesLoaded: true};
  }
  const reference = await referenceDataset(dir);
  const hasError = reference.issues.some((issue) => issue.severity === "error");
  const rejected = reference.report.some((file) => file.rowsRejected > 0);
  if (hasError || rejected) return {report: reference.report, issues: reference.issues, tablesLoaded: false, reference};
  // Warnings only (or a file the native reader was unsure of but the reference accepts): the staged tables must
  // then hold exactly the rows the reference accepted.
  const counts = await publishStagedTables(connection);
  for (const spec of SCHEMA) {
    const file = reference.report.find((entry) => entry.file === spec.file);
    const loaded = counts.get(spec.name) ?? 0;
    if ((file?.rowsAccepted ?? 0) !== loaded) {
      const reason = check.flagged.find((entry) => entry.file === spec.file)?.reason ?? "no problem found";
      throw new Error(
        `${spec.file}: the reference validator accepted ${file?.rowsAccepted ?? 0} rows but DuckDB read ${loaded} (native check: ${reason})`
      );
    }
  }
  return {report: reference.report, issues: reference.issues, tablesLoaded: true, reference};
}

async function readTables(connection: DuckDBConnection): Promise<Tables> {
  const tables = {} as Record<TableName, Row[]>;
  for (const spec of SCHEMA) {
    tables[spec.name] = (await queryRows(connection, `SELECT * FROM "${spec.name}"`)) as Row[];
  }
  return tables as unknown as Tables;
}

function emptyTables(): Tables {
  return Object.fromEntries(SCHEMA.map((spec) => [spec.name, []])) as unknown as Tables;
}

/**
 * Validates a council dataset folder (every file, cross-file checks) in a scratch in-memory DuckDB: the report and
 * every issue, without the rows (so a folder of any size fits; `npm run validate` uses it).
 *
 * @example
 * const {report, issues} = await validateFolder("data/demo");
 */
export async function validateFolder(dir: string): Promise<Pick<DatasetResult, "report" | "issues">> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const {report, issues} = await validateInto(connection, dir);
    return {report, issues};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Validates a council dataset folder (every file, cross-file checks) in an in-memory DuckDB and returns the
 * accepted rows, typed, with the report and every issue. For small folders and tests: the build keeps the rows
 * in the warehouse file instead (`loaders/warehouse/`).
 *
 * @example
 * const {tables, report, issues} = await loadDataset("data/demo");
 */
export async function loadDataset(dir: string): Promise<DatasetResult> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const result = await validateInto(connection, dir);
    if (result.reference !== undefined) return result.reference;
    const tables = result.tablesLoaded ? await readTables(connection) : emptyTables();
    return {tables, report: result.report, issues: result.issues};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
