/**
 * SVG/HTML file snapshots under tests/output/, as Observable Plot's own tests do. A missing snapshot is written
 * on a developer's machine and is a failure in CI; `UPDATE_SNAPSHOTS=1` rewrites them after an intended change.
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {expect} from "vitest";

export const outputDir = join(import.meta.dirname, "..", "output");

/** A fresh server-side document for Plot's `document` option. */
export function createDocument(): Document {
  return new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;
}

/** Serialises a rendered chart deterministically: one element per line is enough for readable diffs. */
export function serialise(node: Element): string {
  return `${node.outerHTML.replace(/></g, ">\n<")}\n`;
}

export async function expectSnapshot(node: Element, name: string): Promise<void> {
  const path = join(outputDir, name);
  const actual = serialise(node);
  if (process.env.UPDATE_SNAPSHOTS || (!existsSync(path) && !process.env.CI)) {
    await mkdir(outputDir, {recursive: true});
    await writeFile(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing snapshot ${name}: run the tests locally and commit tests/output/`);
  expect(actual).toBe(await readFile(path, "utf-8"));
}
