import {ASSUMPTIONS} from "./assumptions.js";
import {hashSeed, mulberry32, weightedIndex} from "./prng.js";

/** Eligibility routes of the data dictionary (`children.csv`). */
export type EligibilityRoute = "social_care_assessed" | "open_access" | "none";

/** One child's attributes, a pure function of (seed, index). */
export interface ChildAttributes {
  index: number;
  /** Month index (months since 1970-01) of the birth month. */
  birthMonth: number;
  areaIndex: number;
  need: string;
  hasEhcp: boolean;
  eligibility: EligibilityRoute;
}

/** Layout of the child register: three contiguous pools of indices, and an id permutation. */
export interface ChildPopulation {
  seed: number;
  size: number;
  socialCare: {start: number; size: number};
  openAccess: {start: number; size: number};
  none: {start: number; size: number};
  extractMonth: number;
  areaCodes: readonly string[];
  /** Probability of an EHCP in the `none` pool, solved so the register holds about 6,000 plans. */
  noneEhcpRate: number;
  /** Multiplier `a` and offset `b` of the id permutation id = (a * index + b) mod size. */
  permutation: {a: number; b: number; aInverse: number};
  idWidth: number;
}

const {population, needs} = ASSUMPTIONS;
const AGE_MONTHS = population.maxAgeYears * 12;

/** Share of the social-care pool under 18 (age weights 0.5 for 0-3, 1 for 4-24: 16/23). */
function socialCareAgeWeight(ageYears: number): number {
  return ageYears < 4 ? 0.5 : 1;
}
function openAccessAgeWeight(ageYears: number): number {
  return ageYears >= 11 ? 1 : 0;
}
function registerAgeWeight(ageYears: number): number {
  const w = population.ageWeights;
  return ageYears < 4 ? w.under4 : ageYears < 18 ? w.school : w.over18;
}

function cumulative(weightOfYear: (ageYears: number) => number): Float64Array {
  const cdf = new Float64Array(AGE_MONTHS);
  let total = 0;
  for (let m = 0; m < AGE_MONTHS; m++) {
    total += weightOfYear(Math.floor(m / 12));
    cdf[m] = total;
  }
  for (let m = 0; m < AGE_MONTHS; m++) cdf[m] /= total;
  return cdf;
}

const CDF_SOCIAL_CARE = cumulative(socialCareAgeWeight);
const CDF_OPEN_ACCESS = cumulative(openAccessAgeWeight);
const CDF_REGISTER = cumulative(registerAgeWeight);

/** Fraction of the social-care pool aged under 18 at the extract date. */
const SOCIAL_CARE_UNDER18_SHARE = CDF_SOCIAL_CARE[18 * 12 - 1];

function quantileAgeMonths(cdf: Float64Array, q: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: number, n: number): number {
  let [oldR, r] = [a, n];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % n) + n) % n;
}

/**
 * Lay out the child register for a given seed and scale factor: the social-care and open-access pools grow with
 * the scale (they are the referred children); the never-referred pool stays at county size.
 * @param seed generator seed
 * @param scale referral scale factor (1 = the demo county)
 * @param extractMonth month index of the extract date
 * @param areaCodes double-district codes, in `population.areaShares` order
 * @example
 * const pop = childPopulation(1, 1, monthIndexOf("2025-11"), ["NORTH", "SOUTH", "EAST", "WEST"]); pop.size; // 17000
 */
export function childPopulation(
  seed: number,
  scale: number,
  extractMonth: number,
  areaCodes: readonly string[]
): ChildPopulation {
  if (!(scale > 0)) throw new Error(`invalid scale: ${scale}`);
  const baseSocialCare = Math.round(population.socialCareEligibleUnder18 / SOCIAL_CARE_UNDER18_SHARE);
  const baseNone = population.children - baseSocialCare - population.openAccessPool;
  const socialCareSize = Math.max(1, Math.round(baseSocialCare * scale));
  const openAccessSize = Math.max(1, Math.round(population.openAccessPool * scale));
  const size = socialCareSize + openAccessSize + baseNone;
  const noneEhcpRate =
    (population.withEhcp -
      population.ehcpRateSocialCare * baseSocialCare -
      population.ehcpRateOpenAccess * population.openAccessPool) /
    baseNone;
  let a = Math.floor(size * 0.6180339887) | 1;
  while (gcd(a, size) !== 1) a += 2;
  const b = hashSeed(seed, 0x5eed) % size;
  return {
    seed,
    size,
    socialCare: {start: 0, size: socialCareSize},
    openAccess: {start: socialCareSize, size: openAccessSize},
    none: {start: socialCareSize + openAccessSize, size: baseNone},
    extractMonth,
    areaCodes,
    noneEhcpRate,
    permutation: {a, b, aInverse: modInverse(a % size, size)},
    idWidth: Math.max(6, String(size).length)
  };
}

/**
 * Attributes of child `index`: deterministic in (seed, index), computed on demand so that registers of millions
 * of children need no memory. Ages are stratified within each pool (index rank + jitter) so pool age profiles are
 * exact.
 * @example
 * childAttributes(pop, 0).eligibility; // "social_care_assessed"
 */
export function childAttributes(pop: ChildPopulation, index: number): ChildAttributes {
  const rng = mulberry32(hashSeed(pop.seed, index + 1));
  let eligibility: EligibilityRoute;
  let cdf: Float64Array;
  let rank: number;
  let poolSize: number;
  let ehcpRate: number;
  if (index < pop.openAccess.start) {
    eligibility = "social_care_assessed";
    cdf = CDF_SOCIAL_CARE;
    rank = index - pop.socialCare.start;
    poolSize = pop.socialCare.size;
    ehcpRate = population.ehcpRateSocialCare;
  } else if (index < pop.none.start) {
    eligibility = "open_access";
    cdf = CDF_OPEN_ACCESS;
    rank = index - pop.openAccess.start;
    poolSize = pop.openAccess.size;
    ehcpRate = population.ehcpRateOpenAccess;
  } else {
    eligibility = "none";
    cdf = CDF_REGISTER;
    rank = index - pop.none.start;
    poolSize = pop.none.size;
    ehcpRate = pop.noneEhcpRate;
  }
  const ageMonths = quantileAgeMonths(cdf, (rank + rng()) / poolSize);
  const areaIndex = weightedIndex(rng, AREA_WEIGHTS);
  const hasEhcp = rng() < ehcpRate;
  const weights = needWeights(eligibility === "social_care_assessed", hasEhcp);
  const need = NEED_CODES[weightedIndex(rng, weights)];
  return {index, birthMonth: pop.extractMonth - ageMonths, areaIndex, need, hasEhcp, eligibility};
}

const AREA_WEIGHTS = Object.values(population.areaShares);
const NEED_CODES = Object.keys(needs.ehcp);
const NEED_TABLES = new Map<string, number[]>();

function needWeights(socialCare: boolean, hasEhcp: boolean): number[] {
  const key = `${socialCare}-${hasEhcp}`;
  let weights = NEED_TABLES.get(key);
  if (!weights) {
    const base = hasEhcp ? needs.ehcp : needs.senSupport;
    weights = NEED_CODES.map((code) => (base[code] ?? 0) * (socialCare ? (needs.socialCareMultiplier[code] ?? 1) : 1));
    NEED_TABLES.set(key, weights);
  }
  return weights;
}

/**
 * Pseudonymous id of child `index` (`C` + zero-padded permuted number), stable for a given seed and scale.
 * @example
 * childId(pop, 0); // e.g. "C004321"
 */
export function childId(pop: ChildPopulation, index: number): string {
  const {a, b} = pop.permutation;
  const n = ((a * index + b) % pop.size) + 1;
  return "C" + String(n).padStart(pop.idWidth, "0");
}

/**
 * Inverse of {@link childId}: the index whose id number is `idNumber` (1-based), used to write children.csv in
 * id order.
 * @example
 * indexOfIdNumber(pop, 1); // the index whose childId is C000001
 */
export function indexOfIdNumber(pop: ChildPopulation, idNumber: number): number {
  const {aInverse, b} = pop.permutation;
  const shifted = (((idNumber - 1 - b) % pop.size) + pop.size) % pop.size;
  return mulMod(aInverse, shifted, pop.size);
}

function mulMod(x: number, y: number, n: number): number {
  // x, y < n <= ~2^31: split y to keep products below 2^53.
  const high = Math.floor(y / 65536);
  const low = y % 65536;
  return (((x * high) % n) * 65536 + x * low) % n;
}
