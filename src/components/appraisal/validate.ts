import type {Appraisal} from "./types.js";

/**
 * Check that an appraisal is complete and consistent: unique ids, every test in a known group,
 * every option scored exactly once on every test, costs finite and non-negative or `null`.
 * A complete performance matrix is a precondition of any compensatory MCDA model (DCLG,
 * *Multi-criteria analysis: a manual*, 2009, ch. 5).
 *
 * @returns the same appraisal, for chaining.
 * @throws Error naming the offending field, e.g. `missing score: option 2, test 7`.
 * @example
 * validateAppraisal(appraisal); // throws if a cell is missing
 */
export function validateAppraisal(appraisal: Appraisal): Appraisal {
  const {groups, tests, options, scores} = appraisal;
  if (groups.length === 0) throw new Error("invalid groups: none");
  if (tests.length === 0) throw new Error("invalid tests: none");
  if (options.length === 0) throw new Error("invalid options: none");
  const groupIds = new Set<string>();
  for (const group of groups) {
    if (groupIds.has(group.id)) throw new Error(`duplicate group id: ${group.id}`);
    groupIds.add(group.id);
  }
  const testIds = new Set<number>();
  for (const test of tests) {
    if (!Number.isInteger(test.id)) throw new Error(`invalid test id: ${test.id}`);
    if (testIds.has(test.id)) throw new Error(`duplicate test id: ${test.id}`);
    if (!groupIds.has(test.groupId)) throw new Error(`unknown group id for test ${test.id}: ${test.groupId}`);
    testIds.add(test.id);
  }
  const optionIds = new Set<number>();
  for (const option of options) {
    if (!Number.isInteger(option.id)) throw new Error(`invalid option id: ${option.id}`);
    if (optionIds.has(option.id)) throw new Error(`duplicate option id: ${option.id}`);
    if (option.costPerAnnum !== null && !(Number.isFinite(option.costPerAnnum) && option.costPerAnnum >= 0)) {
      throw new Error(`invalid costPerAnnum for option ${option.id}: ${option.costPerAnnum}`);
    }
    optionIds.add(option.id);
  }
  const seen = new Set<string>();
  for (const cell of scores) {
    if (!optionIds.has(cell.optionId)) throw new Error(`unknown option id in scores: ${cell.optionId}`);
    if (!testIds.has(cell.testId)) throw new Error(`unknown test id in scores: ${cell.testId}`);
    if (cell.score !== "Yes" && cell.score !== "Partially" && cell.score !== "No") {
      throw new Error(`invalid score for option ${cell.optionId}, test ${cell.testId}: ${String(cell.score)}`);
    }
    const key = `${cell.optionId}:${cell.testId}`;
    if (seen.has(key)) throw new Error(`duplicate score: option ${cell.optionId}, test ${cell.testId}`);
    seen.add(key);
  }
  for (const option of options) {
    for (const test of tests) {
      if (!seen.has(`${option.id}:${test.id}`)) throw new Error(`missing score: option ${option.id}, test ${test.id}`);
    }
  }
  return appraisal;
}
