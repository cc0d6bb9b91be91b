import {existsSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadEesFile, sen2Series} from "../../../loaders/dfe/index.js";
import {toPanel} from "../../../loaders/backtest/panel.js";
import {panelBacktest} from "../../../src/components/forecast/index.js";
import {repoRoot} from "../../../loaders/paths.js";

// Real DfE SEN2 file, outside the repository (never copied into it).
const FILE = join(repoRoot, "..", "shared", "data", "sen2_mi_2014_2022.csv");
const present = existsSync(FILE);
if (!present) console.warn(`sen2-accuracy: skipped, ${FILE} is absent`);

// Full file (all LAs), as docs/forecast-accuracy.md: runs in a few seconds for naive + auto.
describe.skipIf(!present)("accuracy on all English LAs (DfE SEN2 2014–2022)", () => {
  // Figures as docs/forecast-accuracy.md (npm run backtest -- ../shared/data/sen2_mi_2014_2022.csv --markdown …).
  const cases = [
    {column: "inreq_ehc", from: 2016, series: 151, errors: 1329, cover: [0.797, 0.783], cover95: [0.942, 0.948]},
    {column: "new_all_ehc", from: 2015, series: 154, errors: 1778, cover: [0.83, 0.834], cover95: [0.97, 0.974]}
  ];
  it.each(cases)("$column: auto beats naive and its year-block conformal 80% intervals cover 75–85%", async (c) => {
    const {rows} = await loadEesFile(FILE);
    const {panel, handling} = toPanel(sen2Series(rows, {column: c.column, geographicLevel: "Local authority"}), {
      from: c.from,
      to: 2022
    });
    expect(handling.inFile).toBe(157);
    expect(panel.length).toBe(c.series);
    const naive = panelBacktest(panel, {method: "naive", horizon: 3});
    const theta = panelBacktest(panel, {method: "theta", horizon: 3});
    [0, 0.5].forEach((shrinkage, i) => {
      const auto = panelBacktest(panel, {method: "auto", horizon: 3, intervals: "year-block", shrinkage});
      expect(auto.summary.count).toBe(c.errors);
      expect(auto.summary.mase / naive.summary.mase).toBeLessThan(1);
      // auto is Theta on series this short, the best single method without cross-learning
      if (shrinkage === 0) expect(auto.summary.mase).toBeLessThanOrEqual(theta.summary.mase);
      // pooled over all origins, comfortably inside 75–85% (at least 2.5 points from either limit)
      expect(auto.summary.coverage[80]).toBeCloseTo(c.cover[i], 3);
      expect(auto.summary.coverage[80]).toBeGreaterThanOrEqual(0.775);
      expect(auto.summary.coverage[80]).toBeLessThanOrEqual(0.845);
      expect(auto.summary.coverage[95]).toBeCloseTo(c.cover95[i], 3);
      // the analytic intervals are the ones that are too narrow
      expect(auto.analyticCoverage[80]).toBeLessThan(0.7);
    });
  });
});
