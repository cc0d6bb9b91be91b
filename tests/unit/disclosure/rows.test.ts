import {describe, expect, it} from "vitest";
import {applyToRows} from "../../../loaders/disclosure/rows.js";
import {findUnsafeCounts} from "../../../loaders/disclosure/scan.js";

describe("applyToRows", () => {
  it("adds total rows and suppresses as suppressTable does", () => {
    // L1 = 3 primary; the cheapest non-zero partner is L2 = 9; Total = 3 + 9 + 14 = 26 is published
    const out = applyToRows(
      [
        {lot_code: "L1", lot_name: "Lot 1", referrals: 3},
        {lot_code: "L2", lot_name: "Lot 2", referrals: 9},
        {lot_code: "L3", lot_name: "Lot 3", referrals: 14}
      ],
      {dimensions: ["lot_code"], measures: ["referrals"], labels: {lot_name: "lot_code"}}
    );
    expect(out.rows).toEqual([
      {lot_code: "L1", lot_name: "Lot 1", referrals: "c"},
      {lot_code: "L2", lot_name: "Lot 2", referrals: "c"},
      {lot_code: "L3", lot_name: "Lot 3", referrals: 14},
      {lot_code: "Total", lot_name: "Total", referrals: 26}
    ]);
    expect(out.counts).toEqual({primary: 1, secondary: 1, dominance: 0, consistency: 0});
  });

  it("reads a month → financial year hierarchy from a column and protects a measure that sums others", () => {
    // referrals = placed + waiting: Lot L1 April placed 2 is primary; without the measure relation,
    // waiting = referrals − placed would be published as 8 and placed recovered as 10 − 8
    const rows = [
      {month: "2024-04", financial_year: "2024-25", lot_code: "L1", referrals: 10, placed: 2, waiting: 8},
      {month: "2024-05", financial_year: "2024-25", lot_code: "L1", referrals: 12, placed: 6, waiting: 6},
      {month: "2024-04", financial_year: "2024-25", lot_code: "L2", referrals: 20, placed: 10, waiting: 10},
      {month: "2024-05", financial_year: "2024-25", lot_code: "L2", referrals: 30, placed: 15, waiting: 15}
    ];
    const out = applyToRows(rows, {
      dimensions: [{name: "month", parentColumn: "financial_year"}, "lot_code"],
      measures: ["referrals", "placed", "waiting"],
      measureRelations: [{total: "referrals", parts: ["placed", "waiting"]}],
      derived: [{name: "placed_pct", type: "percentage", numerator: "placed", denominator: "referrals"}]
    });
    const first = out.rows[0];
    expect(first.placed).toBe("c");
    expect(first.waiting).toBe("c"); // partner in referrals = placed + waiting
    expect(first.placed_pct).toBe("c");
    // the financial-year row of Lot L2: 50 referrals, 25 placed → 50.0%
    const fy = out.rows.find((r) => r.month === "Total" && r.financial_year === "2024-25" && r.lot_code === "L2")!;
    expect([fy.referrals, fy.placed, fy.placed_pct]).toEqual([50, 25, 50]);
    // 4 input rows + FY and grand-total rows for L1, L2 and Total (6) + monthly Lot totals (2)
    expect(out.rows).toHaveLength(12);
    for (const r of out.rows) {
      for (const m of ["referrals", "placed", "waiting"]) {
        const v = r[m];
        expect(v === "c" || (typeof v === "number" && (v === 0 || v >= 6)), `${JSON.stringify(r)} ${m}`).toBe(true);
      }
    }
  });

  it("adds a year-to-date column and never outputs contributor columns", () => {
    const out = applyToRows(
      [
        {month: "2024-04", spend: 90_000, providers: 5, top: 30_000, children: 12},
        {month: "2024-05", spend: 50_000, providers: 1, top: 50_000, children: 7}
      ],
      {
        dimensions: ["month"],
        measures: [{name: "spend", kind: "spend", contributors: "providers", largest: "top"}, "children"],
        cumulative: [{measure: "children_ytd", of: "children", along: "month"}],
        derived: [{name: "spend_per_child", type: "per-child", amount: "spend", children: "children", decimals: 0}]
      }
    );
    // May spend has one provider (dominance), April is its partner; children 12 and 7 are safe; ytd 12, 19
    expect(out.rows).toEqual([
      {month: "2024-04", spend: "c", children: 12, children_ytd: 12, spend_per_child: "c"},
      {month: "2024-05", spend: "c", children: 7, children_ytd: 19, spend_per_child: "c"},
      // hand calculation: 140000 / 19 = 7368.42 → 7368
      {month: "Total", spend: 140_000, children: 19, children_ytd: "z", spend_per_child: 7368}
    ]);
  });
});

describe("findUnsafeCounts", () => {
  it("flags counts 1–5 in CSV count columns, with the row number", () => {
    const csv = "lot,referrals,rate\nL1,c,3\nL2,3,50\nL3,0,1\nL4,5.0,2\nL5,x,2\n";
    expect(findUnsafeCounts(csv, {countColumns: ["referrals"]})).toEqual([
      {location: "row 3", column: "referrals", value: 3},
      {location: "row 5", column: "referrals", value: 5}
    ]);
    expect(() => findUnsafeCounts(csv, {countColumns: ["placed"]})).toThrow("invalid countColumns: placed");
  });

  it("flags counts 1–5 at any depth of a JSON file", () => {
    const json = JSON.stringify({
      kpis: {referrals: 120},
      rows: [
        {lot: "L1", referrals: "c"},
        {lot: "L2", referrals: 4}
      ]
    });
    expect(findUnsafeCounts(json, {countColumns: ["referrals"]})).toEqual([
      {location: "$.rows[1]", column: "referrals", value: 4}
    ]);
  });

  it("passes the output of applyToRows", () => {
    const out = applyToRows(
      [
        {area: "A", n: 1},
        {area: "B", n: 2},
        {area: "C", n: 40}
      ],
      {dimensions: ["area"], measures: ["n"]}
    );
    expect(findUnsafeCounts(JSON.stringify(out.rows), {countColumns: ["n"]})).toEqual([]);
  });
});
