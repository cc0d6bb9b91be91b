import {describe, expect, test} from "vitest";
import {warehouseTimes} from "../../../bench/build-scaling.js";

describe("warehouseTimes", () => {
  test("reads each validation and warehouse step from the build's log, in build order, and nothing else", () => {
    // Lines as scripts/build.ts prints them (its `step` logger), mixed with the validation report and loader lines.
    const log = [
      "warehouse hash (5.3 s)",
      "warehouse stage packages.csv (81.2 s)",
      "packages.csv: 12500000 rows read = 12500000 accepted + 0 rejected",
      "warehouse rules (12.0 s)",
      "warehouse derive ageing_out_history (0.4 s)",
      "validated and loaded in 99.0 s",
      "loader src/data/overview.json.ts (9.6 s)"
    ];
    expect(warehouseTimes(log)).toEqual([
      {step: "hash", seconds: 5.3},
      {step: "stage packages.csv", seconds: 81.2},
      {step: "rules", seconds: 12},
      {step: "derive ageing_out_history", seconds: 0.4}
    ]);
  });
});
