/**
 * Types of the scenario planner's projection model. Pure data.
 */

/** The latest observed year for one Lot × area (from `data/scenario-baseline.json`). */
export interface BaselineCell {
  lot_code: string;
  area_code: string;
  /** Average hours a week delivered in the baseline year, by route. */
  framework_hours: number;
  spot_hours: number;
  in_house_hours: number;
  /** Spend in the baseline year, by route (£). */
  framework_spend: number;
  spot_spend: number;
  in_house_spend: number;
  /** Framework capacity: hours a week offered by framework providers, averaged over the year. */
  capacity_hours: number;
}

export interface Baseline {
  /** The latest complete financial year, e.g. "2024-25". */
  baselineYear: string;
  /** Days in the baseline year (365 or 366): hours a week × days ÷ 7 = hours in the year. */
  yearDays: number;
  ehcpRequests: number;
  ehcpPlans: number;
  lots: {lot_code: string; lot_name: string; statutory: boolean}[];
  areas: {area_code: string; area_name: string}[];
  cells: BaselineCell[];
  /** Budgets from the baseline year on (£), by financial year × Lot. */
  budgets: {financial_year: string; lot_code: string; budget: number}[];
}

/** A scenario's inputs. Rates are fractions (0.03 = 3%). */
export interface ScenarioInputs {
  /** Years projected after the baseline year, 3 to 5. */
  years: number;
  /** Growth in demand a year (all Lots). */
  demandGrowth: number;
  /** Share of EHC needs assessment requests that become plans. */
  conversion: number;
  /** Unit cost (hourly rate) inflation a year. */
  inflation: number;
  /** Budget growth a year, applied after the last budget set in `budgets.csv`. */
  budgetGrowth: number;
  /** Share of spot-purchased hours moved to the framework, 0 to 1 (capacity permitting). */
  spotShift: number;
  /** Framework capacity added from year 1, hours a week, keyed `LOT|AREA`. */
  capacityAdded: Record<string, number>;
}

/** One Lot × area in one projected year. */
export interface ProjectedCell {
  financial_year: string;
  year: number;
  lot_code: string;
  area_code: string;
  /** Commissioned hours a week needed (framework + spot + in-house). */
  demand_hours: number;
  /** Hours a week the framework should deliver after the shift from spot. */
  framework_wanted: number;
  capacity_hours: number;
  framework_hours: number;
  spot_hours: number;
  in_house_hours: number;
  /** framework_wanted − capacity: positive = shortfall bought on the spot market. */
  capacity_gap: number;
  framework_spend: number;
  spot_spend: number;
  in_house_spend: number;
  spend: number;
}

/** One Lot (or all Lots, `lot_code` "ALL") in one year, against budget. */
export interface ProjectedLotYear {
  financial_year: string;
  year: number;
  lot_code: string;
  demand_hours: number;
  capacity_gap: number;
  framework_spend: number;
  spot_spend: number;
  in_house_spend: number;
  spend: number;
  budget: number;
  /** spend − budget: positive = overspend. */
  variance: number;
}

export interface Projection {
  inputs: ScenarioInputs;
  /** Projected new EHC plans a year. */
  plans: {financial_year: string; year: number; requests: number; plans: number}[];
  cells: ProjectedCell[];
  lots: ProjectedLotYear[];
}
