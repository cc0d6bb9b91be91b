import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Appraisal} from "../../src/components/appraisal/index.js";
import type {Check} from "./check.js";
import {parseFacts, type PublishedFact} from "./facts.js";
import {
  indicatorGrowth,
  lewishamChecks,
  parseCypByLot,
  parseEhcp,
  parseSpend,
  spendShares,
  type CypByLotRow,
  type EhcpRow,
  type IndicatorGrowth,
  type SpendRow,
  type SpendShare
} from "./lewisham.js";
import {
  parseTurning18,
  parseTurning18PrintedTotal,
  parseUnits,
  turning18Checks,
  turning18Totals,
  type ShortBreaksUnit,
  type Turning18Row,
  type Turning18Totals
} from "./northamptonshire.js";
import {
  parseAppraisal,
  parseCostComponents,
  parseOptions,
  parseOutcomeGroups,
  parseProjectedSpend,
  type CostComponent,
  type OptionDetail,
  type OutcomeGroupDetail,
  type ProjectedSpendLine
} from "./staffordshire-appraisal.js";
import {lot1Summary, parseLot1Allocations, type Lot1Cell, type Lot1Summary} from "./staffordshire-lot1.js";
import {
  parseLots,
  parseMilestones,
  parseOtherLaApproaches,
  parseProvisionByNeed,
  type LewishamLot,
  type Milestone,
  type OtherLaApproach,
  type ProvisionByNeed
} from "./text-tables.js";

/** Everything in `data/published/`, parsed, validated and with its derived figures. */
export interface Published {
  readonly lewisham: {
    readonly ehcp: readonly EhcpRow[];
    /** Growth of EHC needs assessment requests (416 → 592). */
    readonly requestGrowth: IndicatorGrowth;
    /** Growth of new EHC plans agreed to issue (292 → 393). */
    readonly planGrowth: IndicatorGrowth;
    readonly cypByLot: readonly CypByLotRow[];
    readonly spend: readonly SpendRow[];
    readonly spendShares: readonly SpendShare[];
    readonly lots: readonly LewishamLot[];
    readonly provisionByNeed: readonly ProvisionByNeed[];
    readonly procurementTimetable: readonly Milestone[];
    readonly facts: readonly PublishedFact[];
  };
  readonly staffordshire: {
    readonly lot1Allocations: readonly Lot1Cell[];
    readonly lot1: Lot1Summary;
    readonly lot1History: readonly PublishedFact[];
    readonly facts: readonly PublishedFact[];
    readonly projectedSpend: readonly ProjectedSpendLine[];
    /** The delivery options appraisal, ready for `src/components/appraisal`. */
    readonly appraisal: Appraisal;
    readonly options: readonly OptionDetail[];
    readonly outcomeGroups: readonly OutcomeGroupDetail[];
    readonly costComponents: readonly CostComponent[];
  };
  readonly northamptonshire: {
    readonly turning18: readonly Turning18Row[];
    readonly turning18Totals: Turning18Totals;
    readonly turning18PrintedTotal: {readonly youngPeople: number; readonly nightsPerMonth: number};
    readonly units: readonly ShortBreaksUnit[];
    readonly facts: readonly PublishedFact[];
  };
  readonly otherLa: {
    readonly facts: readonly PublishedFact[];
    readonly approaches: readonly OtherLaApproach[];
  };
  /** Every derived-versus-printed comparison; all should agree (see README for the tolerances). */
  readonly checks: readonly Check[];
}

/**
 * Read, validate and derive everything in a published-data directory (normally `data/published`).
 * Runs in Node (loaders, tests); browser code receives its output, not the files.
 *
 * @param dir the directory holding `lewisham/`, `staffordshire/`, `northamptonshire/`, `other-la/`.
 * @throws Error naming the file, row and column of the first invalid cell, or the missing file.
 * @example
 * const published = loadPublished("data/published");
 * published.staffordshire.lot1.overall.allocatedCyp; // 53
 */
export function loadPublished(dir: string): Published {
  const read = (file: string): string => {
    try {
      return readFileSync(join(dir, file), "utf8");
    } catch (error) {
      throw new Error(`cannot read ${file} in ${dir}: ${(error as Error).message}`);
    }
  };
  const parse = <T>(file: string, parser: (text: string, file: string) => T): T => parser(read(file), file);

  const ehcp = parse("lewisham/ehcp.csv", parseEhcp);
  const cypByLot = parse("lewisham/cyp_by_lot.csv", parseCypByLot);
  const spend = parse("lewisham/spend.csv", parseSpend);

  const lot1Allocations = parse("staffordshire/lot1_allocations.csv", parseLot1Allocations);
  const lot1 = lot1Summary(lot1Allocations);
  const appraisalFile = (file: string) => ({file, text: read(file)});
  const appraisal = parseAppraisal({
    groups: appraisalFile("staffordshire/outcome_groups.csv"),
    tests: appraisalFile("staffordshire/appraisal_tests.csv"),
    scores: appraisalFile("staffordshire/appraisal_scores.csv"),
    options: appraisalFile("staffordshire/options.csv")
  });

  const turning18 = parse("northamptonshire/turning_18.csv", parseTurning18);
  const totals = turning18Totals(turning18);
  const printedTotal = parse("northamptonshire/turning_18_printed_total.csv", parseTurning18PrintedTotal);

  return {
    lewisham: {
      ehcp,
      requestGrowth: indicatorGrowth(ehcp, "Requests for EHC Needs Assessments"),
      planGrowth: indicatorGrowth(ehcp, "Number of new EHC Plans agreed to issue"),
      cypByLot,
      spend,
      spendShares: spendShares(spend),
      lots: parse("lewisham/lots.csv", parseLots),
      provisionByNeed: parse("lewisham/provision_by_need.csv", parseProvisionByNeed),
      procurementTimetable: parse("lewisham/procurement_timetable.csv", parseMilestones),
      facts: parse("lewisham/facts.csv", parseFacts)
    },
    staffordshire: {
      lot1Allocations,
      lot1,
      lot1History: parse("staffordshire/lot1_history.csv", parseFacts),
      facts: parse("staffordshire/facts.csv", parseFacts),
      projectedSpend: parse("staffordshire/projected_spend.csv", parseProjectedSpend),
      appraisal,
      options: parse("staffordshire/options.csv", parseOptions),
      outcomeGroups: parse("staffordshire/outcome_groups.csv", parseOutcomeGroups),
      costComponents: parse("staffordshire/option_cost_components.csv", parseCostComponents)
    },
    northamptonshire: {
      turning18,
      turning18Totals: totals,
      turning18PrintedTotal: printedTotal,
      units: parse("northamptonshire/units.csv", parseUnits),
      facts: parse("northamptonshire/facts.csv", parseFacts)
    },
    otherLa: {
      facts: parse("other-la/facts.csv", parseFacts),
      approaches: parse("other-la/approaches.csv", parseOtherLaApproaches)
    },
    checks: [...lewishamChecks(cypByLot, spend), ...lot1.checks, ...turning18Checks(totals, printedTotal)]
  };
}
