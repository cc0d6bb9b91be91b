import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {readCsvRecords} from "../../../loaders/csv/parse.js";
import type {DatasetResult} from "../../../loaders/validate/types.js";

/** The valid mini dataset every test starts from. */
export const MINI = resolve(import.meta.dirname, "../../fixtures/validate/mini");

/** Repository root (tests resolve shared data relative to it, never absolutely). */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** Copy the mini dataset to a fresh temporary folder. */
export async function copyMini(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "validate-"));
  await cp(MINI, dir, {recursive: true});
  return dir;
}

/** Remove a temporary folder made by {@link copyMini}. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true});
}

function serialise(fields: string[]): string {
  return fields.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
}

/** Read a CSV of the copy as header + records. */
export async function readTable(dir: string, file: string): Promise<string[][]> {
  return [...readCsvRecords(await readFile(join(dir, file), "utf8"))].map((r) => r.fields);
}

/** Write records back as CSV (LF line ends, RFC 4180 quoting). */
export async function writeTable(dir: string, file: string, rows: string[][]): Promise<void> {
  await writeFile(join(dir, file), rows.map(serialise).join("\n") + "\n");
}

/** Set one cell: `dataRow` counts data rows from 1 (file row = dataRow + 1 in these fixtures). */
export async function setCell(
  dir: string,
  file: string,
  dataRow: number,
  column: string,
  value: string
): Promise<void> {
  const rows = await readTable(dir, file);
  const index = rows[0].indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${file}`);
  rows[dataRow][index] = value;
  await writeTable(dir, file, rows);
}

/** The errors of a result as `file|row|column|rule` strings, in order. */
export function errorKeys(result: Pick<DatasetResult, "issues">): string[] {
  return result.issues
    .filter((i) => i.severity === "error")
    .map((i) => `${i.file}|${i.row ?? "-"}|${i.column ?? "-"}|${i.rule}`);
}
