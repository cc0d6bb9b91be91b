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
    thinTickLabels(svg);
  }
  return chart;
}

/** Plot's axis labels are 10px system-ui; 0.6em a character covers digits, capitals and the year dash. */
const CHARACTER_WIDTH = 6;
const LINE_HEIGHT = 12;
const LABEL_GAP = 4;

/**
 * Keeps every k-th tick label of an axis, with the smallest k for which no two kept labels overlap. A narrow chart
 * (320 px wide, WCAG 1.4.10 reflow) otherwise draws band labels such as financial years over each other. Plot lays
 * out an unattached SVG, so widths are estimated from the number of characters; the tick marks stay, and every
 * value is in the chart's data table.
 *
 * @example
 * thinTickLabels(plot({width: 256, x: {type: "band"}, marks: [...]}).querySelector("svg"));
 */
export function thinTickLabels(svg: Element): void {
  for (const axis of svg.querySelectorAll('[data-mark$="axis tick label"]')) {
    const horizontal = /^f?x-/.test(axis.getAttribute("data-mark") ?? "");
    // Faceted charts hold one group of labels per facet inside the axis group.
    const groups = new Set([...axis.querySelectorAll("text")].map((text) => text.parentElement!));
    for (const group of groups) thinGroup([...group.querySelectorAll(":scope > text")], horizontal);
  }
}

function thinGroup(texts: Element[], horizontal: boolean): void {
  const labels = texts.flatMap((text) => {
    const match = /^translate\(([-\d.e]+),([-\d.e]+)\)(?: rotate\(([-\d.e]+)\))?$/.exec(
      text.getAttribute("transform") ?? ""
    );
    if (!match) return [];
    const [x, y, angle] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
    const sine = Math.abs(Math.sin((angle * Math.PI) / 180));
    const width = (text.textContent ?? "").length * CHARACTER_WIDTH;
    // A label turned by more than 15° takes up, along its axis, the line height divided by the sine of its angle.
    const size = horizontal ? (sine > 0.25 ? Math.min(width, LINE_HEIGHT / sine) : width) : LINE_HEIGHT;
    return [{text, at: horizontal ? x : y, size}];
  });
  // Labels Plot placed some other way are left as they are.
  if (labels.length < 3 || labels.length !== texts.length) return;
  labels.sort((a, b) => a.at - b.at);
  const clear = (step: number) =>
    labels.every((label, i) => {
      const next = labels[i + step];
      return i % step !== 0 || !next || next.at - label.at >= (label.size + next.size) / 2 + LABEL_GAP;
    });
  let step = 1;
  while (step < labels.length && !clear(step)) step++;
  labels.forEach((label, i) => {
    if (i % step !== 0) label.text.remove();
  });
}
