/**
 * Observable Framework configuration. Everything here serves two rules: nothing is fetched from a third party
 * (no Google Fonts, no CDN, no DuckDB extensions) and the same checkout builds a byte-identical `dist/`
 * (no build date in the footer). See ../shared/DESIGN.md and docs/maintainers.md.
 */
const output = process.env.OUTPUT_DIR ?? "dist";

export default {
  title: "SEND Commissioning Insight",
  root: "src",
  output,
  pages: [
    {
      name: "Dashboards",
      open: true,
      pages: [
        {name: "Overview", path: "/"},
        {name: "Demand", path: "/demand"},
        {name: "Capacity", path: "/capacity"},
        {name: "Lot usage", path: "/lot-usage"},
        {name: "Spend", path: "/spend"}
      ]
    },
    {
      name: "Forecasts",
      open: true,
      pages: [
        {name: "Trend forecast", path: "/trend-forecast"},
        {name: "Ageing out at 18", path: "/ageing-out"},
        {name: "Scenario planner", path: "/scenario-planner"}
      ]
    },
    {
      name: "Evidence",
      open: true,
      pages: [
        {name: "Published figures", path: "/published"},
        {name: "Delivery options appraisal", path: "/options-appraisal"}
      ]
    },
    {
      name: "Scrutiny",
      open: true,
      pages: [
        {name: "Scrutiny report", path: "/report"},
        {name: "Methodology", path: "/methodology"},
        {name: "Accessibility statement", path: "/accessibility"}
      ]
    }
  ],
  // The default stylesheet list loads Google Fonts: replace it with a self-contained one that uses system fonts.
  globalStylesheets: [],
  style: "style.css",
  // Observable Inputs label a range's number box but not its slider (axe rule "label", WCAG 4.1.2); name every slider
  // after its label. Inline, so the build hashes it into the Content Security Policy like Framework's own scripts. It
  // looks only inside added nodes: a search of the whole page on every change cost each input change 1–2 ms.
  head: `<link rel="icon" href="data:,">
<script>new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    for (const range of node.tagName === "INPUT" ? [node] : node.getElementsByTagName("input")) {
      if (range.type !== "range" || range.hasAttribute("aria-label")) continue;
      const label = range.closest("form")?.querySelector("label");
      if (label) range.setAttribute("aria-label", label.textContent.trim());
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true});</script>`,
  header: "",
  footer:
    "SEND Commissioning Insight · an open analytics and forecasting tool for children's SEND commissioning · built from this checkout's data",
  toc: true,
  search: false,
  linkify: true,
  typographer: false,
  // Links end in .html, so the site works on any static host or intranet share, not only those that map /page to page.html.
  preserveExtension: true,
  // DuckDB-WASM's default extensions (json, parquet) download from a CDN; Arrow IPC needs none. (Framework 1.13
  // cannot drop the "mvp" platform: its DuckDB client then fails on `bundles.mvp.mainModule`.)
  duckdb: {extensions: {json: null, parquet: null}}
};
