import {describe, expect, it} from "vitest";
import {excelSerialToIso, isCalendarDate, parseCell} from "../../../loaders/validate/cells.js";
import type {ColumnType} from "../../../loaders/schema/types.js";

const col = (type: ColumnType, personal = false) => ({name: "c", type, required: true, meaning: "", personal});

describe("cell types", () => {
  it("calendar check (Gregorian leap-year rule)", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false); // divisible by 100, not by 400
    expect(isCalendarDate(2000, 2, 29)).toBe(true); // divisible by 400
    expect(isCalendarDate(2024, 4, 31)).toBe(false);
  });

  it("Excel serials (1900 date system)", () => {
    // Excel: =DATE(2024,4,1) → 45383; =DATE(2000,1,1) → 36526
    expect(excelSerialToIso(45383)).toBe("2024-04-01");
    expect(excelSerialToIso(36526)).toBe("2000-01-01");
  });

  it.each<[string, ColumnType, unknown]>([
    ["42", {kind: "whole", min: 0}, 42],
    ["0", {kind: "whole", min: 0}, 0],
    ["18729.50", {kind: "money", min: 0}, 18729.5],
    ["6.25", {kind: "decimal", min: 0, step: 0.25}, 6.25],
    ["true", {kind: "bool"}, true],
    ["false", {kind: "bool"}, false],
    ["2024-25", {kind: "financial-year"}, "2024-25"],
    ["1999-00", {kind: "financial-year"}, "1999-00"],
    ["2024-12", {kind: "month"}, "2024-12"],
    ["L1;L2", {kind: "code-list"}, ["L1", "L2"]]
  ])("accepts %j", (raw, type, value) => {
    expect(parseCell(raw, col(type))).toEqual({ok: true, value});
  });

  it.each<[string, ColumnType, string]>([
    ["1e3", {kind: "whole", min: 0}, "whole-number"],
    ["12.", {kind: "decimal"}, "decimal"],
    ["TRUE", {kind: "bool"}, "bool"],
    ["2024-00", {kind: "month"}, "month"],
    ["2024-1", {kind: "month"}, "month"],
    ["2024/25", {kind: "financial-year"}, "financial-year"],
    ["2023-02-29", {kind: "date"}, "iso-date"],
    ["2024-04-01T10:00", {kind: "date"}, "iso-date"],
    ["1 April 2024", {kind: "date"}, "iso-date"],
    ["L1;;L2", {kind: "code-list"}, "code-list"]
  ])("rejects %j", (raw, type, rule) => {
    expect(parseCell(raw, col(type))).toMatchObject({ok: false, rule});
  });

  it("never prints a personal value", () => {
    for (const raw of ["2012-05-17", "17/05/2012", "41046", "May 2012"]) {
      const result = parseCell(raw, col({kind: "month"}, true));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain("value withheld");
        expect(result.message).not.toContain(raw);
        expect(result.message).not.toContain("2012");
      }
    }
  });
});
