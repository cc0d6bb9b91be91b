import {expect, test} from "vitest";
import {blend, contrastRatio} from "../../support/contrast.js";

test("contrast ratios match WCAG's published examples", () => {
  expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
  expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
  // WebAIM contrast checker: #767676 on #FFFFFF is 4.54:1, the lightest grey that passes AA for text
  expect(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
  // WebAIM contrast checker: #777777 on #FFFFFF is 4.48:1, just failing AA for text
  expect(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(4.48, 2);
});

test("blending applies opacity over the background", () => {
  expect(blend([0, 0, 0], 0.5, [255, 255, 255])).toEqual([127.5, 127.5, 127.5]);
});
