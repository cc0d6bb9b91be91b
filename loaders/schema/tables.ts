import type {TableSpec} from "./types.js";

/** SEN2 primary-need codes (DfE SEN2 guide, "primary type of need"). */
export const PRIMARY_NEEDS = [
  "ASD",
  "SLCN",
  "SEMH",
  "MLD",
  "SLD",
  "PMLD",
  "SPLD",
  "PD",
  "HI",
  "VI",
  "MSI",
  "OTH",
  "NSA"
] as const;

const code = {kind: "code"} as const;
const text = {kind: "text"} as const;
const bool = {kind: "bool"} as const;
const date = {kind: "date"} as const;
const month = {kind: "month"} as const;
const codeList = {kind: "code-list"} as const;
const wholeAtLeast0 = {kind: "whole", min: 0} as const;

/**
 * The council dataset schema: every file, in dependency order (a parent file comes before the files that
 * reference it), with its columns. This is the single source of truth for the validator and for
 * `docs/data-dictionary.md` (a unit test checks the dictionary lists every column).
 *
 * @example
 * SCHEMA.find((t) => t.name === "referrals")?.columns.map((c) => c.name);
 */
export const SCHEMA = [
  {
    name: "lots",
    file: "lots.csv",
    rowMeaning: "Lot of a commissioning framework",
    required: true,
    key: ["lot_code"],
    columns: [
      {name: "lot_code", type: code, required: true, meaning: "Lot identifier, referenced by other files"},
      {name: "lot_name", type: text, required: true, meaning: "Lot name as published in the framework"},
      {name: "framework_code", type: code, required: true, meaning: "Framework the Lot belongs to"},
      {name: "framework_name", type: text, required: true, meaning: "Framework name"},
      {name: "statutory", type: bool, required: true, meaning: "`true` if the service meets a statutory duty"},
      {name: "description", type: text, required: false, meaning: "What the Lot buys"}
    ]
  },
  {
    name: "areas",
    file: "areas.csv",
    rowMeaning: "area (district, double district, zone or locality)",
    required: true,
    key: ["area_code"],
    columns: [
      {name: "area_code", type: code, required: true, meaning: "Area identifier, referenced by other files"},
      {name: "area_name", type: text, required: true, meaning: "Area name"},
      {
        name: "area_type",
        type: {kind: "enum", values: ["district", "double_district", "zone", "locality"]},
        required: true,
        meaning: "Kind of area"
      },
      {
        name: "parent_area_code",
        type: code,
        required: false,
        meaning: "Enclosing area (blank for a top-level area)",
        references: "areas"
      }
    ]
  },
  {
    name: "providers",
    file: "providers.csv",
    rowMeaning: "provider",
    required: true,
    key: ["provider_id"],
    rowRules: [{kind: "not-before", later: "left_date", earlier: "joined_date"}],
    columns: [
      {name: "provider_id", type: code, required: true, meaning: "Provider identifier"},
      {name: "provider_name", type: text, required: true, meaning: "Provider (organisation) name"},
      {name: "on_framework", type: bool, required: true, meaning: "`true` if currently on the framework"},
      {name: "joined_date", type: date, required: false, meaning: "Date the provider joined the framework"},
      {
        name: "left_date",
        type: date,
        required: false,
        meaning: "Date the provider left the framework (not before `joined_date`)"
      },
      {name: "lots", type: codeList, required: true, meaning: "Lots the provider is approved for", references: "lots"},
      {name: "areas", type: codeList, required: true, meaning: "Areas the provider covers", references: "areas"}
    ]
  },
  {
    name: "provider_capacity",
    file: "provider_capacity.csv",
    rowMeaning: "provider × Lot × area × month",
    required: false,
    key: ["provider_id", "lot_code", "area_code", "month"],
    columns: [
      {name: "provider_id", type: code, required: true, meaning: "Provider", references: "providers"},
      {name: "lot_code", type: code, required: true, meaning: "Lot", references: "lots"},
      {name: "area_code", type: code, required: true, meaning: "Area", references: "areas"},
      {name: "month", type: month, required: true, meaning: "Month the capacity applies to"},
      {name: "hours_per_week", type: wholeAtLeast0, required: true, meaning: "Hours per week offered (whole hours)"},
      {name: "places", type: wholeAtLeast0, required: true, meaning: "Places offered"}
    ]
  },
  {
    name: "children",
    file: "children.csv",
    rowMeaning: "child or young person (pseudonymised)",
    required: true,
    key: ["child_id"],
    columns: [
      {name: "child_id", type: code, required: true, meaning: "Pseudonymous id (never a name, UPN or NHS number)"},
      {
        name: "birth_month",
        type: month,
        required: true,
        personal: true,
        meaning:
          "Month of birth `YYYY-MM` only: a full date of birth is refused as personal data; values are never printed"
      },
      {name: "area_code", type: code, required: true, meaning: "Area of residence", references: "areas"},
      {
        name: "primary_need",
        type: {kind: "enum", values: PRIMARY_NEEDS},
        required: true,
        meaning: "SEN2 primary type of need"
      },
      {name: "has_ehcp", type: bool, required: true, meaning: "`true` if the child has an EHC plan"},
      {
        name: "eligibility_route",
        type: {kind: "enum", values: ["social_care_assessed", "open_access", "none"]},
        required: true,
        meaning: "How the child became eligible for short breaks"
      }
    ]
  },
  {
    name: "referrals",
    file: "referrals.csv",
    rowMeaning: "referral for support",
    required: true,
    key: ["referral_id"],
    rowRules: [
      {kind: "not-before", later: "decision_date", earlier: "received_date"},
      {kind: "not-before", later: "package_start_date", earlier: "received_date"},
      {kind: "required-when", column: "decision_date", when: "outcome", values: ["placed", "declined", "withdrawn"]},
      {kind: "blank-when", column: "decision_date", when: "outcome", values: ["waiting"]},
      {kind: "required-when", column: "package_start_date", when: "outcome", values: ["placed"]}
    ],
    columns: [
      {name: "referral_id", type: code, required: true, meaning: "Referral identifier"},
      {name: "child_id", type: code, required: true, meaning: "Child referred", references: "children"},
      {name: "received_date", type: date, required: true, meaning: "Date the referral was received"},
      {name: "lot_code", type: code, required: true, meaning: "Lot requested", references: "lots"},
      {name: "area_code", type: code, required: true, meaning: "Area", references: "areas"},
      {
        name: "source",
        type: {kind: "enum", values: ["panel", "online_form", "professional"]},
        required: true,
        meaning: "Referral route"
      },
      {
        name: "outcome",
        type: {kind: "enum", values: ["placed", "declined", "withdrawn", "waiting"]},
        required: true,
        meaning: "Outcome so far"
      },
      {
        name: "decision_date",
        type: date,
        required: false,
        meaning: "Date of the decision: required unless `waiting`, blank if `waiting`; not before `received_date`"
      },
      {
        name: "package_start_date",
        type: date,
        required: false,
        meaning: "Date the package started: required if `placed`; not before `received_date`"
      }
    ]
  },
  {
    name: "packages",
    file: "packages.csv",
    rowMeaning: "package of care",
    required: true,
    key: ["package_id"],
    rowRules: [{kind: "not-before", later: "end_date", earlier: "start_date"}],
    columns: [
      {name: "package_id", type: code, required: true, meaning: "Package identifier"},
      {name: "child_id", type: code, required: true, meaning: "Child receiving the package", references: "children"},
      {
        name: "referral_id",
        type: code,
        required: false,
        meaning: "Referral that led to the package",
        references: "referrals"
      },
      {name: "lot_code", type: code, required: true, meaning: "Lot", references: "lots"},
      {
        name: "provider_id",
        type: code,
        required: false,
        meaning: "Provider (blank for direct payments)",
        references: "providers"
      },
      {name: "area_code", type: code, required: true, meaning: "Area", references: "areas"},
      {
        name: "route",
        type: {kind: "enum", values: ["framework", "spot_purchase", "direct_payment", "in_house"]},
        required: true,
        meaning: "How the package is bought"
      },
      {
        name: "funder",
        type: {kind: "enum", values: ["council", "health", "joint"]},
        required: true,
        meaning: "Who pays"
      },
      {name: "start_date", type: date, required: true, meaning: "Start date"},
      {name: "end_date", type: date, required: false, meaning: "End date (blank = ongoing; not before `start_date`)"},
      {
        name: "hours_per_week",
        type: {kind: "decimal", min: 0, step: 0.25},
        required: true,
        meaning: "Hours per week, in quarter hours (a value off the quarter hour is a warning)"
      },
      {name: "hourly_rate", type: {kind: "money", min: 0}, required: true, meaning: "Hourly rate in pounds"}
    ]
  },
  {
    name: "budgets",
    file: "budgets.csv",
    rowMeaning: "financial year × Lot",
    required: true,
    key: ["financial_year", "lot_code"],
    columns: [
      {name: "financial_year", type: {kind: "financial-year"}, required: true, meaning: "Financial year `2024-25`"},
      {name: "lot_code", type: code, required: true, meaning: "Lot", references: "lots"},
      {name: "budget_gbp", type: {kind: "money", min: 0}, required: true, meaning: "Budget in pounds"}
    ]
  },
  {
    name: "ehcp_activity",
    file: "ehcp_activity.csv",
    rowMeaning: "month × area",
    required: true,
    key: ["month", "area_code"],
    columns: [
      {name: "month", type: month, required: true, meaning: "Month of activity"},
      {name: "area_code", type: code, required: true, meaning: "Area", references: "areas"},
      {
        name: "requests_received",
        type: wholeAtLeast0,
        required: true,
        meaning: "EHC needs assessment requests received"
      },
      {name: "assessments_completed", type: wholeAtLeast0, required: true, meaning: "EHC needs assessments completed"},
      {name: "plans_issued", type: wholeAtLeast0, required: true, meaning: "New EHC plans issued"}
    ]
  },
  {
    name: "residential_units",
    file: "residential_units.csv",
    rowMeaning: "residential short-break unit",
    required: false,
    key: ["unit_id"],
    columns: [
      {name: "unit_id", type: code, required: true, meaning: "Unit identifier"},
      {name: "unit_name", type: text, required: true, meaning: "Unit name"},
      {name: "area_code", type: code, required: true, meaning: "Area", references: "areas"},
      {name: "beds", type: {kind: "whole", min: 1}, required: true, meaning: "Beds (whole number > 0)"},
      {
        name: "occupancy_target_pct",
        type: {kind: "decimal", min: 0, max: 100},
        required: true,
        meaning: "Target occupancy, percent (0–100)"
      }
    ]
  },
  {
    name: "residential_nights",
    file: "residential_nights.csv",
    rowMeaning: "unit × night",
    required: false,
    key: ["unit_id", "date"],
    notes: ["`nights_used` must not exceed the unit's `beds` in `residential_units.csv` (rule `capacity`)."],
    columns: [
      {name: "unit_id", type: code, required: true, meaning: "Unit", references: "residential_units"},
      {name: "date", type: date, required: true, meaning: "Night (the date the night starts)"},
      {name: "nights_used", type: wholeAtLeast0, required: true, meaning: "Beds used that night (0 ≤ n ≤ beds)"}
    ]
  },
  {
    name: "meta",
    file: "meta.csv",
    rowMeaning: "key/value fact about the extract",
    required: false,
    key: ["key"],
    notes: [
      "Known keys: `council_name`, `extract_date` (ISO date the extract was taken: checked as a date), `dataset_name`, `source`. Another key is a warning."
    ],
    columns: [
      {name: "key", type: code, required: true, meaning: "Key"},
      {name: "value", type: text, required: true, meaning: "Value"}
    ]
  }
] as const satisfies readonly TableSpec[];

/** Name of a table of the council dataset (`"referrals"`, …). */
export type TableName = (typeof SCHEMA)[number]["name"];

/** Known keys of `meta.csv`. */
export const META_KEYS = ["council_name", "extract_date", "dataset_name", "source"] as const;

/**
 * Look up a table's spec by name or file name.
 *
 * @example
 * tableSpec("referrals.csv")?.name; // "referrals"
 */
export function tableSpec(nameOrFile: string): (typeof SCHEMA)[number] | undefined {
  return SCHEMA.find((t) => t.name === nameOrFile || t.file === nameOrFile);
}
