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

/**
 * A computed CSS colour as an sRGB colour and its alpha: `rgb()`/`rgba()` with 0–255 channels, or
 * `color(srgb r g b / a)` with 0–1 channels (what Chromium computes for `color-mix`). Null for anything else
 * (`none`, keywords), so a caller cannot mistake an unparsed colour for black.
 *
 * @example
 * parseCssColor("rgba(0, 0, 0, 0.5)"); // [[0, 0, 0], 0.5]
 */
export function parseCssColor(text: string): [Rgb, number] | null {
  const srgb = /color\(srgb ([^)]+)\)/.exec(text);
  if (srgb) {
    const parts = srgb[1].split(/[ /]+/).filter(Boolean).map(Number);
    return [[parts[0] * 255, parts[1] * 255, parts[2] * 255], parts.length > 3 ? parts[3] : 1];
  }
  const match = /rgba?\(([^)]+)\)/.exec(text);
  if (!match) return null;
  const parts = match[1]
    .split(/[ ,/]+/)
    .filter(Boolean)
    .map(Number);
  return [[parts[0], parts[1], parts[2]], parts.length > 3 ? parts[3] : 1];
}

/**
 * The colour a reader sees behind an element, from the background colours (with alpha) of the element and its
 * ancestors, innermost first: each is drawn over the one outside it, on a white canvas.
 *
 * @example
 * effectiveBackground([[[0, 0, 0], 0.5]]); // [127.5, 127.5, 127.5]
 */
export function effectiveBackground(backgrounds: readonly (readonly [Rgb, number])[]): Rgb {
  let colour: Rgb = [255, 255, 255];
  for (const [rgb, alpha] of [...backgrounds].reverse()) if (alpha > 0) colour = blend(rgb, alpha, colour);
  return colour;
}
