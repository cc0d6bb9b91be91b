/**
 * A scenario in the URL, so it can be shared: `y5~g4~c56~i3~b0~s50~k.LOT2.NORTH.20` (percentages and hours; `~`
 * and `.` need no escaping in a query string). Unknown or malformed parts fall back to the defaults.
 */
import type {ScenarioInputs} from "./types.js";

const FIELDS = {
  g: "demandGrowth",
  c: "conversion",
  i: "inflation",
  b: "budgetGrowth",
  s: "spotShift"
} as const;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Encodes a scenario's inputs.
 *
 * @example
 * encodeScenario({years: 5, demandGrowth: 0.04, conversion: 0.56, inflation: 0.03, budgetGrowth: 0, spotShift: 0.5, capacityAdded: {"LOT2|NORTH": 20}});
 * // "y5~g4~c56~i3~b0~s50~k.LOT2.NORTH.20"
 */
export function encodeScenario(inputs: ScenarioInputs): string {
  const parts = [`y${inputs.years}`];
  for (const [code, key] of Object.entries(FIELDS)) parts.push(`${code}${round(inputs[key] * 100)}`);
  const capacity = Object.entries(inputs.capacityAdded)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, v]) => `${key.replace("|", ".")}.${round(v)}`);
  if (capacity.length > 0) parts.push(`k.${capacity.join(".")}`);
  return parts.join("~");
}

/**
 * Decodes a scenario, keeping the defaults for anything missing or malformed (a shared link never breaks the page).
 *
 * @example
 * decodeScenario("y4~g2~k.LOT3.EAST.10", defaults).capacityAdded; // {"LOT3|EAST": 10}
 */
export function decodeScenario(text: string | null | undefined, defaults: ScenarioInputs): ScenarioInputs {
  const out: ScenarioInputs = {...defaults, capacityAdded: {...defaults.capacityAdded}};
  if (!text) return out;
  for (const part of text.split("~")) {
    const code = part[0];
    if (code === "k") {
      const items = part.split(".").slice(1);
      const capacity: Record<string, number> = {};
      for (let i = 0; i + 2 < items.length; i += 3) {
        const v = Number(items[i + 2]);
        if (items[i] && items[i + 1] && Number.isFinite(v)) capacity[`${items[i]}|${items[i + 1]}`] = v;
      }
      out.capacityAdded = capacity;
      continue;
    }
    const v = Number(part.slice(1));
    if (part.length < 2 || !Number.isFinite(v)) continue;
    if (code === "y" && Number.isInteger(v) && v >= 3 && v <= 5) out.years = v;
    else if (code in FIELDS) out[FIELDS[code as keyof typeof FIELDS]] = v / 100;
  }
  out.spotShift = Math.min(1, Math.max(0, out.spotShift));
  out.conversion = Math.min(1, Math.max(0, out.conversion));
  return out;
}
