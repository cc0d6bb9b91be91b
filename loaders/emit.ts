/**
 * The one thing a data loader shim in `src/data/` does: open the warehouse, run one query, and write the
 * result to stdout. A validation error ends the process with exit 1, which fails the build.
 *
 * In the public build (`PUBLIC_BUILD=1`, set by scripts/build-public.ts) it is safe by default: a loader that does
 * not declare its disclosure metadata is refused, Arrow rows pass through disclosure control here (suppressed
 * figures become null with a `<column>_status` of `c`), JSON values must already be suppressed by their aggregate
 * (any count of 1 to 5 is refused), and both carry their declaration for the scan of the output. One ledger file
 * (`DISCLOSURE_LEDGER`) is shared by every loader of the build, so a figure is suppressed the same way everywhere.
 */
import {relative} from "node:path";
import {queryRows, queryToArrow, writeStdout} from "./arrow/query-to-arrow.js";
import {SuppressionLedger, type DisclosureDeclaration} from "./disclosure/index.js";
import {repoRoot} from "./paths.js";
import {isPublicBuild, publicArrow, publicJson, type ArrowDisclosure} from "./public/emit-public.js";
import {loadLedger, saveLedger} from "./public/ledger-file.js";
import {DataValidationError, openWarehouse} from "./warehouse/index.js";

export type {ArrowDisclosure} from "./public/emit-public.js";
export type {DisclosureDeclaration} from "./disclosure/index.js";

/** What a JSON loader's builder receives besides `query`: the release's suppression ledger. */
export interface EmitContext {
  /** Record every suppressed table in it (`applyToRows(rows, spec, {ledger})`). */
  ledger: SuppressionLedger;
}

async function withWarehouse(run: (warehouse: Awaited<ReturnType<typeof openWarehouse>>) => Promise<void>) {
  try {
    const warehouse = await openWarehouse();
    try {
      await run(warehouse);
    } finally {
      warehouse.close();
    }
  } catch (error) {
    console.error(error instanceof DataValidationError || isPublicBuild() ? (error as Error).message : error);
    process.exitCode = 1; // not process.exit(): it would drop stderr still queued for a pipe
  }
}

/** The running loader, as the error messages name it (e.g. `src/data/report.json.ts`). */
function loaderName(): string {
  return process.argv[1] ? relative(repoRoot, process.argv[1]).replace(/\\/g, "/") : "this loader";
}

function undeclared(kind: string): Error {
  return new Error(
    `public build refused ${loaderName()}: it declares no disclosure metadata (pass ${kind}'s second argument: ` +
      "which columns count children, which are derived, which are spend)"
  );
}

/**
 * Writes the result of `sql` as an Arrow IPC stream. In the public build `disclosure` is required: the rows are
 * suppressed with its table spec before they are written.
 *
 * @example
 * await emitArrow("SELECT lot_code, count(*) AS referrals FROM referrals GROUP BY ALL ORDER BY 1",
 *   {table: {dimensions: ["lot_code"], measures: ["referrals"]}});
 */
export async function emitArrow(sql: string, disclosure?: ArrowDisclosure): Promise<void> {
  await withWarehouse(async ({connection}) => {
    if (!isPublicBuild()) return writeStdout(await queryToArrow(connection, sql));
    if (disclosure === undefined) throw undeclared("emitArrow");
    const ledger = await loadLedger(process.env.DISCLOSURE_LEDGER);
    const bytes = publicArrow(await queryRows(connection, sql), disclosure, ledger, loaderName());
    await saveLedger(process.env.DISCLOSURE_LEDGER, ledger);
    await writeStdout(bytes);
  });
}

/**
 * Writes JSON computed from the warehouse (for small outputs), with stable formatting. In the public build
 * `disclosure` is required, the value must be an object, and every declared count must already be suppressed
 * (the builder applies disclosure control with `context.ledger`).
 *
 * @example
 * await emitJson(async (query) => ({rows: await query("SELECT 1 AS n")}));
 */
export async function emitJson(
  build: (query: (sql: string) => Promise<Record<string, unknown>[]>, context: EmitContext) => Promise<unknown>,
  disclosure?: DisclosureDeclaration
): Promise<void> {
  await withWarehouse(async ({connection}) => {
    const query = (sql: string) => queryRows(connection, sql);
    if (!isPublicBuild()) {
      const value = await build(query, {ledger: new SuppressionLedger()});
      return writeStdout(`${JSON.stringify(value, null, 1)}\n`);
    }
    if (disclosure === undefined) throw undeclared("emitJson");
    const ledger = await loadLedger(process.env.DISCLOSURE_LEDGER);
    const text = publicJson(await build(query, {ledger}), disclosure, loaderName());
    await saveLedger(process.env.DISCLOSURE_LEDGER, ledger);
    await writeStdout(text);
  });
}
