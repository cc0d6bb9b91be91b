import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {parseForecastAccuracy} from "../../../loaders/aggregates/forecast-accuracy.js";
import {repoRoot} from "../../../loaders/paths.js";

const excerpt = `# Forecast accuracy

## Initial requests (\`inreq_ehc\`)

### Methods as defined (no cross-learning)

| Method | MASE vs naive | h = 1 | h = 2 | h = 3 | sMAPE | 80% covered (calibrated) | 95% covered (calibrated) | 80% covered (analytic) | 95% covered (analytic) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| naive | 1.000 | 1.000 | 1.000 | 1.000 | 24.9 | 70.6% | 93.1% | 58.1% | 75.0% |
| auto | 0.930 | 0.964 | 0.933 | 0.893 | 22.6 | 75.0% | 94.0% | 55.3% | 69.9% |

### With cross-learning

| Method | MASE vs naive | h = 1 | h = 2 | h = 3 | sMAPE | 80% covered (calibrated) | 95% covered (calibrated) | 80% covered (analytic) | 95% covered (analytic) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| auto | 0.868 | 0.922 | 0.886 | 0.793 | 21.2 | 74.1% | 95.6% | 57.0% | 71.0% |
`;

describe("parseForecastAccuracy", () => {
  test("reads the first method table of each series section", () => {
    const rows = parseForecastAccuracy(excerpt);
    expect(rows.map((row) => row.method)).toEqual(["naive", "auto"]);
    expect(rows[1]).toEqual({
      series: "Initial requests",
      column: "inreq_ehc",
      method: "auto",
      mase: 0.93,
      smape: 22.6,
      calibrated80: 0.75,
      calibrated95: 0.94,
      analytic80: 0.553,
      analytic95: 0.699
    });
  });

  test("refuses a malformed table", () => {
    expect(() => parseForecastAccuracy(excerpt.replace("| 75.0% |", "| 75.0 |"))).toThrow("invalid percentage");
    expect(() => parseForecastAccuracy("# nothing")).toThrow("no method table");
  });

  test("reads the real docs/forecast-accuracy.md: 9 methods for each of the two SEN2 series", () => {
    const rows = parseForecastAccuracy(readFileSync(join(repoRoot, "docs", "forecast-accuracy.md"), "utf-8"));
    expect(rows.length).toBe(18);
    expect(new Set(rows.map((row) => row.column))).toEqual(new Set(["inreq_ehc", "new_all_ehc"]));
    for (const row of rows) {
      expect(row.calibrated80).toBeGreaterThan(0.5);
      expect(row.calibrated95).toBeGreaterThanOrEqual(row.calibrated80);
    }
  });
});
