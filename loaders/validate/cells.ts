import type {ColumnSpec} from "../schema/types.js";

/** Outcome of parsing one non-blank cell: a typed value, or a rule and a message (and optional warning). */
export type CellResult =
  | {ok: true; value: string | number | boolean | string[]; warning?: {rule: string; message: string}}
  | {ok: false; rule: string; message: string};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?(\d+)(\.\d+)?$/;

/**
 * True if `y-m-d` is a real calendar day (proleptic Gregorian; leap years per ISO 8601).
 *
 * @example
 * isCalendarDate(2024, 2, 29); // true
 * isCalendarDate(2023, 2, 29); // false
 */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * The ISO date of an Excel (1900 date system) serial number: serial 1 = 1900-01-01, with Excel's
 * fictitious 1900-02-29 (serial 60), so serials ≥ 61 are days since 1899-12-30.
 * Reference: Microsoft, "Date systems in Excel".
 *
 * @example
 * excelSerialToIso(45383); // "2024-04-01"
 */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function quoted(raw: string, personal: boolean): string {
  return personal ? "(value withheld)" : `"${raw}"`;
}

function parseDate(raw: string, personal: boolean): CellResult {
  const v = quoted(raw, personal);
  const m = ISO_DATE.exec(raw);
  if (m) {
    if (isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return {ok: true, value: raw};
    return {ok: false, rule: "iso-date", message: `invalid date ${v}: no such day in the calendar`};
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(raw)) {
    return {
      ok: false,
      rule: "iso-date",
      message: `invalid date ${v}: not an ISO date; write YYYY-MM-DD (day/month order is ambiguous)`
    };
  }
  if (/^\d{5}(\.\d+)?$/.test(raw)) {
    const hint = personal ? "" : ` (${raw} is ${excelSerialToIso(Number(raw))})`;
    return {
      ok: false,
      rule: "iso-date",
      message: `invalid date ${v}: looks like an Excel date serial number${hint}; format the column as YYYY-MM-DD before saving`
    };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(raw)) {
    return {ok: false, rule: "iso-date", message: `invalid date ${v}: remove the time; write YYYY-MM-DD`};
  }
  return {ok: false, rule: "iso-date", message: `invalid date ${v}: write YYYY-MM-DD`};
}

function parseMonth(raw: string, personal: boolean): CellResult {
  const v = quoted(raw, personal);
  const m = MONTH.exec(raw);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return {ok: true, value: raw};
  if (/^\d{4}-\d{2}-\d{2}/.test(raw) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(raw)) {
    if (personal) {
      return {
        ok: false,
        rule: "personal-data",
        message: `a full date was given where a month YYYY-MM is expected ${v}: a date of birth is personal data; give the month only`
      };
    }
    return {ok: false, rule: "month", message: `invalid month ${v}: a month is YYYY-MM, not a full date`};
  }
  return {ok: false, rule: "month", message: `invalid month ${v}: write YYYY-MM`};
}

function parseFinancialYear(raw: string): CellResult {
  const m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (m) {
    const first = Number(m[1]);
    if (Number(m[2]) === (first + 1) % 100) return {ok: true, value: raw};
    return {
      ok: false,
      rule: "financial-year",
      message: `invalid financial year "${raw}": the second year must follow the first (${first}-${String((first + 1) % 100).padStart(2, "0")})`
    };
  }
  const six = /^(\d{4})\/?(\d{2})$/.exec(raw);
  const hint = six ? `; write ${six[1]}-${six[2]}` : "; write e.g. 2024-25";
  return {ok: false, rule: "financial-year", message: `invalid financial year "${raw}"${hint}`};
}

function checkRange(
  raw: string,
  value: number,
  min: number | undefined,
  max: number | undefined,
  personal: boolean
): CellResult | null {
  if (min !== undefined && value < min) {
    return {ok: false, rule: "range", message: `${quoted(raw, personal)} is below the minimum ${min}`};
  }
  if (max !== undefined && value > max) {
    return {ok: false, rule: "range", message: `${quoted(raw, personal)} is above the maximum ${max}`};
  }
  return null;
}

function parseNumber(raw: string, col: ColumnSpec): CellResult {
  const type = col.type;
  const personal = col.personal === true;
  const v = quoted(raw, personal);
  if (type.kind === "money" && /[£$€]/.test(raw)) {
    const plain = raw.replace(/[£$€,\s]/g, "");
    return {
      ok: false,
      rule: "money",
      message: `invalid amount ${v}: write pounds as a plain decimal without £ or commas (${plain})`
    };
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) {
    const rule = type.kind === "whole" ? "whole-number" : type.kind;
    return {
      ok: false,
      rule,
      message: `invalid number ${v}: remove the thousands separator (write ${raw.replace(/,/g, "")})`
    };
  }
  if (type.kind === "whole") {
    if (!WHOLE.test(raw)) {
      const why = DECIMAL.test(raw) ? "whole units required" : "not a whole number";
      return {ok: false, rule: "whole-number", message: `invalid whole number ${v}: ${why}`};
    }
    const value = Number(raw);
    return checkRange(raw, value, type.min, type.max, personal) ?? {ok: true, value};
  }
  if (!DECIMAL.test(raw)) {
    const rule = type.kind === "money" ? "money" : "decimal";
    return {
      ok: false,
      rule,
      message: `invalid ${type.kind === "money" ? "amount" : "number"} ${v}: write a plain decimal`
    };
  }
  const value = Number(raw);
  const min = type.kind === "decimal" || type.kind === "money" ? type.min : undefined;
  const max = type.kind === "decimal" ? type.max : undefined;
  const ranged = checkRange(raw, value, min, max, personal);
  if (ranged) return ranged;
  if (type.kind === "decimal" && type.step !== undefined) {
    const steps = value / type.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      return {
        ok: true,
        value,
        warning: {rule: "step", message: `${v} is not a multiple of ${type.step}`}
      };
    }
  }
  return {ok: true, value};
}

const WRITE_BOOL = /^(true|false|yes|no|y|n|1|0)$/i;

/**
 * Parse one non-blank, already whitespace-checked cell according to its column type.
 * Values of personal columns are never put into a message ("value withheld").
 *
 * @example
 * parseCell("2024-02-30", {name: "d", type: {kind: "date"}, required: true, meaning: ""});
 * // {ok: false, rule: "iso-date", message: 'invalid date "2024-02-30": no such day in the calendar'}
 */
export function parseCell(raw: string, col: ColumnSpec): CellResult {
  const type = col.type;
  const personal = col.personal === true;
  switch (type.kind) {
    case "code":
    case "text":
      return {ok: true, value: raw};
    case "bool":
      if (raw === "true") return {ok: true, value: true};
      if (raw === "false") return {ok: true, value: false};
      return {
        ok: false,
        rule: "bool",
        message: `invalid boolean ${quoted(raw, personal)}: write true or false${WRITE_BOOL.test(raw) ? " (lower case)" : ""}`
      };
    case "whole":
    case "decimal":
    case "money":
      return parseNumber(raw, col);
    case "date":
      return parseDate(raw, personal);
    case "month":
      return parseMonth(raw, personal);
    case "financial-year":
      return parseFinancialYear(raw);
    case "enum": {
      if (type.values.includes(raw)) return {ok: true, value: raw};
      const near = type.values.find((x) => x.toLowerCase() === raw.toLowerCase().replace(/[\s-]+/g, "_"));
      const hint = near !== undefined ? `; did you mean "${near}"?` : `; expected one of ${type.values.join(", ")}`;
      return {ok: false, rule: "enum", message: `invalid value ${quoted(raw, personal)}${hint}`};
    }
    case "code-list": {
      const items = raw.split(";");
      const bad = items.find((x) => x === "" || x !== x.trim());
      if (bad !== undefined) {
        return {
          ok: false,
          rule: "code-list",
          message: `invalid code list ${quoted(raw, personal)}: separate codes with ";" and no spaces or empty items`
        };
      }
      return {ok: true, value: items};
    }
  }
}
