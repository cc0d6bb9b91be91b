import {emitArrow} from "../emit.js";
import {openWarehouse} from "../warehouse/index.js";
import {ageingOutSurvivalScript} from "./ageing-out.js";

/**
 * Writes the survival table (`ageingOutSurvivalScript`) as Arrow, then gives the warehouse's DuckDB instance
 * back the thread count it had: the build runs every loader on one shared instance (scripts/build.ts), and the
 * loaders after this one must not be left on one thread.
 *
 * @example
 * await emitAgeingOutSurvival();
 */
export async function emitAgeingOutSurvival(): Promise<void> {
  const threadsSql = "SELECT current_setting('threads')::INTEGER AS threads";
  const before = await openWarehouse();
  const threads = Number((await before.connection.runAndReadAll(threadsSql)).getRows()[0][0]);
  before.close();
  try {
    await emitArrow(ageingOutSurvivalScript());
  } finally {
    const after = await openWarehouse();
    await after.connection.run(`SET threads = ${threads}`);
    after.close();
  }
}
