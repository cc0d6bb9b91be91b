import {growth} from "./growth.js";
import type {Check} from "./check.js";
import {check} from "./check.js";
import {integerCell, numberCell, parseTable, sourceOf, textCell, type Source} from "./table.js";

/** One value of Lewisham's EHC needs assessment table (report para 4.8). */
export interface EhcpRow {
  readonly indicator: string;
  /** Financial/academic year as `2018-19`. */
  readonly year: string;
  readonly yearAsPrinted: string;
  readonly value: number;
  readonly source: Source;
}

/** Children and young people by Lot, Council (para 4.10) or CCG (para 4.11). */
export interface CypByLotRow {
  readonly commissioner: string;
  readonly year: string;
  readonly yearAsPrinted: string;
  /** `Lot A`, `Lot B`, `Lot C`, `Spot Purchase`, or the printed `Total`. */
  readonly category: string;
  readonly cyp: number;
  readonly source: Source;
}

/** Annual value of care by route, Council or CCG (para 5.5). */
export interface SpendRow {
  readonly commissioner: string;
  readonly year: string;
  readonly yearAsPrinted: string;
  /** `Framework`, `Spot Purchase` or the printed `Total`. */
  readonly route: string;
  readonly amountGbp: number;
  readonly amountAsPrinted: string;
  readonly source: Source;
}

const YEAR = /^\d{4}-\d{2}$/;

function year(row: Parameters<typeof textCell>[0], column: string): string {
  const value = textCell(row, column);
  if (!YEAR.test(value)) throw new Error(`invalid year in ${row.file} row ${row.row} column ${column}: "${value}"`);
  return value;
}

/**
 * Parse `lewisham/ehcp.csv`.
 * @throws Error naming file, row and column.
 * @example
 * parseEhcp(text, "lewisham/ehcp.csv")[3].value; // 592
 */
export function parseEhcp(text: string, file: string): EhcpRow[] {
  const columns = ["indicator", "year", "year_as_printed", "value", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => ({
    indicator: textCell(row, "indicator"),
    year: year(row, "year"),
    yearAsPrinted: textCell(row, "year_as_printed"),
    value: integerCell(row, "value"),
    source: sourceOf(row)
  }));
}

/**
 * Parse `lewisham/cyp_by_lot.csv`.
 * @example
 * parseCypByLot(text, "lewisham/cyp_by_lot.csv").length; // 24
 */
export function parseCypByLot(text: string, file: string): CypByLotRow[] {
  const columns = ["commissioner", "year", "year_as_printed", "category", "cyp", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => ({
    commissioner: textCell(row, "commissioner"),
    year: year(row, "year"),
    yearAsPrinted: textCell(row, "year_as_printed"),
    category: textCell(row, "category"),
    cyp: integerCell(row, "cyp"),
    source: sourceOf(row)
  }));
}

/**
 * Parse `lewisham/spend.csv`.
 * @example
 * parseSpend(text, "lewisham/spend.csv")[0].amountGbp; // 633000
 */
export function parseSpend(text: string, file: string): SpendRow[] {
  const columns = [
    "commissioner",
    "year",
    "year_as_printed",
    "route",
    "amount_gbp",
    "amount_as_printed",
    "source_document",
    "source_table"
  ];
  return parseTable(text, file, columns).map((row) => ({
    commissioner: textCell(row, "commissioner"),
    year: year(row, "year"),
    yearAsPrinted: textCell(row, "year_as_printed"),
    route: textCell(row, "route"),
    amountGbp: numberCell(row, "amount_gbp"),
    amountAsPrinted: textCell(row, "amount_as_printed"),
    source: sourceOf(row)
  }));
}

/** Growth of one EHCP indicator: since the first year and on the previous year. */
export interface IndicatorGrowth {
  readonly indicator: string;
  readonly firstYear: string;
  readonly previousYear: string;
  readonly lastYear: string;
  readonly first: number;
  readonly previous: number;
  readonly last: number;
  /** `last / first − 1`. */
  readonly sinceFirst: number;
  /** `last / previous − 1`. */
  readonly onPreviousYear: number;
}

/**
 * Growth of an EHCP indicator from its first to its last year, and over the last year.
 * For requests: 416 → 592 is +42.3% since 2018-19 and 486 → 592 is +21.8% on the previous year.
 * @throws Error if the indicator is unknown or has fewer than two years.
 * @example
 * indicatorGrowth(rows, "Requests for EHC Needs Assessments").sinceFirst; // 0.4230…
 */
export function indicatorGrowth(rows: readonly EhcpRow[], indicator: string): IndicatorGrowth {
  const series = rows.filter((row) => row.indicator === indicator).sort((a, b) => a.year.localeCompare(b.year));
  if (series.length < 2) throw new Error(`invalid indicator: ${indicator} needs at least two years`);
  const first = series[0];
  const previous = series[series.length - 2];
  const last = series[series.length - 1];
  return {
    indicator,
    firstYear: first.year,
    previousYear: previous.year,
    lastYear: last.year,
    first: first.value,
    previous: previous.value,
    last: last.value,
    sinceFirst: growth(first.value, last.value),
    onPreviousYear: growth(previous.value, last.value)
  };
}

/** Framework and spot-purchase spend for one commissioner and year, with shares. */
export interface SpendShare {
  readonly commissioner: string;
  readonly year: string;
  readonly frameworkGbp: number;
  readonly spotPurchaseGbp: number;
  /** The printed total. */
  readonly totalGbp: number;
  /** `spot / total`; 0 when the total is 0. */
  readonly spotShare: number;
  /** `framework / total`; 0 when the total is 0. */
  readonly frameworkShare: number;
}

/**
 * Framework versus spot-purchase share of spend for every commissioner and year, in file order.
 * Lewisham Council 2021-22: £374,000 of £1,073,000 spot purchased, a share of 34.9%.
 * @throws Error if a commissioner-year lacks a Framework, Spot Purchase or Total row.
 * @example
 * spendShares(rows).find((s) => s.commissioner === "SEL CCG" && s.year === "2019-20")?.spotShare; // 0.7327
 */
export function spendShares(rows: readonly SpendRow[]): SpendShare[] {
  const keys: string[] = [];
  for (const row of rows) {
    const key = `${row.commissioner}\u0000${row.year}`;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => {
    const [commissioner, year] = key.split("\u0000");
    const pick = (route: string): number => {
      const found = rows.find((row) => row.commissioner === commissioner && row.year === year && row.route === route);
      if (found === undefined) throw new Error(`missing spend row: ${commissioner} ${year} ${route}`);
      return found.amountGbp;
    };
    const frameworkGbp = pick("Framework");
    const spotPurchaseGbp = pick("Spot Purchase");
    const totalGbp = pick("Total");
    return {
      commissioner,
      year,
      frameworkGbp,
      spotPurchaseGbp,
      totalGbp,
      spotShare: totalGbp === 0 ? 0 : spotPurchaseGbp / totalGbp,
      frameworkShare: totalGbp === 0 ? 0 : frameworkGbp / totalGbp
    };
  });
}

/**
 * Checks that the parts printed in Lewisham's tables add up to their printed totals
 * (CYP by Lot, paras 4.10–4.11; spend, para 5.5).
 * @example
 * lewishamChecks(cyp, spend).every((c) => c.agrees); // true
 */
export function lewishamChecks(cyp: readonly CypByLotRow[], spend: readonly SpendRow[]): Check[] {
  const checks: Check[] = [];
  const groups = new Map<string, CypByLotRow[]>();
  for (const row of cyp) {
    const key = `${row.commissioner} ${row.year}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, rows] of groups) {
    const parts = rows.filter((row) => row.category !== "Total").reduce((sum, row) => sum + row.cyp, 0);
    const total = rows.find((row) => row.category === "Total");
    if (total !== undefined) checks.push(check(`lewisham cyp by lot ${key}: parts = printed total`, parts, total.cyp));
  }
  for (const share of spendShares(spend)) {
    checks.push(
      check(
        `lewisham spend ${share.commissioner} ${share.year}: framework + spot = printed total`,
        share.frameworkGbp + share.spotPurchaseGbp,
        share.totalGbp
      )
    );
  }
  return checks;
}
