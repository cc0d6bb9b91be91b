/**
 * Spend measures computed in the browser from the spend aggregates (`data/spend-monthly.arrow`,
 * `data/spend-providers.arrow`, `data/spend-budgets.json`): filtering, breakdowns, budget against actual against
 * committed, cost per hour and per child, and the spot-purchase premium. Pure functions, no DOM.
 */

/** One row of `data/spend-monthly.arrow`. */
export interface SpendMonthRow {
  month: string;
  financial_year: string;
  lot_code: string;
  lot_name: string;
  statutory: boolean;
  area_code: string;
  area_name: string;
  route: string;
  funder: string;
  spend_gbp: number;
  hours: number;
  committed_gbp: number;
  committed_hours: number;
}

/** One row of `data/spend-providers.arrow` (`ALL` = every area, funder or provider). */
export interface SpendProviderRow {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  provider_id: string;
  provider_name: string;
  routes: string;
  area_code: string;
  funder: string;
  spend_gbp: number;
  hours: number;
  packages: number;
  children: number;
}

/** One budget row of `data/spend-budgets.json`. */
export interface BudgetRow {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  budget_gbp: number;
}

/** The filters of the Spend page; `ALL` means no filter. */
export interface SpendFilter {
  financialYear: string;
  area: string;
  lot: string;
  funder: string;
}

/** What a breakdown groups spend by. */
export type Breakdown = "lot" | "route" | "funder";

/** Display names of the package routes. */
export const ROUTE_LABELS: Readonly<Record<string, string>> = {
  framework: "Framework",
  spot_purchase: "Spot purchase",
  direct_payment: "Direct payment",
  in_house: "In-house"
};

/** Display names of the funders. */
export const FUNDER_LABELS: Readonly<Record<string, string>> = {council: "Council", health: "Health", joint: "Joint"};

/**
 * The group a row falls in for a breakdown.
 *
 * @example
 * groupOf({lot_code: "LOT2", lot_name: "Home care", route: "spot_purchase", funder: "health"}, "route"); // "Spot purchase"
 */
export function groupOf(row: Pick<SpendMonthRow, "lot_code" | "lot_name" | "route" | "funder">, by: Breakdown): string {
  if (by === "route") return ROUTE_LABELS[row.route] ?? row.route;
  if (by === "funder") return FUNDER_LABELS[row.funder] ?? row.funder;
  return `${row.lot_code.replace(/^LOT/i, "Lot ")}: ${row.lot_name}`;
}

/**
 * Rows matching the area, Lot and funder filters (and the financial year unless `ignoreYear`).
 *
 * @example
 * filterSpend(rows, {financialYear: "2024-25", area: "ALL", lot: "LOT2", funder: "ALL"});
 */
export function filterSpend<T extends {financial_year: string; area_code: string; lot_code: string; funder: string}>(
  rows: readonly T[],
  filter: SpendFilter,
  {ignoreYear = false}: {ignoreYear?: boolean} = {}
): T[] {
  return rows.filter(
    (row) =>
      (ignoreYear || filter.financialYear === "ALL" || row.financial_year === filter.financialYear) &&
      (filter.area === "ALL" || row.area_code === filter.area) &&
      (filter.lot === "ALL" || row.lot_code === filter.lot) &&
      (filter.funder === "ALL" || row.funder === filter.funder)
  );
}

/** Spend of one period and group: actual and committed. */
export interface SpendPoint {
  period: string;
  group: string;
  spend_gbp: number;
  committed_gbp: number;
  hours: number;
}

/**
 * Actual and committed spend per period (month or financial year) and group, in period then group order.
 *
 * @example
 * spendSeries(rows, "financial_year", "route");
 */
export function spendSeries(
  rows: readonly SpendMonthRow[],
  period: "month" | "financial_year",
  by: Breakdown
): SpendPoint[] {
  const totals = new Map<string, SpendPoint>();
  for (const row of rows) {
    const group = groupOf(row, by);
    const key = `${row[period]}\u0000${group}`;
    const point = totals.get(key) ?? {period: row[period], group, spend_gbp: 0, committed_gbp: 0, hours: 0};
    point.spend_gbp += row.spend_gbp;
    point.committed_gbp += row.committed_gbp;
    point.hours += row.hours;
    totals.set(key, point);
  }
  return [...totals.values()].sort((a, b) =>
    a.period === b.period ? a.group.localeCompare(b.group) : a.period.localeCompare(b.period)
  );
}

/** Budget, actual and committed spend of one Lot in one year. */
export interface BudgetLine {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  budget_gbp: number | null;
  actual_gbp: number;
  committed_gbp: number;
  /** actual + committed. */
  forecast_gbp: number;
  /** budget − forecast: positive = headroom, negative = forecast overspend; `null` without a budget. */
  variance_gbp: number | null;
}

/**
 * Budget against actual against committed per Lot for one year. Budgets cover commissioned care, so actual and
 * committed count every route except direct payments. Lots with spend but no budget get `budget_gbp: null`.
 *
 * @example
 * budgetLines(monthlyRows, budgets, "2025-26");
 */
export function budgetLines(
  rows: readonly SpendMonthRow[],
  budgets: readonly BudgetRow[],
  financialYear: string
): BudgetLine[] {
  const lines = new Map<string, BudgetLine>();
  const line = (lot_code: string, lot_name: string) => {
    const existing = lines.get(lot_code);
    if (existing) return existing;
    const created: BudgetLine = {
      financial_year: financialYear,
      lot_code,
      lot_name,
      budget_gbp: null,
      actual_gbp: 0,
      committed_gbp: 0,
      forecast_gbp: 0,
      variance_gbp: null
    };
    lines.set(lot_code, created);
    return created;
  };
  for (const budget of budgets) {
    if (budget.financial_year === financialYear) line(budget.lot_code, budget.lot_name).budget_gbp = budget.budget_gbp;
  }
  for (const row of rows) {
    if (row.financial_year !== financialYear || row.route === "direct_payment") continue;
    const entry = line(row.lot_code, row.lot_name);
    entry.actual_gbp += row.spend_gbp;
    entry.committed_gbp += row.committed_gbp;
  }
  return [...lines.values()]
    .map((entry) => {
      const forecast = entry.actual_gbp + entry.committed_gbp;
      return {
        ...entry,
        forecast_gbp: forecast,
        variance_gbp: entry.budget_gbp === null ? null : entry.budget_gbp - forecast
      };
    })
    .sort((a, b) => a.lot_code.localeCompare(b.lot_code));
}

/** The spot-purchase premium of one Lot in one year. */
export interface PremiumLine {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  /** Spot hours compared (those in an area where the framework also delivered hours that year). */
  spot_hours: number;
  spot_gbp: number;
  /** What the same hours would have cost at the framework's hourly rate in the same area. */
  at_framework_gbp: number;
  /** spot_gbp / at_framework_gbp − 1; `null` when nothing can be compared. */
  premium: number | null;
  /** spot_gbp − at_framework_gbp. */
  extra_gbp: number;
  /** Spot hours left out because the framework delivered none in that Lot, area and year. */
  unmatched_spot_hours: number;
}

/**
 * The spot-purchase premium per year × Lot (and overall per year under `lot_code = "ALL"`): spot hours priced
 * at their own rate against the same hours at the framework's hours-weighted average rate in the same Lot, area
 * and year. The premium is therefore weighted by spot hours: `Σ H_spot (r_spot − r_fw) / Σ H_spot r_fw`.
 *
 * @example
 * spotPremium(rows).find((p) => p.financial_year === "2024-25" && p.lot_code === "ALL")?.premium; // ≈ 0.18
 */
export function spotPremium(rows: readonly SpendMonthRow[]): PremiumLine[] {
  const cells = new Map<
    string,
    {fy: string; lot: string; name: string; fw: [number, number]; spot: [number, number]}
  >();
  for (const row of rows) {
    if (row.route !== "framework" && row.route !== "spot_purchase") continue;
    const key = `${row.financial_year}\u0000${row.lot_code}\u0000${row.area_code}`;
    const cell = cells.get(key) ?? {
      fy: row.financial_year,
      lot: row.lot_code,
      name: row.lot_name,
      fw: [0, 0],
      spot: [0, 0]
    };
    const target = row.route === "framework" ? cell.fw : cell.spot;
    target[0] += row.spend_gbp;
    target[1] += row.hours;
    cells.set(key, cell);
  }
  const lines = new Map<string, PremiumLine>();
  const add = (fy: string, lot: string, name: string) => {
    const key = `${fy}\u0000${lot}`;
    const existing = lines.get(key);
    if (existing) return existing;
    const created: PremiumLine = {
      financial_year: fy,
      lot_code: lot,
      lot_name: name,
      spot_hours: 0,
      spot_gbp: 0,
      at_framework_gbp: 0,
      premium: null,
      extra_gbp: 0,
      unmatched_spot_hours: 0
    };
    lines.set(key, created);
    return created;
  };
  for (const cell of cells.values()) {
    if (cell.spot[1] <= 0) continue;
    for (const line of [add(cell.fy, cell.lot, cell.name), add(cell.fy, "ALL", "All Lots")]) {
      if (cell.fw[1] <= 0) {
        line.unmatched_spot_hours += cell.spot[1];
        continue;
      }
      const frameworkRate = cell.fw[0] / cell.fw[1];
      line.spot_hours += cell.spot[1];
      line.spot_gbp += cell.spot[0];
      line.at_framework_gbp += cell.spot[1] * frameworkRate;
    }
  }
  return [...lines.values()]
    .map((line) => ({
      ...line,
      premium: line.at_framework_gbp > 0 ? line.spot_gbp / line.at_framework_gbp - 1 : null,
      extra_gbp: line.spot_gbp - line.at_framework_gbp
    }))
    .sort((a, b) =>
      a.financial_year === b.financial_year
        ? a.lot_code.localeCompare(b.lot_code)
        : a.financial_year.localeCompare(b.financial_year)
    );
}

/** Cost per hour and per child of one provider (or a whole Lot) in one year. */
export interface ProviderCost {
  lot_code: string;
  lot_name: string;
  provider_id: string;
  provider_name: string;
  routes: string;
  spend_gbp: number;
  hours: number;
  children: number;
  packages: number;
  /** spend ÷ hours; `null` without hours. */
  cost_per_hour: number | null;
  /** spend ÷ distinct children supported in the year; `null` without children. */
  cost_per_child: number | null;
}

/**
 * Cost per hour and per child by Lot and provider for the filters' year, area and funder (and Lot, unless ALL).
 * Rows for a whole Lot have `provider_id = "ALL"`.
 *
 * @example
 * providerCosts(providerRows, {financialYear: "2024-25", area: "ALL", lot: "ALL", funder: "ALL"});
 */
export function providerCosts(rows: readonly SpendProviderRow[], filter: SpendFilter): ProviderCost[] {
  return rows
    .filter(
      (row) =>
        row.financial_year === filter.financialYear &&
        row.area_code === filter.area &&
        row.funder === filter.funder &&
        (filter.lot === "ALL" || row.lot_code === filter.lot) &&
        row.spend_gbp > 0
    )
    .map((row) => ({
      lot_code: row.lot_code,
      lot_name: row.lot_name,
      provider_id: row.provider_id,
      provider_name: row.provider_name,
      routes: row.routes,
      spend_gbp: row.spend_gbp,
      hours: row.hours,
      children: row.children,
      packages: row.packages,
      cost_per_hour: row.hours > 0 ? row.spend_gbp / row.hours : null,
      cost_per_child: row.children > 0 ? row.spend_gbp / row.children : null
    }))
    .sort((a, b) =>
      a.lot_code === b.lot_code
        ? (a.provider_id === "ALL" ? -1 : 0) - (b.provider_id === "ALL" ? -1 : 0) ||
          a.provider_name.localeCompare(b.provider_name)
        : a.lot_code.localeCompare(b.lot_code)
    );
}
