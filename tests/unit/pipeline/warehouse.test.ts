import {cp, mkdtemp, readFile, rm, stat, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {AGEING_OUT_HISTORY_SQL, AGEING_OUT_HISTORY_TABLE_SQL} from "../../../loaders/aggregates/ageing-out.js";
import {DataValidationError, openWarehouse, prepareWarehouse, warehouseKey} from "../../../loaders/warehouse/index.js";
import {MINI, setCell} from "../validate/helpers.js";

const dirs: string[] = [];
async function copyMini(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "warehouse-"));
  dirs.push(dir);
  await cp(MINI, dir, {recursive: true});
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, {recursive: true, force: true});
});

describe("the warehouse", () => {
  test("holds the validated tables, typed", async () => {
    const warehouse = await openWarehouse(MINI);
    const referrals = await queryRows(
      warehouse.connection,
      "SELECT referral_id, typeof(received_date) AS t, outcome FROM referrals ORDER BY referral_id"
    );
    const providers = await queryRows(
      warehouse.connection,
      "SELECT len(lots) AS n FROM providers ORDER BY provider_id"
    );
    warehouse.close();
    // the mini fixture has 3 referrals (tests/fixtures/validate/mini/referrals.csv)
    expect(referrals.map((row) => row.t)).toEqual(["DATE", "DATE", "DATE"]);
    expect(referrals.length).toBe(3);
    // provider P1 serves "L1;L2", P2 serves "L2"
    expect(providers.map((row) => row.n)).toEqual([2, 1]);
  });

  test("is keyed by the data: any change to a file gives a new key", async () => {
    const dir = await copyMini();
    const before = await warehouseKey(dir);
    expect(await warehouseKey(dir)).toBe(before);
    await setCell(dir, "budgets.csv", 1, "budget_gbp", "12345");
    expect(await warehouseKey(dir)).not.toBe(before);
  });

  test("is keyed by content: an edit that keeps the size and the modification time still gives a new key", async () => {
    const dir = await copyMini();
    const before = await warehouseKey(dir);
    const path = join(dir, "budgets.csv");
    const {size, atime, mtime} = await stat(path);
    const text = await readFile(path, "utf-8");
    // one digit for another: same length, then the old timestamps put back
    const edited = text.replace(/\d(?=\d*\r?\n?$)/, (digit) => String((Number(digit) + 1) % 10));
    expect(edited).not.toBe(text);
    await writeFile(path, edited);
    await utimes(path, atime, mtime);
    expect((await stat(path)).size).toBe(size);
    expect((await stat(path)).mtime.getTime()).toBe(mtime.getTime());
    expect(await warehouseKey(dir)).not.toBe(before);
  });

  test("stores the ageing-out history aggregate, row for row what its query gives", async () => {
    const warehouse = await openWarehouse(MINI);
    const stored = await queryRows(warehouse.connection, AGEING_OUT_HISTORY_TABLE_SQL);
    const computed = await queryRows(warehouse.connection, AGEING_OUT_HISTORY_SQL);
    warehouse.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(computed);
  });

  test("refuses a folder with any rejected row, listing the problem", async () => {
    const dir = await copyMini();
    await setCell(dir, "packages.csv", 1, "end_date", "2019-01-01");
    const error = await prepareWarehouse(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as Error).message).toMatch(/packages\.csv row 2, column end_date/);
    expect((error as Error).message).toMatch(/packages\.csv: 2 rows read = 1 accepted \+ 1 rejected/);
  });
});
