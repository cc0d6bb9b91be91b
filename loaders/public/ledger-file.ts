/**
 * The release's suppression ledger on disk. Each loader runs in its own process, so the public build passes one
 * ledger file (`DISCLOSURE_LEDGER`) from loader to loader: a figure hidden by one artifact is hidden by every later
 * one, and a figure one artifact published is locked so no later artifact hides it. The file holds true values and
 * stays in `.tmp/` (never published).
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {dirname} from "node:path";
import {SuppressionLedger, type LedgerEntry} from "../disclosure/index.js";

/**
 * The ledger at `path` (an empty one if the file does not exist yet, or if `path` is undefined).
 *
 * @example
 * const ledger = await loadLedger(process.env.DISCLOSURE_LEDGER);
 */
export async function loadLedger(path: string | undefined): Promise<SuppressionLedger> {
  if (path === undefined || path === "" || !existsSync(path)) return new SuppressionLedger();
  const entries = JSON.parse(await readFile(path, "utf-8")) as [string, LedgerEntry][];
  if (!Array.isArray(entries)) throw new Error(`invalid ledger file ${path}: not a list`);
  return SuppressionLedger.fromJSON(entries);
}

/**
 * Locks the figures this artifact released and writes the ledger to `path` (atomically; nothing if undefined).
 *
 * @example
 * await saveLedger(process.env.DISCLOSURE_LEDGER, ledger);
 */
export async function saveLedger(path: string | undefined, ledger: SuppressionLedger): Promise<void> {
  ledger.lockReleased();
  if (path === undefined || path === "") return;
  await mkdir(dirname(path), {recursive: true});
  await writeFile(`${path}.${process.pid}`, `${JSON.stringify(ledger)}\n`);
  await rename(`${path}.${process.pid}`, path);
}
