import * as Plot from "npm:@observablehq/plot";

/**
 * `Plot.plot`, made to pass WCAG checks: the chart's SVG becomes one image (`role="img"`) named by its
 * `ariaLabel` and described by its `ariaDescription`, and the `aria-label`s Plot puts on its inner groups
 * ("rect", "y-grid"…), which ARIA forbids on elements without a role, become `data-mark` attributes (the contrast
 * test uses them to tell grid lines from series). Readers who need the numbers get them from the data table every
 * chart has.
 *
 * @example
 * plot({ariaLabel: "Line chart of referrals", marks: [Plot.lineY([1, 2, 3])]});
 */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg");
  if (svg) {
    svg.setAttribute("role", "img");
    for (const node of svg.querySelectorAll("[aria-label]")) {
      if (node === svg) continue;
      node.setAttribute("data-mark", node.getAttribute("aria-label") ?? "");
      node.removeAttribute("aria-label");
    }
  }
  return chart;
}
