/**
 * The scenario planner's model: baseline from the latest observed year, projections of demand, framework capacity
 * gap and spend against budget, and scenarios encoded in the URL.
 *
 * @example
 * import {project, encodeScenario} from "./components/scenario/index.js";
 */
export {project, addYears, baselineRates, budgetFor, cellKey, WEEKS_PER_YEAR} from "./model.js";
export {encodeScenario, decodeScenario} from "./url.js";
export {defaultInputs, differences, type ScenarioDifference} from "./compare.js";
export {capacityGapRows, spendBudgetRows} from "./rows.js";
export type {Baseline, BaselineCell, ProjectedCell, ProjectedLotYear, Projection, ScenarioInputs} from "./types.js";
