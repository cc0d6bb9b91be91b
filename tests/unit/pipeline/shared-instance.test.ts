import {totalmem} from "node:os";
import {afterEach, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {emitAgeingOutSurvival} from "../../../loaders/aggregates/ageing-out-survival.js";
import {closeSharedWarehouses, openWarehouse, shareWarehouses} from "../../../loaders/warehouse/index.js";

const SETTINGS_SQL = `SELECT name, value FROM duckdb_settings()
  WHERE name IN ('threads', 'memory_limit', 'temp_directory', 'preserve_insertion_order') ORDER BY name`;

async function settings(): Promise<Record<string, string>> {
  const warehouse = await openWarehouse("data/demo");
  const rows = await queryRows(warehouse.connection, SETTINGS_SQL);
  warehouse.close();
  return Object.fromEntries(rows.map((row) => [row.name as string, row.value as string]));
}

/** DuckDB prints the memory limit as e.g. `8.0 GiB` or `512.0 MiB`. */
function bytes(text: string): number {
  const match = /^([\d.]+) (KiB|MiB|GiB)$/.exec(text);
  if (match === null) throw new Error(`unexpected memory_limit: ${text}`);
  return Number(match[1]) * 2 ** {KiB: 10, MiB: 20, GiB: 30}[match[2] as "KiB" | "MiB" | "GiB"];
}

afterEach(closeSharedWarehouses);

describe("the loaders' shared DuckDB instance", () => {
  test("is capped at half the RAM and 8 GiB, spills to the cache folder, keeps no insertion order", async () => {
    shareWarehouses();
    const values = await settings();
    // half of this machine's RAM, never above 8 GiB (DuckDB rounds the printed value to a tenth)
    const limit = Math.min(totalmem() / 2, 8 * 2 ** 30);
    expect(Math.abs(bytes(values.memory_limit) - limit)).toBeLessThan(0.06 * 2 ** 30);
    expect(values.temp_directory).toMatch(/[/\\]\.tmp[/\\]duckdb-spill-\d+-\d+$/);
    expect(values.preserve_insertion_order).toBe("false");
  });

  test("keeps its thread count after the ageing-out survival loader, which runs on one thread", async () => {
    shareWarehouses();
    const before = (await settings()).threads;
    const chunks: Buffer[] = [];
    const write = process.stdout.write.bind(process.stdout);
    // captured as scripts/build.ts captures a loader's output: the write's callback must still be called
    process.stdout.write = (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      chunks.push(Buffer.from(chunk));
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") queueMicrotask(() => (done as () => void)());
      return true;
    };
    try {
      await emitAgeingOutSurvival();
    } finally {
      process.stdout.write = write;
    }
    // an Arrow IPC stream starts with the continuation marker 0xFFFFFFFF
    expect(Buffer.concat(chunks).readUInt32LE(0)).toBe(0xffffffff);
    expect((await settings()).threads).toBe(before);
  });
});
