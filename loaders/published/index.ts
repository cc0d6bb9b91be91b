/**
 * Readers and derivations for the figures published in council documents (`data/published/`).
 * @module
 */
export {loadPublished} from "./load.js";
export type {Published} from "./load.js";
export {check} from "./check.js";
export type {Check} from "./check.js";
export {factValue, parseFacts} from "./facts.js";
export type {PublishedFact} from "./facts.js";
export {formatGrowth, growth} from "./growth.js";
export type {GrowthBasis} from "./growth.js";
export {indicatorGrowth, lewishamChecks, parseCypByLot, parseEhcp, parseSpend, spendShares} from "./lewisham.js";
export type {CypByLotRow, EhcpRow, IndicatorGrowth, SpendRow, SpendShare} from "./lewisham.js";
export {
  parseTurning18,
  parseTurning18PrintedTotal,
  parseUnits,
  turning18Checks,
  turning18Totals
} from "./northamptonshire.js";
export type {ShortBreaksUnit, Turning18Row, Turning18Totals} from "./northamptonshire.js";
export {
  parseAppraisal,
  parseCostComponents,
  parseOptions,
  parseOutcomeGroups,
  parseProjectedSpend
} from "./staffordshire-appraisal.js";
export type {
  AppraisalFiles,
  CostComponent,
  OptionDetail,
  OutcomeGroupDetail,
  ProjectedSpendLine
} from "./staffordshire-appraisal.js";
export {lot1Summary, parseLot1Allocations} from "./staffordshire-lot1.js";
export type {ImpliedRate, Lot1Area, Lot1Cell, Lot1RowType, Lot1Summary} from "./staffordshire-lot1.js";
export {CELL_STATUSES, parseTable} from "./table.js";
export type {CellStatus, Source, TableRow} from "./table.js";
export {parseLots, parseMilestones, parseOtherLaApproaches, parseProvisionByNeed} from "./text-tables.js";
export type {LewishamLot, Milestone, OtherLaApproach, ProvisionByNeed} from "./text-tables.js";
