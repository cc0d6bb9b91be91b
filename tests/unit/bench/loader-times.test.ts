import {describe, expect, test} from "vitest";
import {loaderTimes} from "../../../bench/build-scaling.js";

describe("loaderTimes", () => {
  test("reads each loader's time from the build log, slowest first, ties by name", () => {
    const log = [
      "referrals.csv: 10 rows read = 10 accepted + 0 rejected",
      "validated and loaded in 0.9 s",
      "loader src/data/meta.json.ts (0.1 s)",
      "loader src/data/forecast-supported.arrow.ts (57.7 s)",
      "loader src/data/b.arrow.ts (2.0 s)",
      "loader src/data/a.arrow.ts (2.0 s)",
      "  loader with leading spaces is not a loader line (1 s)"
    ];
    expect(loaderTimes(log)).toEqual([
      {loader: "src/data/forecast-supported.arrow.ts", seconds: 57.7},
      {loader: "src/data/a.arrow.ts", seconds: 2},
      {loader: "src/data/b.arrow.ts", seconds: 2},
      {loader: "src/data/meta.json.ts", seconds: 0.1}
    ]);
  });
});
