/**
 * The evaluation matrix of an options appraisal as a heat-table: options in rows, tests in columns grouped under
 * their outcome groups, every cell saying Yes, Partially or No in words and shaded as a second cue.
 */
import type {Appraisal, QualitativeScore, RankedOption} from "../appraisal/index.js";
import {heatTable, type HeatCell} from "../published/heat-table.js";
import {formatMoney} from "../format.js";

/** Shade of each qualitative score: strong for Yes, light for Partially, none for No. */
export const SCORE_SHADES: Readonly<Record<QualitativeScore, number>> = {Yes: 1, Partially: 0.4, No: 0};

/** The wording of each level in the source's scoring methodology. */
export const SCORE_MEANINGS: Readonly<Record<QualitativeScore, string>> = {
  Yes: "strong delivery against the test",
  Partially: "partial delivery against the test",
  No: "no or minimal delivery against the test"
};

export interface MatrixTableOptions {
  /** Adds each option's equal-weight points and the document's own outcome after the tests. */
  ranking?: readonly RankedOption[];
  /** The document's "Outcome" column by option id (e.g. "Preferred option"). */
  documentOutcome?: ReadonlyMap<number, string | null>;
  caption: string;
  note?: string;
  document?: Document;
}

/**
 * The evaluation matrix heat-table.
 *
 * @example
 * appraisalMatrixTable(appraisal, {caption: "Evaluation matrix"});
 */
export function appraisalMatrixTable(appraisal: Appraisal, options: MatrixTableOptions): HTMLElement {
  const {ranking, documentOutcome, caption, note, document} = options;
  const tests = [...appraisal.tests].sort(
    (a, b) =>
      appraisal.groups.findIndex((g) => g.id === a.groupId) - appraisal.groups.findIndex((g) => g.id === b.groupId) ||
      a.id - b.id
  );
  const columnGroups = appraisal.groups
    .map((group) => ({label: group.name, span: tests.filter((test) => test.groupId === group.id).length}))
    .filter((group) => group.span > 0);
  const columns = tests.map((test) => ({label: String(test.id), title: `Test ${test.id}: ${test.text}`}));
  const extra: {label: string}[] = [];
  if (ranking) extra.push({label: "Points (equal weights)"});
  if (documentOutcome) extra.push({label: "Document's outcome"});
  if (extra.length > 0) columnGroups.push({label: "Result", span: extra.length});
  const scoreOf = new Map(appraisal.scores.map((cell) => [`${cell.optionId}:${cell.testId}`, cell.score]));
  const rows = appraisal.options.map((option) => {
    const cells: HeatCell[] = tests.map((test) => {
      const score = scoreOf.get(`${option.id}:${test.id}`);
      if (score === undefined) throw new Error(`missing score: option ${option.id}, test ${test.id}`);
      return {
        text: score,
        shade: SCORE_SHADES[score],
        description: `Option ${option.id}, test ${test.id}: ${score} (${SCORE_MEANINGS[score]})`
      };
    });
    if (ranking) {
      const ranked = ranking.find((entry) => entry.optionId === option.id);
      cells.push({text: ranked ? String(ranked.unweightedScore) : "", shade: null, description: ""});
    }
    if (documentOutcome) {
      const outcome = documentOutcome.get(option.id) ?? null;
      cells.push({
        text: outcome ?? "blank",
        missing: outcome === null,
        shade: null,
        description: outcome ?? "the Outcome column is blank for this option"
      });
    }
    return {
      header: `Option ${option.id}: ${option.name}`,
      subheader: option.costPerAnnum === null ? "cost not printed" : `${formatMoney(option.costPerAnnum)} a year`,
      cells
    };
  });
  return heatTable({
    caption,
    corner: "Option",
    columns: [...columns, ...extra],
    columnGroups,
    rows,
    key: (["Yes", "Partially", "No"] as const).map((score) => ({
      text: score,
      shade: SCORE_SHADES[score],
      description: SCORE_MEANINGS[score]
    })),
    note,
    className: "appraisal-matrix",
    document
  });
}
