/**
 * The build-time warehouse: a council's CSV folder, validated once, loaded into a native DuckDB database file
 * that every data loader queries. The file is keyed by a hash of the input files and of the pipeline's own code,
 * so a changed input or a changed rule always rebuilds it (DESIGN.md, fact 6), and an unchanged one is reused.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {availableParallelism, totalmem} from "node:os";
import {createHash} from "node:crypto";
import {createReadStream, existsSync} from "node:fs";
import {mkdir, readFile, readdir, rename, rm, writeFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {AGEING_OUT_HISTORY_SQL} from "../aggregates/ageing-out.js";
import {SCHEMA} from "../schema/tables.js";
import {formatIssue, formatReconciliation, formatSummary, validateInto} from "../validate/index.js";
import type {FileReport, StepLog, ValidationIssue} from "../validate/index.js";
import {cacheRoot, dataDir as defaultDataDir, repoRoot} from "../paths.js";

/** Raised when the data folder has errors: the build must stop. Its message lists every problem. */
export class DataValidationError extends Error {
  constructor(
    message: string,
    readonly issues: ValidationIssue[]
  ) {
    super(message);
    this.name = "DataValidationError";
  }
}

export interface WarehouseManifest {
  dataDir: string;
  key: string;
  report: FileReport[];
  issues: ValidationIssue[];
}

export interface Warehouse {
  connection: DuckDBConnection;
  manifest: WarehouseManifest;
  close(): void;
}

/**
 * DuckDB's memory limit: half the machine's RAM, and never more than 8 GiB. DuckDB's buffer pool otherwise grows
 * to 80% of RAM and keeps what earlier queries read (8 GiB at 1M referrals); with a limit and a temporary
 * directory, a large sort or join spills to disk instead of failing or starving the rest of the build.
 */
const MEMORY_LIMIT = `${Math.floor(Math.min(totalmem() * 0.5, 8 * 2 ** 30) / 2 ** 20)}MiB`;

let spills = 0;

/**
 * Where a DuckDB instance spills: a folder of its own in the cache folder (DuckDB names its temporary files the
 * same in every instance, and removes the folder it created when it closes, so instances must not share one).
 */
function spillDir(): string {
  return join(cacheRoot, `duckdb-spill-${process.pid}-${++spills}`);
}

/**
 * DuckDB settings for building the warehouse: every core (DuckDB's default, stated so it is not lost), the memory
 * limit above and a spill folder, and insertion order kept: the warehouse tables hold the rows in file order.
 */
function duckdbOptions(): Record<string, string> {
  return {
    threads: String(availableParallelism()),
    memory_limit: MEMORY_LIMIT,
    temp_directory: spillDir(),
    preserve_insertion_order: "true"
  };
}

const PIPELINE_DIRS = ["schema", "csv", "validate", "warehouse"].map((dir) => join(repoRoot, "loaders", dir));

/** Aggregates the warehouse stores (see {@link DERIVED_TABLES}), and so part of its key. */
const DERIVED_CODE = ["ageing-out.ts", "sql.ts"].map((file) => join(repoRoot, "loaders", "aggregates", file));

/**
 * Aggregates that several loaders read, computed once when the warehouse is built rather than by each loader:
 * table name → query over the validated tables.
 */
const DERIVED_TABLES: [string, string][] = [["ageing_out_history", AGEING_OUT_HISTORY_SQL]];

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, {recursive: true})).map((file) => join(dir, file)).sort();
}

/**
 * Hashes each file's name and whole content, streamed in 1 MiB chunks: a 10M-referral folder holds CSV files of
 * gigabytes, which must neither be read into memory at once nor be keyed by anything short of their content
 * (a changed file must always change the key; size and modification time can stay the same after an edit).
 */
async function hashFiles(hash: ReturnType<typeof createHash>, files: string[], base: string): Promise<void> {
  for (const file of files) {
    hash.update(relative(base, file)).update("\0");
    const hashed = await new Promise<boolean>((resolve, reject) => {
      const stream = createReadStream(file, {highWaterMark: 2 ** 20});
      stream.on("data", (chunk) => hash.update(chunk));
      stream.on("end", () => resolve(true));
      stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EISDIR" ? resolve(false) : reject(error)));
    });
    if (hashed) hash.update("\0");
  }
}

/** A hash of the data folder's CSV files and of the code that validates and loads them. */
export async function warehouseKey(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const csvFiles = (await readdir(dir)).filter((file) => file.toLowerCase().endsWith(".csv")).sort();
  await hashFiles(
    hash,
    csvFiles.map((file) => join(dir, file)),
    dir
  );
  for (const codeDir of PIPELINE_DIRS) await hashFiles(hash, await listFiles(codeDir), repoRoot);
  await hashFiles(hash, DERIVED_CODE, repoRoot);
  return hash.digest("hex").slice(0, 24);
}

function paths(key: string) {
  const dir = join(cacheRoot, "warehouse");
  return {dir, database: join(dir, `${key}.duckdb`), manifest: join(dir, `${key}.json`)};
}

/** Prints what a council's data officer needs: every problem, then rows read = accepted + rejected per file. */
export function describeValidation(manifest: WarehouseManifest): string {
  const lines = manifest.issues.map(formatIssue);
  lines.push(...manifest.report.map(formatReconciliation));
  lines.push(`${relative(repoRoot, manifest.dataDir) || manifest.dataDir}: ${formatSummary(manifest.issues)}`);
  return lines.join("\n");
}

function assertValid(manifest: WarehouseManifest): void {
  const errors = manifest.issues.filter((issue) => issue.severity === "error");
  const rejected = manifest.report.reduce((sum, file) => sum + file.rowsRejected, 0);
  if (errors.length > 0 || rejected > 0) {
    throw new DataValidationError(
      `invalid data in ${manifest.dataDir}: ${errors.length} errors, ${rejected} rows rejected\n${describeValidation(manifest)}`,
      manifest.issues
    );
  }
}

/**
 * Validates the data folder and builds its warehouse file if it is not cached yet. Throws
 * {@link DataValidationError} naming every problem if any row or file is rejected. `log` receives the time of each
 * step (hashing the folder, staging each file, the rules, publishing, each derived table, the checkpoint).
 *
 * @example
 * const manifest = await prepareWarehouse("data/demo");
 */
export async function prepareWarehouse(
  dir: string = defaultDataDir(),
  log: StepLog = () => {}
): Promise<WarehouseManifest> {
  if (!existsSync(dir)) throw new DataValidationError(`data folder not found: ${dir}`, []);
  let started = performance.now();
  const lap = (step: string) => {
    log(step, (performance.now() - started) / 1000);
    started = performance.now();
  };
  const key = await warehouseKey(dir);
  lap("hash");
  const target = paths(key);
  if (existsSync(target.database) && existsSync(target.manifest)) {
    const manifest = JSON.parse(await readFile(target.manifest, "utf-8")) as WarehouseManifest;
    assertValid(manifest);
    return manifest;
  }
  await mkdir(target.dir, {recursive: true});
  const temp = `${target.database}.${process.pid}.tmp`;
  await rm(temp, {force: true});
  const instance = await DuckDBInstance.create(temp, duckdbOptions());
  const connection = await instance.connect();
  let manifest: WarehouseManifest;
  try {
    // DuckDB reads, checks and loads every file natively (loaders/validate/native.ts); only a folder with a
    // problem is read again by the reference validator, to explain it.
    const {report, issues, tablesLoaded} = await validateInto(connection, dir, log);
    started = performance.now();
    manifest = {dataDir: dir, key, report, issues};
    if (tablesLoaded) {
      await checkRowCounts(connection, report);
      for (const [name, sql] of DERIVED_TABLES) {
        await connection.run(`CREATE TABLE ${name} AS ${sql}`);
        lap(`derive ${name}`);
      }
      await connection.run("CHECKPOINT");
      lap("checkpoint");
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  try {
    assertValid(manifest);
  } catch (error) {
    await rm(temp, {force: true});
    throw error;
  }
  await rename(temp, target.database);
  await writeFile(target.manifest, JSON.stringify(manifest, null, 2));
  return manifest;
}

/** DuckDB must hold exactly the rows the validator accepted: nothing lost, nothing added. */
async function checkRowCounts(connection: DuckDBConnection, report: FileReport[]): Promise<void> {
  for (const spec of SCHEMA) {
    const file = report.find((entry) => entry.file === spec.file);
    if (file === undefined) continue;
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${spec.name}"`);
    const loaded = Number(reader.getRowObjects()[0].n);
    if (loaded !== file.rowsAccepted) {
      throw new Error(`${spec.file}: ${file.rowsAccepted} rows accepted but ${loaded} loaded into the warehouse`);
    }
  }
}

const shared = new Map<string, Promise<{instance: DuckDBInstance; manifest: WarehouseManifest}>>();
let sharing = false;

/**
 * From now on, {@link openWarehouse} in this process validates each data folder once and keeps one read-only
 * DuckDB instance of its warehouse open, giving each caller a connection of its own: the build runs every data
 * loader in one process, and each would otherwise hash the data folder and open the database again.
 * {@link closeSharedWarehouses} ends it.
 *
 * @example
 * shareWarehouses(); // ... run the loaders ...
 * closeSharedWarehouses();
 */
export function shareWarehouses(): void {
  sharing = true;
}

/** Closes the instances kept by {@link shareWarehouses} and stops sharing. */
export async function closeSharedWarehouses(): Promise<void> {
  sharing = false;
  const entries = [...shared.values()];
  shared.clear();
  for (const entry of entries) {
    const opened = await entry.catch(() => null);
    opened?.instance.closeSync();
  }
}

async function openReadOnly(dir: string): Promise<{instance: DuckDBInstance; manifest: WarehouseManifest}> {
  const manifest = await prepareWarehouse(dir);
  // Loaders only read; their results are ordered by their own ORDER BY, so insertion order need not be kept (it
  // costs memory in large sorts and aggregates).
  const instance = await DuckDBInstance.create(paths(manifest.key).database, {
    ...duckdbOptions(),
    access_mode: "READ_ONLY",
    preserve_insertion_order: "false"
  });
  return {instance, manifest};
}

/**
 * Opens the warehouse of a data folder (building it first if needed), read-only, for a loader to query.
 *
 * @example
 * const warehouse = await openWarehouse();
 * const rows = (await warehouse.connection.runAndReadAll("SELECT count(*) FROM referrals")).getRowObjects();
 * warehouse.close();
 */
export async function openWarehouse(dir: string = defaultDataDir()): Promise<Warehouse> {
  if (sharing) {
    let entry = shared.get(dir);
    if (entry === undefined) {
      entry = openReadOnly(dir);
      shared.set(dir, entry);
    }
    const {instance, manifest} = await entry;
    const connection = await instance.connect();
    return {connection, manifest, close: () => connection.closeSync()};
  }
  const {instance, manifest} = await openReadOnly(dir);
  const connection = await instance.connect();
  return {
    connection,
    manifest,
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
