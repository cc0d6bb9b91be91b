/**
 * The one thing a data loader shim in `src/data/` does: open the warehouse, run one query, and write the
 * result to stdout. A validation error ends the process with exit 1, which fails the build.
 */
import {queryRows, queryToArrow, writeStdout} from "./arrow/query-to-arrow.js";
import {DataValidationError, openWarehouse} from "./warehouse/index.js";

async function withWarehouse(run: (warehouse: Awaited<ReturnType<typeof openWarehouse>>) => Promise<void>) {
  try {
    const warehouse = await openWarehouse();
    try {
      await run(warehouse);
    } finally {
      warehouse.close();
    }
  } catch (error) {
    console.error(error instanceof DataValidationError ? error.message : error);
    process.exitCode = 1; // not process.exit(): it would drop stderr still queued for a pipe
  }
}

/**
 * Writes the result of `sql` as an Arrow IPC stream.
 *
 * @example
 * await emitArrow("SELECT lot_code, count(*) AS n FROM referrals GROUP BY ALL ORDER BY 1");
 */
export async function emitArrow(sql: string): Promise<void> {
  await withWarehouse(async ({connection}) => writeStdout(await queryToArrow(connection, sql)));
}

/**
 * Writes JSON computed from the warehouse (for small outputs), with stable formatting.
 *
 * @example
 * await emitJson(async (query) => ({rows: await query("SELECT 1 AS n")}));
 */
export async function emitJson(
  build: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<unknown>
): Promise<void> {
  await withWarehouse(async ({connection}) => {
    const value = await build((sql) => queryRows(connection, sql));
    await writeStdout(`${JSON.stringify(value, null, 1)}\n`);
  });
}
