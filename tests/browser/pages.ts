/**
 * Every page of the site and the charts it must render. A page that `dist/` contains but this list lacks fails
 * the browser test, so a new page cannot go untested.
 */
export interface PageSpec {
  path: string;
  /** Minimum number of Plot charts the page draws on the demo data. */
  minCharts: number;
}

export const PAGES: PageSpec[] = [
  {path: "/", minCharts: 10},
  {path: "/demand", minCharts: 7},
  {path: "/capacity", minCharts: 6},
  {path: "/lot-usage", minCharts: 5},
  {path: "/spend", minCharts: 6},
  {path: "/trend-forecast", minCharts: 1},
  {path: "/ageing-out", minCharts: 3},
  {path: "/scenario-planner", minCharts: 3},
  {path: "/published", minCharts: 6},
  {path: "/options-appraisal", minCharts: 3},
  {path: "/report", minCharts: 3},
  {path: "/methodology", minCharts: 0},
  {path: "/accessibility", minCharts: 0}
];

/** The pages of the public build (`npm run build:public`, loaders/public/site.ts) and the charts each must render. */
export const PUBLIC_PAGES: PageSpec[] = [
  {path: "/", minCharts: 0},
  {path: "/report", minCharts: 3},
  {path: "/methodology", minCharts: 0},
  {path: "/accessibility", minCharts: 0}
];
