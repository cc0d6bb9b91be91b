import {basename} from "node:path";
import {loadEesFile} from "../dfe/ees.js";
import {sen2Series} from "../dfe/series.js";
import {panelAccuracy, type MethodAccuracy} from "./accuracy.js";
import {toPanel, type PanelHandling} from "./panel.js";

/**
 * Default first year of the backtest window per SEN2 column, with the reason. Other columns start at
 * their first year with any number.
 * - `inreq_ehc`: 2014 and 2015 are `z` (not applicable) for every LA: the item was first collected for 2016.
 * - `new_all_ehc`: 2014 covers September–December only (EHC plans began on 1 September 2014).
 */
export const DEFAULT_FIRST_YEAR: Readonly<Record<string, number>> = {inreq_ehc: 2016, new_all_ehc: 2015};

/** Cross-learning weight reported beside the plain methods (the engine's default shrinkage, not tuned). */
export const CROSS_LEARNING_WEIGHT = 0.5;

/** Everything the backtest CLI prints for one column. */
export interface ColumnReport {
  file: string;
  column: string;
  handling: PanelHandling;
  settings: {horizon: number; minTrain: number; levels: number[]; intervals: "year-block"; crossLearningWeight: number};
  methods: MethodAccuracy[];
  crossLearning: MethodAccuracy[];
}

/**
 * Loads an EES file, builds the local-authority panel of one column (missing values handled by
 * `toPanel`) and backtests every method without and with cross-learning.
 * @example
 * const report = await backtestColumn("../shared/data/sen2_mi_2014_2022.csv", "inreq_ehc");
 */
export async function backtestColumn(
  file: string,
  column: string,
  options: {from?: number; to?: number; horizon?: number} = {}
): Promise<ColumnReport> {
  const {rows, issues} = await loadEesFile(file);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw new Error(`invalid file ${file}: ${errors.length} errors, first: ${errors[0].message}`);
  const series = sen2Series(rows, {column, geographicLevel: "Local authority"});
  const years = series.flatMap((s) => s.points.filter((p) => p.kind === "value").map((p) => p.year));
  if (years.length === 0) throw new Error(`invalid column: ${column} has no numeric local-authority values`);
  const from = options.from ?? DEFAULT_FIRST_YEAR[column] ?? Math.min(...years);
  const to = options.to ?? Math.max(...years);
  const horizon = options.horizon ?? 3;
  const {panel, handling} = toPanel(series, {from, to});
  return {
    file: basename(file),
    column,
    handling,
    settings: {
      horizon,
      minTrain: 3,
      levels: [80, 95],
      intervals: "year-block",
      crossLearningWeight: CROSS_LEARNING_WEIGHT
    },
    methods: panelAccuracy(panel, {horizon, shrinkage: 0}),
    crossLearning: panelAccuracy(panel, {horizon, shrinkage: CROSS_LEARNING_WEIGHT})
  };
}
