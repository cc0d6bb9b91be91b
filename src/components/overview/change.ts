/**
 * The change on last year of a headline figure, judged by the indicator's direction: for some a rise is good
 * (more children supported), for others bad (more waiting). The verdict is said in words and with a symbol, so it
 * never depends on colour.
 */

/** Which way is good: `up` (more is better), `down` (more is worse) or `neither` (a planning figure). */
export type Polarity = "up" | "down" | "neither";

/** How the change is measured: relative (%), in percentage points, or in the unit itself (e.g. days). */
export type ChangeMeasure = "percent" | "points" | "absolute";

export interface ChangeInput {
  current: number | null;
  previous: number | null;
  polarity: Polarity;
  measure?: ChangeMeasure;
  /** Unit for an absolute change, e.g. "days". */
  unit?: string;
  /** What it is compared with, e.g. "the same months last year (April to November 2024)". */
  basis: string;
}

export interface Change {
  /** `better`, `worse`, `no change`, `not comparable` or `neither` (a rise is neither good nor bad). */
  verdict: "better" | "worse" | "no change" | "not comparable" | "neither";
  /** ▲ up, ▼ down, ● unchanged, – not comparable. */
  symbol: "▲" | "▼" | "●" | "–";
  /** The change as text, e.g. "+12%", "-4.1 percentage points", "+11 days". */
  amount: string;
  /** A full sentence, e.g. "▲ +12% on the same months last year: worse (more waiting)." */
  text: string;
}

function amountText(current: number, previous: number, measure: ChangeMeasure, unit: string | undefined): string {
  if (measure === "points") {
    const points = (current - previous) * 100;
    return `${points > 0 ? "+" : ""}${points.toFixed(1)} percentage points`;
  }
  if (measure === "absolute") {
    const diff = current - previous;
    const text = Number.isInteger(diff) ? String(Math.abs(diff)) : Math.abs(diff).toFixed(1);
    return `${diff > 0 ? "+" : diff < 0 ? "-" : ""}${text}${unit ? ` ${unit}` : ""}`;
  }
  const fraction = (current - previous) / previous;
  const text = `${(Math.abs(fraction) * 100).toFixed(0)}%`;
  return `${fraction > 0 ? "+" : fraction < 0 ? "-" : ""}${text}`;
}

/**
 * Describes the change from `previous` to `current` for a reader.
 *
 * @example
 * describeChange({current: 75, previous: 53, polarity: "down", basis: "30 November 2024"}).text;
 * // "▲ +42% on 30 November 2024: worse."
 */
export function describeChange(input: ChangeInput): Change {
  const {current, previous, polarity, measure = "percent", unit, basis} = input;
  if (current === null || previous === null || (measure === "percent" && previous === 0)) {
    return {verdict: "not comparable", symbol: "–", amount: "", text: `– No comparison with ${basis}.`};
  }
  const amount = amountText(current, previous, measure, unit);
  if (current === previous || /^0(\.0+)?(%| |$)/.test(amount.replace(/^[+-]/, ""))) {
    return {verdict: "no change", symbol: "●", amount, text: `● No change on ${basis}.`};
  }
  const rose = current > previous;
  const symbol = rose ? "▲" : "▼";
  const verdict = polarity === "neither" ? "neither" : (polarity === "up") === rose ? "better" : "worse";
  const judgement = verdict === "neither" ? "neither better nor worse" : verdict;
  return {verdict, symbol, amount, text: `${symbol} ${amount} on ${basis}: ${judgement}.`};
}
