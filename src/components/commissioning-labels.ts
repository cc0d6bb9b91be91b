/**
 * Reader-facing names for the codes in the data (purchasing routes, funders, referral outcomes, Lots), in a fixed
 * order, so every chart and table names and orders them the same way.
 */

/** Purchasing routes of `packages.route`, in display order. */
export const ROUTES = ["framework", "spot_purchase", "direct_payment", "in_house"] as const;
export type Route = (typeof ROUTES)[number];

const ROUTE_LABELS: Record<Route, string> = {
  framework: "Framework",
  spot_purchase: "Spot purchase",
  direct_payment: "Direct payment",
  in_house: "In-house"
};

/** Funders of `packages.funder`, in display order. */
export const FUNDERS = ["council", "health", "joint"] as const;
export type Funder = (typeof FUNDERS)[number];

const FUNDER_LABELS: Record<Funder, string> = {council: "Council", health: "Health", joint: "Joint"};

const OUTCOME_LABELS: Record<string, string> = {
  placed: "Placed",
  declined: "Declined",
  withdrawn: "Withdrawn",
  waiting: "Still waiting"
};

/**
 * The name of a purchasing route.
 *
 * @example
 * routeLabel("spot_purchase"); // "Spot purchase"
 */
export function routeLabel(route: string): string {
  return ROUTE_LABELS[route as Route] ?? route;
}

/**
 * The name of a funder.
 *
 * @example
 * funderLabel("health"); // "Health"
 */
export function funderLabel(funder: string): string {
  return FUNDER_LABELS[funder as Funder] ?? funder;
}

/**
 * The name of a referral outcome.
 *
 * @example
 * outcomeLabel("waiting"); // "Still waiting"
 */
export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

/**
 * A short label for a Lot code, for chart axes and direct labels: `LOT1` → `Lot 1`, `Lot A` → `Lot A`; another
 * code is kept as it is.
 *
 * @example
 * lotLabel("LOT2"); // "Lot 2"
 */
export function lotLabel(lotCode: string): string {
  const match = /^lot[\s_-]*(\w+)$/i.exec(lotCode);
  return match ? `Lot ${match[1].toUpperCase()}` : lotCode;
}
