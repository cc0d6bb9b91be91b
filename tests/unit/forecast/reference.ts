import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {repoRoot} from "../../../loaders/paths.js";

/** Folder of the committed R / statsmodels reference outputs (tests/fixtures/reference/README.md). */
export const REFERENCE_DIR = join(repoRoot, "tests", "fixtures", "reference");

/**
 * Reads one committed reference JSON file. R's jsonlite writes NA as the string "NA"; it becomes NaN.
 * @example
 * const ets = loadReference<{cases: unknown[]}>("ets.json");
 */
export function loadReference<T>(file: string): T {
  const text = readFileSync(join(REFERENCE_DIR, file), "utf8");
  return JSON.parse(text, (_, v: unknown) => (v === "NA" ? NaN : v)) as T;
}

/** Agreement required with the references: 1e-4 absolute (issue #5); the engine agrees to ~1e-10. */
export const TOLERANCE = 1e-4;

/**
 * Asserts two arrays agree element-wise to TOLERANCE (NaN must meet NaN), naming the first mismatch.
 * @example
 * expectClose([1, NaN], [1.00001, NaN], "fitted");
 */
export function expectClose(actual: readonly number[], expected: readonly number[], label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (Number.isNaN(e)) {
      expect(Number.isNaN(a), `${label}[${i}]: expected NaN (R's NA), got ${a}`).toBe(true);
      return;
    }
    const error = Math.abs(a - e);
    expect(error, `${label}[${i}]: ${a} vs reference ${e}`).toBeLessThanOrEqual(TOLERANCE);
  });
}
