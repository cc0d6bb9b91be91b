/**
 * Every bad-input class, introduced into a copy of the demo county, must fail `npm run build` (not only
 * `npm run validate`) with the file, row and column named. The build validates before any loader runs, so each
 * case stops within seconds.
 */
import {spawnSync} from "node:child_process";
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {REPO_ROOT, readTable, setCell, writeTable} from "../validate/helpers.js";

const DEMO = join(REPO_ROOT, "data", "demo");
const dirs: string[] = [];

async function copyDemo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "demo-broken-"));
  dirs.push(dir);
  await cp(DEMO, dir, {recursive: true});
  return dir;
}

function build(dataDir: string, command: "build" | "validate") {
  const script = command === "build" ? ["scripts/build.ts"] : ["loaders/cli/validate.ts", dataDir];
  const result = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "tsx"), script, {
    cwd: REPO_ROOT,
    env: {...process.env, DATA_DIR: dataDir, OUTPUT_DIR: join(dataDir, "dist")},
    encoding: "utf-8",
    maxBuffer: 256 * 1024 * 1024
  });
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`};
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, {recursive: true, force: true});
});

const cases: {name: string; breakIt: (dir: string) => Promise<void>; expected: RegExp}[] = [
  {
    name: "an impossible date",
    breakIt: (dir) => setCell(dir, "referrals.csv", 3, "received_date", "2024-02-30"),
    expected: /referrals\.csv row 4, column received_date: .*2024-02-30/
  },
  {
    name: "a number written with a thousands separator",
    breakIt: (dir) => setCell(dir, "budgets.csv", 2, "budget_gbp", "1,234"),
    expected: /budgets\.csv row 3, column budget_gbp/
  },
  {
    name: "an unknown Lot",
    breakIt: (dir) => setCell(dir, "packages.csv", 5, "lot_code", "LOT9"),
    expected: /packages\.csv row 6, column lot_code/
  },
  {
    name: "a personal column",
    breakIt: async (dir) => {
      const rows = await readTable(dir, "children.csv");
      await writeTable(
        dir,
        "children.csv",
        rows.map((row, index) => [...row, index === 0 ? "postcode" : "AB1 2CD"])
      );
    },
    expected: /children\.csv row 1, column postcode/
  },
  {
    name: "a header-only required file",
    breakIt: async (dir) => {
      const header = (await readFile(join(dir, "lots.csv"), "utf-8")).split("\n")[0];
      await writeFile(join(dir, "lots.csv"), `${header}\n`);
    },
    expected: /lots\.csv.*0 data rows/
  }
];

describe.each(cases)("$name", ({breakIt, expected}) => {
  test("fails npm run validate and npm run build, naming file, row and column", async () => {
    const dir = await copyDemo();
    await breakIt(dir);
    const validate = build(dir, "validate");
    expect(validate.status).toBe(1);
    expect(validate.output).toMatch(expected);
    const built = build(dir, "build");
    expect(built.status).toBe(1);
    expect(built.output).toMatch(expected);
    expect(built.output).toMatch(/rows read = .* accepted \+ [1-9]\d* rejected|0 data rows/);
  }, 300_000); // two child processes, each checking the folder natively and then explaining it
});
