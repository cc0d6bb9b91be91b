import {optionalTextCell, parseTable, sourceOf, textCell, type Source} from "./table.js";

/** A Lewisham framework Lot (report paras 4.1–4.2). */
export interface LewishamLot {
  readonly lot: string;
  readonly staffType: string;
  readonly nameAsPrinted: string;
  readonly description: string;
  readonly source: Source;
}

/** A row of Lewisham's need / activity / staff table (para 4.2). */
export interface ProvisionByNeed {
  readonly need: string;
  readonly activity: string;
  readonly staff: string;
  readonly lots: readonly string[];
  readonly source: Source;
}

/** A dated milestone. */
export interface Milestone {
  readonly activity: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly dateAsPrinted: string;
  readonly source: Source;
}

/** An approach another local authority takes (other-LA findings). */
export interface OtherLaApproach {
  readonly authority: string;
  readonly approach: string;
  readonly statusOrIssue: string | null;
  readonly source: Source;
}

/**
 * Parse `lewisham/lots.csv`.
 * @example
 * parseLots(text, "lewisham/lots.csv").map((l) => l.lot); // ["A", "B", "C", "D"]
 */
export function parseLots(text: string, file: string): LewishamLot[] {
  const columns = ["lot", "staff_type", "name_as_printed", "description", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => ({
    lot: textCell(row, "lot"),
    staffType: textCell(row, "staff_type"),
    nameAsPrinted: textCell(row, "name_as_printed"),
    description: textCell(row, "description"),
    source: sourceOf(row)
  }));
}

/**
 * Parse `lewisham/provision_by_need.csv` (`lots` is `;`-separated).
 * @example
 * parseProvisionByNeed(text, "lewisham/provision_by_need.csv")[0].lots; // ["A", "B"]
 */
export function parseProvisionByNeed(text: string, file: string): ProvisionByNeed[] {
  const columns = ["need", "activity", "staff", "lots", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => ({
    need: textCell(row, "need"),
    activity: textCell(row, "activity"),
    staff: textCell(row, "staff"),
    lots: textCell(row, "lots").split(";"),
    source: sourceOf(row)
  }));
}

/**
 * Parse a milestone table such as `lewisham/procurement_timetable.csv`.
 * @throws Error naming file, row and column for a date that is not `YYYY-MM-DD`.
 * @example
 * parseMilestones(text, "lewisham/procurement_timetable.csv")[0].date; // "2022-05-27"
 */
export function parseMilestones(text: string, file: string): Milestone[] {
  const columns = ["activity", "date", "date_as_printed", "source_document", "source_table"];
  return parseTable(text, file, columns).map((row) => {
    const date = textCell(row, "date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new Error(`invalid date in ${row.file} row ${row.row} column date: "${date}"`);
    return {
      activity: textCell(row, "activity"),
      date,
      dateAsPrinted: textCell(row, "date_as_printed"),
      source: sourceOf(row)
    };
  });
}

/**
 * Parse `other-la/approaches.csv`.
 * @example
 * parseOtherLaApproaches(text, "other-la/approaches.csv")[0].authority; // "Bedford Borough Council"
 */
export function parseOtherLaApproaches(text: string, file: string): OtherLaApproach[] {
  const columns = ["authority", "approach", "status_or_issue", "source_document", "source_section"];
  return parseTable(text, file, columns).map((row) => ({
    authority: textCell(row, "authority"),
    approach: textCell(row, "approach"),
    statusOrIssue: optionalTextCell(row, "status_or_issue"),
    source: sourceOf(row)
  }));
}
