/**
 * Colours for categorical marks: colour-blind-safe hues (after ColorBrewer Dark2 and Observable 10) chosen so each
 * has at least 3:1 contrast against both the light theme's white and the dark theme's #161616 background (WCAG
 * 1.4.11). Charts never rely on colour alone: series are also labelled directly, ordered or dashed.
 */
export const CATEGORY_COLOURS = ["#4269d0", "#d95f02", "#1b9e77", "#e7298a", "#9c6b4e", "#7570b3"] as const;

/**
 * The WCAG contrast ratio of two `#rrggbb` colours.
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
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
