/**
 * Independent reading of the demo county for the aggregate tests: the CSVs parsed with d3-dsv and plain
 * TypeScript date arithmetic, sharing no code with the loaders or with src/components/periods.ts.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {dataDir} from "../../../loaders/paths.js";

/** Rows of one demo CSV as string records (blank cells are ""). */
export function demoCsv(name: string): Record<string, string>[] {
  return csvParse(readFileSync(join(dataDir(), `${name}.csv`), "utf-8"));
}

const DAY = 86_400_000;
/** Whole days since 1970-01-01 of an ISO date. */
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
/** ISO date of a day number. */
export const isoOfDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
/** `2024-25` for a date in April 2024 to March 2025. */
export const fyLabel = (iso: string): string => {
  const year = Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
};
/** Median by sorting (mean of the two middle values for an even count). */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
