/**
 * A data artifact's disclosure declaration: which of its columns (JSON keys, Arrow columns) count children, which
 * are derived from counts, which are spend, and which numbers are not about children at all. The public build
 * refuses to emit an artifact without one (loaders/emit.ts), embeds it in the artifact (a top-level JSON key, an
 * Arrow schema metadata entry), and the scan of the output reads it back: a column it does not name is treated as a
 * count, so a number of 1 to 5 in it fails the build.
 */

/** The key of the declaration: a top-level JSON key, and the Arrow schema metadata key. */
export const DISCLOSURE_KEY = "$disclosure";

/** What a loader declares about the numbers it publishes. */
export interface DisclosureDeclaration {
  /** Columns holding counts of children (or of their referrals, placements, plans): 1 to 5 must be `c`. */
  counts: readonly string[];
  /** Percentages, rates, averages, costs per child and forecasts computed from counts (derived-figure rule). */
  derived?: readonly string[];
  /** Spend (dominance rule). */
  spend?: readonly string[];
  /** Numbers that are not about children: years, months, budgets, model diagnostics, tallies of suppressed cells. */
  other?: readonly string[];
}

/** How the scan treats a column. `unknown` is treated as a count. */
export type ColumnClass = "count" | "derived" | "spend" | "other" | "unknown";

/**
 * The class of a column under a declaration (`unknown` without one, or when the declaration does not name it).
 *
 * @example
 * classifyColumn({counts: ["referrals"], other: ["months"]}, "months"); // "other"
 * classifyColumn({counts: ["referrals"]}, "placed"); // "unknown"
 */
export function classifyColumn(declaration: DisclosureDeclaration | null, column: string): ColumnClass {
  if (declaration === null) return "unknown";
  if (declaration.counts.includes(column)) return "count";
  if (declaration.derived?.includes(column)) return "derived";
  if (declaration.spend?.includes(column)) return "spend";
  if (declaration.other?.includes(column)) return "other";
  return "unknown";
}

/**
 * Checks that a value is a well-formed declaration, naming the first problem.
 *
 * @example
 * parseDeclaration({counts: ["n"]}, "report.json"); // {counts: ["n"]}
 * parseDeclaration({}, "report.json"); // throws "invalid disclosure declaration in report.json: counts ..."
 */
export function parseDeclaration(value: unknown, where: string): DisclosureDeclaration {
  const fail = (problem: string) => new Error(`invalid disclosure declaration in ${where}: ${problem}`);
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw fail("not an object");
  const record = value as Record<string, unknown>;
  const list = (key: string, required: boolean): string[] | undefined => {
    const v = record[key];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v) || v.some((item) => typeof item !== "string")) throw fail(`${key} is not a list of names`);
    return v as string[];
  };
  const out: DisclosureDeclaration = {counts: list("counts", true)!};
  for (const key of ["derived", "spend", "other"] as const) {
    const v = list(key, false);
    if (v !== undefined) out[key] = v;
  }
  const seen = new Map<string, string>();
  for (const key of ["counts", "derived", "spend", "other"] as const) {
    for (const column of out[key] ?? []) {
      if (seen.has(column)) throw fail(`column ${column} is in both ${seen.get(column)} and ${key}`);
      seen.set(column, key);
    }
  }
  return out;
}
