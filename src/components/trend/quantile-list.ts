import {studentTQuantile} from "../forecast/index.js";

// Quantiles already computed, by level: each takes ~0.1 ms, and a page asks for the same ones on every change.
const computed = new Map<number, string[]>();

/**
 * The two-sided Student-t quantiles of a prediction interval at `level` percent for 1, 2, …, `maxDf` degrees of
 * freedom, as the comma-separated list `linear.sql` takes ($12, $13): DuckDB has no t quantile and the series
 * length is not known before the query that returns it, so the query picks item n − 2 itself. Each number is
 * written in its shortest round-trip form, so DuckDB reads back exactly the double computed here.
 * Reference: quantiles as `studentTQuantile` (checked against R's `qt`, tests/fixtures/reference/).
 *
 * @example
 * tQuantileList(95, 3); // "12.706204736174694,4.302652729749465,3.182446305283708"
 */
export function tQuantileList(level: number, maxDf: number): string {
  if (!(level > 0 && level < 100)) throw new Error(`invalid level: ${level}`);
  if (!Number.isInteger(maxDf) || maxDf < 1) throw new Error(`invalid maxDf: ${maxDf}`);
  const known = computed.get(level) ?? [];
  for (let df = known.length + 1; df <= maxDf; df++) known.push(String(studentTQuantile(0.5 + level / 200, df)));
  computed.set(level, known);
  return known.slice(0, maxDf).join(",");
}
