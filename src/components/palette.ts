/**
 * Colours for chart series that keep WCAG 1.4.11's 3:1 non-text contrast against the light and the dark theme's
 * backgrounds (white, #f6f6f6 cards; #161616 page, #272727 cards), so no series fades into the page. They are
 * HCL colours at chroma 55 and lightness ≈ 51–54 (the band where both ratios exceed 3.6:1), with hues spread for
 * distinctness; order, labels or patterns still carry meaning, never colour alone.
 * Reference: W3C WCAG 2.2, SC 1.4.11 Non-text Contrast.
 */
export const SERIES_COLORS = [
  "#0084d5", // blue
  "#b86c2c", // orange-brown
  "#209144", // green
  "#896ed0", // purple
  "#d3526b", // red
  "#008d8e", // teal
  "#c656a2", // magenta
  "#7b7b7b" // grey
] as const;

/** A colour for "good" or "on target" (green) and "bad" or "over" (red), from the same safe set. */
export const STATUS_COLORS = {good: "#209144", bad: "#d3526b", neutral: "#7b7b7b"} as const;

/**
 * Plot colour-scale options that use the accessible series colours for an ordinal domain.
 *
 * @example
 * Plot.plot({color: {...seriesColorScale(["Lot 1", "Lot 2"]), legend: true}, marks: []});
 */
export function seriesColorScale(domain?: readonly string[]): {type: "ordinal"; range: string[]; domain?: string[]} {
  return {type: "ordinal", range: [...SERIES_COLORS], ...(domain ? {domain: [...domain]} : {})};
}

/** The same colours under the name the capacity and Lot usage charts use. */
export const CATEGORY_COLOURS = SERIES_COLORS;

/**
 * The WCAG 2.2 contrast ratio of two `#rrggbb` colours (W3C, definitions of contrast ratio and relative luminance).
 *
 * @example
 * contrastRatio("#ffffff", "#000000"); // 21
 */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!match) throw new Error(`invalid colour: ${hex}`);
    const [r, g, bl] = match.slice(1).map((part) => {
      const c = parseInt(part, 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
