import {expect, test} from "vitest";
import {SERIES_COLORS, STATUS_COLORS} from "../../../src/components/palette.js";
import {contrastRatio, type Rgb} from "../../support/contrast.js";

const hex = (color: string): Rgb => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as Rgb;
// light theme page and card, dark theme page (theme-near-midnight --theme-background-b) and card
const BACKGROUNDS = ["#ffffff", "#f6f6f6", "#161616", "#272727"];

test.each([...SERIES_COLORS, ...Object.values(STATUS_COLORS)])("%s keeps 3:1 against every background", (color) => {
  for (const background of BACKGROUNDS) {
    expect(contrastRatio(hex(color), hex(background)), background).toBeGreaterThanOrEqual(3);
  }
});
