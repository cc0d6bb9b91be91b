import {ASSUMPTIONS} from "./assumptions.js";
import {financialYearOfMonth, monthIndexOf, monthLabel} from "./dates.js";
import {hashSeed, largestRemainder, mulberry32, weightedIndex} from "./prng.js";

/**
 * Rows of ehcp_activity.csv (month x double district): EHC needs assessment requests, assessments completed and
 * plans issued. Each request is followed individually: assessed with probability `assessedShare` after a 2-6 month
 * lag, and then a plan issued with probability `planShare` about 20 weeks after the request. The pipeline starts in
 * the warm-up month so early months carry completions from earlier requests.
 * @param seed generator seed
 * @param scale multiplier on volumes (1 = the demo county)
 * @param areaCodes double-district codes in `areaShares` order
 * @example
 * ehcpActivityRows(1, 1, ["NORTH", "SOUTH", "EAST", "WEST"])[0].slice(0, 2); // ["2019-04", "NORTH"]
 */
export function ehcpActivityRows(seed: number, scale: number, areaCodes: readonly string[]): string[][] {
  const {ehcp, time, monthWeights, population} = ASSUMPTIONS;
  const rng = mulberry32(hashSeed(seed, 0xec9));
  const warmUp = monthIndexOf(time.ehcpWarmUpMonth);
  const first = monthIndexOf(time.firstDay.slice(0, 7));
  const last = monthIndexOf(time.extractDate.slice(0, 7));
  const span = last - warmUp + 1 + 12;
  const areaWeights = areaCodes.map((a) => population.areaShares[a]);
  const requests = areaCodes.map(() => new Array<number>(span).fill(0));
  const assessments = areaCodes.map(() => new Array<number>(span).fill(0));
  const plans = areaCodes.map(() => new Array<number>(span).fill(0));

  // Yearly request totals to months (largest remainder over month weights), then to areas.
  const byYear = new Map<string, number[]>();
  for (let m = warmUp; m <= last; m++) {
    const fy = financialYearOfMonth(m);
    byYear.set(fy, [...(byYear.get(fy) ?? []), m]);
  }
  for (const [fy, monthsInYear] of byYear) {
    const yearly = Math.round((ehcp.requestsPerYear[fy] ?? 0) * scale * (monthsInYear.length / 12));
    const monthly = largestRemainder(
      yearly,
      monthsInYear.map((m) => monthWeights[m % 12])
    );
    monthsInYear.forEach((m, i) => {
      const jittered = areaWeights.map((w) => w * (0.9 + 0.2 * rng()));
      largestRemainder(monthly[i], jittered).forEach((n, a) => (requests[a][m - warmUp] = n));
    });
  }
  for (let a = 0; a < areaCodes.length; a++) {
    for (let offset = 0; offset <= last - warmUp; offset++) {
      for (let k = 0; k < requests[a][offset]; k++) {
        if (rng() >= ehcp.assessedShare) continue;
        const assessLag = ehcp.assessmentLagMonths[weightedIndex(rng, ehcp.assessmentLagWeights)];
        assessments[a][offset + assessLag]++;
        if (rng() >= ehcp.planShare) continue;
        const planLag = Math.max(assessLag, ehcp.planLagMonths[weightedIndex(rng, ehcp.planLagWeights)]);
        plans[a][offset + planLag]++;
      }
    }
  }
  const rows: string[][] = [];
  for (let m = first; m <= last; m++) {
    areaCodes.forEach((code, a) => {
      const o = m - warmUp;
      rows.push([monthLabel(m), code, String(requests[a][o]), String(assessments[a][o]), String(plans[a][o])]);
    });
  }
  return rows;
}
