import {readFile} from "node:fs/promises";
import {decodeUtf8, firstInvalidByte, invalidByteMessage} from "../csv/decode.js";
import {type CsvRecord, readCsvRecords} from "../csv/parse.js";
import type {FileReport, ValidationIssue} from "../validate/types.js";
import {EES_META_COLUMNS, GEOGRAPHIC_LEVELS, checkTimePeriod} from "./levels.js";
import {type DfeCell, parseDfeCell} from "./symbols.js";

/**
 * One row of a DfE explore-education-statistics (EES) file, typed. `year` is the start year of
 * `time_period` (`202122` → 2021). `code`/`name` are the row's own geography (LA: `new_la_code`, or
 * `old_la_code` when the new code is blank, and `la_name`; Regional: `region_code`; National: `country_code`).
 * `values` holds every indicator as a {@link DfeCell}; `filters` holds text breakdown columns.
 */
export interface EesRow {
  line: number;
  timePeriod: string;
  timeIdentifier: string;
  year: number;
  geographicLevel: string;
  code: string;
  name: string;
  geography: Record<string, string>;
  filters: Record<string, string>;
  values: Record<string, DfeCell>;
}

/** Result of checking an EES file. */
export interface EesCheck {
  header: string[];
  indicators: string[];
  filters: string[];
  rows: EesRow[];
  report: FileReport;
  issues: ValidationIssue[];
}

/** Columns whose presence identifies an EES file. */
export const EES_REQUIRED_COLUMNS = ["time_period", "time_identifier", "geographic_level"] as const;

/**
 * True if a header row is an EES header (has `time_period`, `time_identifier` and `geographic_level`).
 *
 * @example
 * isEesHeader(["time_period", "time_identifier", "geographic_level", "country_code"]); // true
 */
export function isEesHeader(header: readonly string[]): boolean {
  return EES_REQUIRED_COLUMNS.every((c) => header.includes(c));
}

/**
 * Which non-time, non-geography columns are indicators: a column is an indicator when at least half of its
 * non-blank cells are numbers or GSS symbols (so a typo like `12a` is reported, not promoted to a filter);
 * otherwise it is a filter (text breakdown such as `SEN support`). `options.filters` overrides.
 */
function classifyColumns(
  header: string[],
  records: CsvRecord[],
  forcedFilters: readonly string[]
): {indicators: string[]; filters: string[]} {
  const indicators: string[] = [];
  const filters: string[] = [];
  header.forEach((name, index) => {
    if (EES_META_COLUMNS.has(name)) return;
    if (forcedFilters.includes(name)) {
      filters.push(name);
      return;
    }
    let nonBlank = 0;
    let statistic = 0;
    for (const r of records) {
      const cell = r.fields[index];
      if (cell === undefined || cell === "") continue;
      nonBlank += 1;
      if (parseDfeCell(cell) !== null) statistic += 1;
    }
    (nonBlank === 0 || statistic * 2 >= nonBlank ? indicators : filters).push(name);
  });
  return {indicators, filters};
}

/**
 * Check and type a DfE EES CSV: header, `time_period` against `time_identifier`, known `geographic_level`,
 * the geography code/name each level needs, and every indicator cell (a number or a GSS symbol; blank is a
 * warning and becomes a missing value with symbol ""). Symbols are kept as typed missing values, never 0.
 * A row with any error is rejected. Reference: DfE "Open data standards" for EES files.
 *
 * @example
 * const {rows, issues} = checkEes(bytes, "sen2_mi_2014_2022.csv");
 */
export function checkEes(bytes: Uint8Array, file: string, options: {filters?: readonly string[]} = {}): EesCheck {
  const issues: ValidationIssue[] = [];
  let errorCount = 0;
  const error = (row: number | null, column: string | null, rule: string, message: string): void => {
    errorCount += 1;
    issues.push({file, row, column, rule, message, severity: "error"});
  };
  const all = [...readCsvRecords(decodeUtf8(bytes).text)];
  const header = all[0]?.fields ?? [];
  const records = all.slice(1);
  const empty = (): EesCheck => ({
    header,
    indicators: [],
    filters: [],
    rows: [],
    report: {file, rowsRead: records.length, rowsAccepted: 0, rowsRejected: records.length},
    issues
  });
  if (all.length === 0) {
    error(null, null, "empty-file", "0 data rows: the file is empty (no header row)");
    return empty();
  }
  const missing = EES_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  for (const c of missing) error(1, c, "missing-column", `required column "${c}" is missing from the header`);
  if (missing.length > 0) return empty();
  if (records.length === 0) error(null, null, "empty-file", "0 data rows: the file has a header but no data");
  const {indicators, filters} = classifyColumns(header, records, options.filters ?? []);
  const index = new Map(header.map((h, i) => [h, i] as const));
  const rows: EesRow[] = [];
  let rejected = 0;
  for (const record of records) {
    const line = record.line;
    const before = errorCount;
    if (record.syntaxError !== undefined) error(line, null, "csv-syntax", record.syntaxError);
    if (record.fields.length !== header.length) {
      error(line, null, "field-count", `${record.fields.length} fields, but the header has ${header.length}`);
      rejected += 1;
      continue;
    }
    const get = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? "" : record.fields[i];
    };
    for (const [i, cell] of record.fields.entries()) {
      const bad = firstInvalidByte(cell);
      if (bad !== null) error(line, header[i], "encoding", invalidByteMessage(bad));
    }
    const timePeriod = get("time_period");
    const timeIdentifier = get("time_identifier");
    const time = checkTimePeriod(timePeriod, timeIdentifier);
    if ("error" in time)
      error(
        line,
        "error" in time && time.error.startsWith("unknown") ? "time_identifier" : "time_period",
        "time-period",
        time.error
      );
    const geographicLevel = get("geographic_level");
    const level = GEOGRAPHIC_LEVELS[geographicLevel] as (typeof GEOGRAPHIC_LEVELS)[string] | undefined;
    let code = "";
    let name = "";
    if (level === undefined) {
      error(
        line,
        "geographic_level",
        "geographic-level",
        `unknown geographic_level "${geographicLevel}": expected one of ${Object.keys(GEOGRAPHIC_LEVELS).join(", ")}`
      );
    } else if (level !== null) {
      code = level.code.map(get).find((c) => c !== "") ?? "";
      name = get(level.name);
      if (code === "")
        error(
          line,
          level.code[0],
          "geography",
          `${level.code.join(" or ")} is required for geographic_level "${geographicLevel}"`
        );
      if (name === "" && index.has(level.name))
        error(line, level.name, "geography", `${level.name} is required for geographic_level "${geographicLevel}"`);
    }
    const values: Record<string, DfeCell> = {};
    for (const column of indicators) {
      const raw = get(column);
      const cell = parseDfeCell(raw);
      if (cell === null) {
        const hint = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)
          ? ": remove the thousands separator"
          : ": expected a number or a GSS symbol (c, x, z, low, u, :)";
        error(line, column, "ees-value", `invalid value "${raw}"${hint}`);
        continue;
      }
      if (raw.trim() === "")
        issues.push({
          file,
          row: line,
          column,
          rule: "ees-blank",
          message: "blank cell: use a GSS symbol (x, z, c, …)",
          severity: "warning"
        });
      values[column] = cell;
    }
    if (errorCount > before) {
      rejected += 1;
      continue;
    }
    const geography: Record<string, string> = {};
    const filterValues: Record<string, string> = {};
    header.forEach((h, i) => {
      if (EES_META_COLUMNS.has(h) && h !== "time_period" && h !== "time_identifier" && h !== "geographic_level")
        geography[h] = record.fields[i];
    });
    for (const f of filters) filterValues[f] = get(f);
    rows.push({
      line,
      timePeriod,
      timeIdentifier,
      year: "year" in time ? time.year : 0,
      geographicLevel,
      code,
      name,
      geography,
      filters: filterValues,
      values
    });
  }
  return {
    header,
    indicators,
    filters,
    rows,
    report: {file, rowsRead: records.length, rowsAccepted: rows.length, rowsRejected: rejected},
    issues
  };
}

/**
 * Read and check an EES file from disk (see {@link checkEes}).
 *
 * @example
 * const {rows} = await loadEesFile("../shared/data/sen2_mi_2014_2022.csv");
 */
export async function loadEesFile(
  path: string,
  label?: string,
  options: {filters?: readonly string[]} = {}
): Promise<EesCheck> {
  const bytes = await readFile(path);
  return checkEes(bytes, label ?? path.split(/[\\/]/).pop() ?? path, options);
}
