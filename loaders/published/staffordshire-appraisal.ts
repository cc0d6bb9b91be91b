import type {Appraisal, AppraisalScore, OutcomeGroup, QualitativeScore} from "../../src/components/appraisal/index.js";
import {validateAppraisal} from "../../src/components/appraisal/index.js";
import {
  integerCell,
  numberCell,
  oneOfCell,
  optionalTextCell,
  parseTable,
  sourceOf,
  statusNumberCell,
  textCell,
  type CellStatus,
  type Source
} from "./table.js";

/** A delivery option with everything the options table prints about it. */
export interface OptionDetail {
  readonly id: number;
  /** The "Option:" column as printed. */
  readonly name: string;
  /** A short name for charts (ours, not the document's). */
  readonly shortName: string;
  /** The "Option Outline:" column as printed (continuation rows joined). */
  readonly description: string;
  readonly costPerAnnumGbp: number | null;
  readonly costStatus: CellStatus;
  /** The cost cell as printed; ` | ` separates its paragraphs. */
  readonly costAsPrinted: string;
  /** Printed with `c` (circa). */
  readonly costIsApproximate: boolean;
  readonly costNote: string | null;
  /** The matrix's "Outcome" column: `Preferred option` or `null`. */
  readonly documentOutcome: string | null;
  readonly source: Source;
}

/** An outcome group with both names the document uses for it. */
export interface OutcomeGroupDetail extends OutcomeGroup {
  readonly position: number;
  /** The heading over the group's columns in the evaluation matrix. */
  readonly nameInMatrix: string;
}

/** One printed component of an option's cost. */
export interface CostComponent {
  readonly optionId: number;
  readonly component: string;
  readonly amountGbp: number;
  readonly amountAsPrinted: string;
  readonly source: Source;
}

/** One line of the projected spend table ("Future Options"). */
export interface ProjectedSpendLine {
  readonly line: string;
  readonly totalGbp: number;
  readonly totalAsPrinted: string;
  readonly perAnnumMinGbp: number;
  readonly perAnnumMaxGbp: number;
  readonly perAnnumAsPrinted: string;
  readonly note: string | null;
  readonly source: Source;
}

/**
 * Parse `staffordshire/options.csv`.
 * @throws Error naming file, row and column.
 * @example
 * parseOptions(text, "staffordshire/options.csv")[2].costPerAnnumGbp; // 950000
 */
export function parseOptions(text: string, file: string): OptionDetail[] {
  const columns = [
    "option_id",
    "name",
    "short_name",
    "description",
    "cost_per_annum_gbp",
    "cost_status",
    "cost_as_printed",
    "cost_is_approximate",
    "cost_note",
    "document_outcome",
    "source_document",
    "source_table"
  ];
  return parseTable(text, file, columns).map((row) => {
    const cost = statusNumberCell(row, "cost_per_annum_gbp", "cost_status");
    return {
      id: integerCell(row, "option_id"),
      name: textCell(row, "name"),
      shortName: textCell(row, "short_name"),
      description: textCell(row, "description"),
      costPerAnnumGbp: cost.value,
      costStatus: cost.status,
      costAsPrinted: textCell(row, "cost_as_printed"),
      costIsApproximate: oneOfCell(row, "cost_is_approximate", ["true", "false"] as const) === "true",
      costNote: optionalTextCell(row, "cost_note"),
      documentOutcome: optionalTextCell(row, "document_outcome"),
      source: sourceOf(row)
    };
  });
}

/**
 * Parse `staffordshire/outcome_groups.csv`.
 * @example
 * parseOutcomeGroups(text, "staffordshire/outcome_groups.csv").map((g) => g.id);
 * // ["statutory", "transformation", "value-for-money", "social-value", "risk"]
 */
export function parseOutcomeGroups(text: string, file: string): OutcomeGroupDetail[] {
  const columns = ["outcome_group_id", "position", "name", "name_in_matrix", "source_document", "source_table"];
  return parseTable(text, file, columns)
    .map((row) => ({
      id: textCell(row, "outcome_group_id"),
      position: integerCell(row, "position"),
      name: textCell(row, "name"),
      nameInMatrix: textCell(row, "name_in_matrix")
    }))
    .sort((a, b) => a.position - b.position);
}

/**
 * Parse `staffordshire/option_cost_components.csv`.
 * @example
 * parseCostComponents(text, "staffordshire/option_cost_components.csv").length; // 11
 */
export function parseCostComponents(text: string, file: string): CostComponent[] {
  const columns = ["option_id", "component", "amount_gbp", "amount_as_printed", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => ({
    optionId: integerCell(row, "option_id"),
    component: textCell(row, "component"),
    amountGbp: numberCell(row, "amount_gbp"),
    amountAsPrinted: textCell(row, "amount_as_printed"),
    source: sourceOf(row)
  }));
}

/**
 * Parse `staffordshire/projected_spend.csv`.
 * @example
 * parseProjectedSpend(text, "staffordshire/projected_spend.csv")[0].totalGbp; // 2850000
 */
export function parseProjectedSpend(text: string, file: string): ProjectedSpendLine[] {
  const columns = [
    "line",
    "total_gbp",
    "total_as_printed",
    "per_annum_min_gbp",
    "per_annum_max_gbp",
    "per_annum_as_printed",
    "note",
    "source_document",
    "source_table"
  ];
  return parseTable(text, file, columns).map((row) => ({
    line: textCell(row, "line"),
    totalGbp: numberCell(row, "total_gbp"),
    totalAsPrinted: textCell(row, "total_as_printed"),
    perAnnumMinGbp: numberCell(row, "per_annum_min_gbp"),
    perAnnumMaxGbp: numberCell(row, "per_annum_max_gbp"),
    perAnnumAsPrinted: textCell(row, "per_annum_as_printed"),
    note: optionalTextCell(row, "note"),
    source: sourceOf(row)
  }));
}

/** The raw CSV texts of the appraisal, keyed by file name relative to the data directory. */
export interface AppraisalFiles {
  readonly groups: {readonly file: string; readonly text: string};
  readonly tests: {readonly file: string; readonly text: string};
  readonly scores: {readonly file: string; readonly text: string};
  readonly options: {readonly file: string; readonly text: string};
}

/**
 * Build a validated {@link Appraisal} (for `src/components/appraisal`) from the four tidy CSVs:
 * outcome groups, tests, options (cost per annum) and scores (Yes/Partially/No).
 * @throws Error naming file, row and column for a bad cell, or the appraisal validation error
 *   (e.g. `missing score: option 2, test 7`).
 * @example
 * parseAppraisal(files).options.map((o) => o.costPerAnnum); // [950000, 800000, 950000, 852000, 750000, 930000]
 */
export function parseAppraisal(files: AppraisalFiles): Appraisal {
  const groups = parseOutcomeGroups(files.groups.text, files.groups.file).map(({id, name}) => ({id, name}));
  const tests = parseTable(files.tests.text, files.tests.file, ["test_id", "outcome_group_id", "test"]).map((row) => ({
    id: integerCell(row, "test_id"),
    groupId: textCell(row, "outcome_group_id"),
    text: textCell(row, "test")
  }));
  const options = parseOptions(files.options.text, files.options.file).map((option) => ({
    id: option.id,
    name: option.shortName,
    costPerAnnum: option.costPerAnnumGbp
  }));
  const scores: AppraisalScore[] = parseTable(files.scores.text, files.scores.file, [
    "option_id",
    "test_id",
    "score",
    "score_as_printed"
  ]).map((row) => {
    const score = oneOfCell<QualitativeScore>(row, "score", ["Yes", "Partially", "No"]);
    const printed = oneOfCell(row, "score_as_printed", ["Y", "P", "N"] as const);
    if (printed !== score[0]) {
      throw new Error(
        `inconsistent score in ${row.file} row ${row.row} column score: "${score}" printed as "${printed}"`
      );
    }
    return {optionId: integerCell(row, "option_id"), testId: integerCell(row, "test_id"), score};
  });
  return validateAppraisal({groups, tests, options, scores});
}
