/**
 * An independent, plain-TypeScript computation of the notebook's series straight from the council's CSV files
 * (child-level rows, parsed with d3-dsv), to check `series.sql` on the aggregates. Written without looking at the
 * SQL's structure: per month, then per period, then the rolling window.
 */
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {dataDir} from "../../../loaders/paths.js";
import type {SeriesSelection} from "../../../src/components/trend/measures.js";

type Row = Record<string, string>;
const read = (name: string): Row[] => csvParse(readFileSync(join(dataDir(), `${name}.csv`), "utf-8"));

const DAY = 86_400_000;
const day = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const addMonths = (month: string, k: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};
const monthEnd = (month: string) => day(`${addMonths(month, 1)}-01`) - 1;

export interface IndependentData {
  referrals: Row[];
  children: Map<string, Row>;
  ehcp: Row[];
  packages: Row[];
  extract: string;
}

export function loadIndependent(): IndependentData {
  const meta = Object.fromEntries(read("meta").map((r) => [r.key, r.value]));
  const referrals = read("referrals");
  return {
    referrals,
    children: new Map(read("children").map((c) => [c.child_id, c])),
    ehcp: read("ehcp_activity"),
    packages: read("packages"),
    extract:
      meta.extract_date ??
      referrals
        .map((r) => r.received_date)
        .sort()
        .at(-1)!
  };
}

const matches = (value: string, wanted: string) => wanted === "ALL" || value === wanted;

/** Value of the selection's measure in each month from the first month of data to `lastMonth`. */
export function monthlyValues(data: IndependentData, sel: SeriesSelection, lastMonth: string): Map<string, number> {
  const firstReferral = data.referrals.map((r) => r.received_date).sort()[0];
  const y = Number(firstReferral.slice(0, 4)) - (Number(firstReferral.slice(5, 7)) < 4 ? 1 : 0);
  const packageStart = `${y}-04`;
  const values = new Map<string, number>();
  const add = (month: string, v: number) => values.set(month, (values.get(month) ?? 0) + v);
  let first: string;
  const extractDay = day(data.extract);
  if (sel.measure === "referrals") {
    first = firstReferral.slice(0, 7);
    for (const r of data.referrals) {
      const need = data.children.get(r.child_id)!.primary_need;
      if (
        matches(r.area_code, sel.area) &&
        matches(r.lot_code, sel.lot) &&
        matches(need, sel.need) &&
        matches(r.source, sel.source)
      )
        add(r.received_date.slice(0, 7), 1);
    }
  } else if (sel.measure.startsWith("ehcp_")) {
    const column = {
      ehcp_requests: "requests_received",
      ehcp_assessments: "assessments_completed",
      ehcp_plans: "plans_issued"
    }[sel.measure as "ehcp_requests"];
    first = data.ehcp.map((e) => e.month).sort()[0];
    for (const e of data.ehcp) if (matches(e.area_code, sel.area)) add(e.month, Number(e[column]));
  } else {
    first = packageStart;
    const extractMonth = data.extract.slice(0, 7);
    for (let month = packageStart; month <= extractMonth; month = addMonths(month, 1)) {
      const start = day(`${month}-01`);
      const cutoff = Math.min(monthEnd(month), extractDay);
      const children = new Set<string>();
      for (const p of data.packages) {
        if (!(matches(p.area_code, sel.area) && matches(p.lot_code, sel.lot) && matches(p.funder, sel.funder)))
          continue;
        const end = p.end_date === "" ? Infinity : day(p.end_date);
        if (sel.measure === "children_supported") {
          if (day(p.start_date) <= cutoff && end >= cutoff) children.add(p.child_id);
        } else if (matches(p.route, sel.route)) {
          const days = Math.min(cutoff, end) - Math.max(start, day(p.start_date)) + 1;
          if (days > 0) {
            const hours = (Number(p.hours_per_week) * days) / 7;
            add(month, sel.measure === "spend" ? hours * Number(p.hourly_rate) : hours);
          }
        }
      }
      if (sel.measure === "children_supported") values.set(month, children.size);
    }
  }
  const out = new Map<string, number>();
  const dataLast = [...values.keys()].sort().at(-1)!;
  const last = lastMonth < dataLast ? lastMonth : dataLast;
  for (let month = first; month <= last; month = addMonths(month, 1)) out.set(month, values.get(month) ?? 0);
  return out;
}

/** The period label of a month at a grain (financial years and quarters). */
function periodOf(month: string, grain: SeriesSelection["grain"]): string {
  if (grain === "month") return month;
  const m = Number(month.slice(5, 7));
  const start = Number(month.slice(0, 4)) - (m < 4 ? 1 : 0);
  const fy = `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
  return grain === "year" ? fy : `${fy} Q${Math.floor(((m + 8) % 12) / 3) + 1}`;
}

/** The series as `series.sql` defines it: complete periods, flows summed, stock at period end, rolling window. */
export function independentSeries(
  data: IndependentData,
  sel: SeriesSelection,
  lastMonth: string
): {period: string; value: number}[] {
  const monthly = monthlyValues(data, sel, lastMonth);
  const size = {month: 1, quarter: 3, year: 12}[sel.grain];
  const periods: {period: string; months: string[]; values: number[]}[] = [];
  for (const [month, value] of monthly) {
    const period = periodOf(month, sel.grain);
    if (periods.at(-1)?.period !== period) periods.push({period, months: [], values: []});
    periods.at(-1)!.months.push(month);
    periods.at(-1)!.values.push(value);
  }
  const stock = sel.measure === "children_supported";
  const complete = periods
    .filter((p) => p.months.length === size)
    .map((p) => ({period: p.period, value: stock ? p.values.at(-1)! : p.values.reduce((a, b) => a + b, 0)}));
  const out: {period: string; value: number}[] = [];
  for (let i = sel.window - 1; i < complete.length; i++) {
    const window = complete.slice(i - sel.window + 1, i + 1).map((p) => p.value);
    const sum = window.reduce((a, b) => a + b, 0);
    out.push({period: complete[i].period, value: stock ? sum / sel.window : sum});
  }
  return out;
}
