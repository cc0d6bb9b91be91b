import {financialYearSql} from "./sql.js";
import {SPEND_BUDGETS_SQL, SPEND_PARAMS_SQL} from "./spend.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Budgets and the dates the Spend page needs: the "as at" date and its financial year. */
export interface SpendBudgets {
  /** ISO date actual spend runs to. */
  asAt: string;
  /** The financial year holding `asAt`, whose remaining months hold committed spend. */
  currentFinancialYear: string;
  /** ISO date committed spend runs to (31 March of `currentFinancialYear`). */
  committedTo: string;
  budgets: {financial_year: string; lot_code: string; lot_name: string; budget_gbp: number}[];
}

/**
 * Reads the budgets and spend dates from the warehouse.
 *
 * @example
 * await emitJson(spendBudgets); // {asAt: "2025-11-30", currentFinancialYear: "2025-26", ...}
 */
export async function spendBudgets(query: Query): Promise<SpendBudgets> {
  const [params] = await query(`
    SELECT strftime(asat, '%Y-%m-%d') AS as_at, strftime(fy_end, '%Y-%m-%d') AS fy_end, ${financialYearSql("asat")} AS fy
    FROM (${SPEND_PARAMS_SQL})`);
  const budgets = await query(SPEND_BUDGETS_SQL);
  return {
    asAt: String(params.as_at),
    currentFinancialYear: String(params.fy),
    committedTo: String(params.fy_end),
    budgets: budgets.map((row) => ({
      financial_year: String(row.financial_year),
      lot_code: String(row.lot_code),
      lot_name: String(row.lot_name),
      budget_gbp: Number(row.budget_gbp)
    }))
  };
}
