import type {Provenance} from "../../src/components/provenance.js";
import {buildDate} from "../build-info.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * The provenance every page shows, from the data folder's `meta.csv` (all keys optional) and the build date.
 *
 * @example
 * const provenance = await provenanceFromMeta(query);
 */
export async function provenanceFromMeta(query: Query): Promise<Provenance> {
  const rows = await query("SELECT key, value FROM meta ORDER BY key");
  const meta = new Map(rows.map((row) => [String(row.key), String(row.value)]));
  const [latest] = await query("SELECT strftime(max(received_date), '%Y-%m-%d') AS latest FROM referrals");
  return {
    councilName: meta.get("council_name") ?? "Council",
    datasetName: meta.get("dataset_name") ?? "commissioning data",
    source: meta.get("source") ?? "council commissioning records",
    extractDate: meta.get("extract_date") ?? String(latest.latest),
    builtAt: buildDate()
  };
}
