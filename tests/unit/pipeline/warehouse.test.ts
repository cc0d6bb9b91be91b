import {cp, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
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

  test("refuses a folder with any rejected row, listing the problem", async () => {
    const dir = await copyMini();
    await setCell(dir, "packages.csv", 1, "end_date", "2019-01-01");
    const error = await prepareWarehouse(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as Error).message).toMatch(/packages\.csv row 2, column end_date/);
    expect((error as Error).message).toMatch(/packages\.csv: 2 rows read = 1 accepted \+ 1 rejected/);
  });
});
