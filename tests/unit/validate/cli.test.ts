import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {MINI, REPO_ROOT, copyMini, removeDir, setCell} from "./helpers.js";

const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");
const CLI = join(REPO_ROOT, "loaders/cli/validate.ts");

function run(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(TSX, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: {...process.env, DATA_DIR: ""}
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe("npm run validate (loaders/cli/validate.ts)", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await copyMini();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it("exits 0 on the valid mini dataset and prints reconciliation and summary", () => {
    const {status, stdout} = run(MINI);
    expect(status).toBe(0);
    expect(stdout).toContain("referrals.csv: 3 rows read = 3 accepted + 0 rejected");
    expect(stdout.trim().split("\n").at(-1)).toBe("0 errors, 0 warnings");
  });

  it("exits 1 naming file, row and column, and never prints a personal value", async () => {
    await setCell(dir, "referrals.csv", 1, "received_date", "2024-02-30");
    await setCell(dir, "children.csv", 2, "birth_month", "2015-11-23");
    const {status, stdout} = run(dir);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'referrals.csv row 2, column received_date: invalid date "2024-02-30": no such day in the calendar (rule: iso-date)'
    );
    expect(stdout).toContain(
      "children.csv row 3, column birth_month: a full date was given where a month YYYY-MM is expected (value withheld)"
    );
    expect(stdout).not.toContain("2015-11");
    // R1 has the bad date; child C002 is rejected so its referral R2 cascades, and R1's package K1 too
    expect(stdout).toContain("referrals.csv: 3 rows read = 1 accepted + 2 rejected");
    expect(stdout).toContain("packages.csv: 2 rows read = 1 accepted + 1 rejected");
    expect(stdout.trim().split("\n").at(-1)).toBe("4 errors, 0 warnings");
  });

  it("validates a single dataset file by its name", async () => {
    await setCell(dir, "budgets.csv", 1, "budget_gbp", "£250,000");
    const {status, stdout} = run(join(dir, "budgets.csv"));
    expect(status).toBe(1);
    expect(stdout).toContain(
      'budgets.csv row 2, column budget_gbp: invalid amount "£250,000": write pounds as a plain decimal without £ or commas (250000) (rule: money)'
    );
    expect(stdout).toContain("foreign keys not checked");
    expect(stdout).toContain("1 error, 0 warnings");
  });

  const sen2 = join(REPO_ROOT, "../shared/data/sen2_mi_2014_2022.csv");
  it.skipIf(!existsSync(sen2))("recognises a DfE EES file by its header and passes the real SEN2 file", () => {
    const {status, stdout} = run(sen2);
    expect(status).toBe(0);
    expect(stdout).toContain("sen2_mi_2014_2022.csv: 1456 rows read = 1456 accepted + 0 rejected");
  });

  it("exits 1 for a missing path", () => {
    expect(run(join(dir, "nope")).status).toBe(1);
  });
});
