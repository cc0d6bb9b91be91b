import {describe, expect, test} from "vitest";
import {formatCount, formatDecimal, formatMoney} from "../../src/components/format.js";

describe("number formats (en-GB, GOV.UK style)", () => {
  test("formatDecimal rounds to at most the given decimals, with thousands separators", () => {
    expect(formatDecimal(1234.56789, 2)).toBe("1,234.57");
    expect(formatDecimal(1234.56789, 4)).toBe("1,234.5679");
    expect(formatDecimal(2.5, 0)).toBe("3");
    expect(formatDecimal(-0.125, 1)).toBe("-0.1");
    expect(formatDecimal(17, 4)).toBe("17");
    // the same formatter as toLocaleString with the same options
    expect(formatDecimal(98765.4321, 1)).toBe((98765.4321).toLocaleString("en-GB", {maximumFractionDigits: 1}));
  });

  test("formatCount and formatMoney", () => {
    expect(formatCount(17034)).toBe("17,034");
    expect(formatMoney(18729)).toBe("£18,729");
    expect(formatMoney(1_234_567)).toBe("£1.2m");
  });
});
