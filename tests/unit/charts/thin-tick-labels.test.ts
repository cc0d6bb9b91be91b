import * as Plot from "@observablehq/plot";
import {describe, expect, test} from "vitest";
import {plot} from "../../../src/components/plot.js";
import {createDocument} from "../../support/snapshot.js";

const years = ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25", "2025-26"];
const rows = years.map((year, i) => ({year, referrals: 200 + i * 25}));

function tickLabels(width: number): string[] {
  const svg = plot({
    width,
    height: 200,
    marginLeft: 40,
    marginRight: 20,
    x: {type: "band", padding: 0.1},
    marks: [Plot.barY(rows, {x: "year", y: "referrals"})],
    document: createDocument()
  });
  return [...svg.querySelectorAll('[data-mark="x-axis tick label"] text')].map((text) => text.textContent ?? "");
}

describe("plot() thins tick labels that would overlap", () => {
  test("a 256 px chart keeps every other financial year", () => {
    // Hand calculation: (256 - 40 - 20) / 7 = 28 px between band centres; a 7-character label is estimated at
    // 7 × 6 = 42 px, so neighbours need 42 + 4 = 46 px: every label (28 px) overlaps, every other one (56 px) does not.
    expect(tickLabels(256)).toEqual(["2019-20", "2021-22", "2023-24", "2025-26"]);
  });

  test("a 640 px chart keeps them all", () => {
    // (640 - 40 - 20) / 7 ≈ 82.9 px between centres, more than 46 px.
    expect(tickLabels(640)).toEqual(years);
  });
});
