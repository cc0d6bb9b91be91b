/**
 * WCAG 2.2 contrast ratio (success criteria 1.4.3 and 1.4.11), from the relative luminance of sRGB colours.
 * Reference: W3C, "Web Content Accessibility Guidelines 2.2", definitions of contrast ratio and relative luminance.
 */

export type Rgb = [number, number, number];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of an sRGB colour with 0–255 channels. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * Contrast ratio between two colours, from 1 to 21.
 *
 * @example
 * contrastRatio([0, 0, 0], [255, 255, 255]); // 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The colour seen when `top` is drawn with `alpha` over `bottom`. */
export function blend(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)) as Rgb;
}
