/**
 * A headline-figure card for the overview page: the figure, what it measures, its change on last year judged in
 * words and with a symbol, a sparkline and a link to the page with the detail.
 */
import type {Change} from "./change.js";

export interface KpiCardOptions {
  /** The card's heading, e.g. "Referrals this year". */
  title: string;
  /** The headline figure, formatted, e.g. "259". */
  value: string;
  /** One line saying exactly what the figure measures and when. */
  measure: string;
  change: Change;
  /** Further lines (e.g. forecast against budget), each a sentence. */
  notes?: readonly string[];
  /** The sparkline, a Plot chart with its own aria-label. */
  sparkline?: Element;
  /** Link to the page with the detail. */
  href: string;
  linkText: string;
  document?: Document;
}

/**
 * Builds the card as an `<article class="card kpi-card">`.
 *
 * @example
 * kpiCard({title: "Waiting", value: "75", measure: "Referrals awaiting a decision on 30 November 2025", change, href: "./demand", linkText: "Demand"});
 */
export function kpiCard(options: KpiCardOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const card = make("article", "card kpi-card");
  const heading = make("h2", "kpi-title", options.title);
  const value = make("p", "kpi-value", options.value);
  const measure = make("p", "kpi-measure", options.measure);
  const change = make("p", `kpi-change kpi-${options.change.verdict.replace(/ /g, "-")}`, options.change.text);
  card.append(heading, value, measure, change);
  for (const note of options.notes ?? []) card.append(make("p", "kpi-note", note));
  if (options.sparkline) {
    const spark = make("div", "kpi-sparkline");
    spark.append(options.sparkline);
    card.append(spark);
  }
  const link = make("a", "kpi-link", `${options.linkText} →`);
  link.setAttribute("href", options.href);
  card.append(link);
  return card;
}
