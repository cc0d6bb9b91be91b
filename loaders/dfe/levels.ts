import {MONTH_NAMES} from "../../src/components/format.js";

/**
 * EES `geographic_level` values and, for the common ones, the columns that hold the code and name of
 * the row's own geography. Reference: DfE "Explore education statistics: geographic levels" guidance.
 */
export const GEOGRAPHIC_LEVELS: Readonly<Record<string, {code: readonly string[]; name: string} | null>> = {
  National: {code: ["country_code"], name: "country_name"},
  Regional: {code: ["region_code"], name: "region_name"},
  "Local authority": {code: ["new_la_code", "old_la_code"], name: "la_name"},
  "Local authority district": {code: ["lad_code"], name: "lad_name"},
  "Parliamentary constituency": {code: ["pcon_code"], name: "pcon_name"},
  "Local enterprise partnership": {
    code: ["local_enterprise_partnership_code"],
    name: "local_enterprise_partnership_name"
  },
  "English devolved area": {code: ["english_devolved_area_code"], name: "english_devolved_area_name"},
  "Opportunity area": {code: ["opportunity_area_code"], name: "opportunity_area_name"},
  Ward: {code: ["ward_code"], name: "ward_name"},
  "Police force area": {code: ["police_force_area_code"], name: "police_force_area_name"},
  "Local skills improvement plan area": {
    code: ["local_skills_improvement_plan_area_code"],
    name: "local_skills_improvement_plan_area_name"
  },
  "Mayoral combined authority": {code: ["mayoral_combined_authority_code"], name: "mayoral_combined_authority_name"},
  "Planning area": {code: ["planning_area_code"], name: "planning_area_name"},
  "RSC region": {code: ["rsc_region_lead_name"], name: "rsc_region_lead_name"},
  MAT: {code: ["trust_id"], name: "trust_name"},
  Sponsor: {code: ["sponsor_id"], name: "sponsor_name"},
  School: {code: ["school_urn"], name: "school_name"},
  Provider: {code: ["provider_ukprn"], name: "provider_name"},
  Institution: {code: ["institution_id"], name: "institution_name"}
};

/** Columns that describe time or geography (never indicators or filters). */
export const EES_META_COLUMNS: ReadonlySet<string> = new Set([
  "time_period",
  "time_identifier",
  "geographic_level",
  "old_la_code",
  "school_laestab",
  ...Object.values(GEOGRAPHIC_LEVELS).flatMap((v) => (v === null ? [] : [...v.code, v.name]))
]);

const FOUR_DIGIT = ["Calendar year", "Reporting year"];
const SIX_DIGIT = [
  "Academic year",
  "Financial year",
  "Tax year",
  "Autumn term",
  "Spring term",
  "Summer term",
  "Autumn and spring term"
];

/**
 * How a `time_identifier` writes its `time_period`: `"year"` (`2022`), `"span"` (`202122`, second pair =
 * first + 1), or null for an unknown identifier. Quarters (`Financial year Q1`), parts, months and weeks
 * follow their base period. Reference: DfE EES "time_identifier" allowable values.
 *
 * @example
 * periodFormat("Financial year Q3"); // "span"
 * periodFormat("Calendar year"); // "year"
 */
export function periodFormat(identifier: string): "year" | "span" | null {
  const base = identifier.replace(/ (Q[1-4]|Q[1-4]-Q[1-4]|part [12])$/, "");
  if (SIX_DIGIT.includes(base)) return "span";
  if (
    FOUR_DIGIT.includes(base) ||
    (MONTH_NAMES as readonly string[]).includes(base) ||
    /^Week ([1-9]|[1-4]\d|5[0-3])$/.test(base)
  )
    return "year";
  return null;
}

/**
 * Check a `time_period` against its `time_identifier`; returns the start year, or an error message.
 *
 * @example
 * checkTimePeriod("202122", "Financial year"); // {year: 2021}
 * checkTimePeriod("202120", "Academic year"); // {error: 'time_period "202120" ...'}
 */
export function checkTimePeriod(period: string, identifier: string): {year: number} | {error: string} {
  const format = periodFormat(identifier);
  if (format === null) return {error: `unknown time_identifier "${identifier}"`};
  if (format === "year") {
    return /^\d{4}$/.test(period)
      ? {year: Number(period)}
      : {error: `time_period "${period}" must be a 4-digit year for time_identifier "${identifier}"`};
  }
  const m = /^(\d{4})(\d{2})$/.exec(period);
  if (m === null)
    return {error: `time_period "${period}" must be 6 digits (e.g. 202122) for time_identifier "${identifier}"`};
  const first = Number(m[1]);
  if (Number(m[2]) !== (first + 1) % 100) {
    return {
      error: `time_period "${period}": the second year must be the first + 1 (${m[1]}${String((first + 1) % 100).padStart(2, "0")})`
    };
  }
  return {year: first};
}
