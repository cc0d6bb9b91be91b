/**
 * Where a page's numbers come from: the dataset, its extract ("as at") date and when the site was built. Read from
 * `data/meta.json`, written by the loaders from the data folder's `meta.csv`.
 */

export interface Provenance {
  councilName: string;
  datasetName: string;
  source: string;
  /** ISO date the data was extracted, the "as at" date of every figure. */
  extractDate: string;
  /** ISO date of the build (the commit date, so builds are reproducible). */
  builtAt: string;
}

const longDate = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});

/**
 * An ISO date as en-GB text.
 *
 * @example
 * formatDate("2025-11-30"); // "30 November 2025"
 */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid date: ${isoDate}`);
  return longDate.format(date);
}

/**
 * One sentence of provenance for the foot of a page or chart.
 *
 * @example
 * provenanceText({councilName: "Demo County Council", datasetName: "demo", source: "Synthetic", extractDate: "2025-11-30", builtAt: "2026-01-02"});
 * // "Source: Demo County Council, demo (Synthetic). Data as at 30 November 2025; site built 2 January 2026."
 */
export function provenanceText(provenance: Provenance): string {
  return `Source: ${provenance.councilName}, ${provenance.datasetName} (${provenance.source}). Data as at ${formatDate(
    provenance.extractDate
  )}; site built ${formatDate(provenance.builtAt)}.`;
}
