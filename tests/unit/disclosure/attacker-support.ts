/**
 * The attacker of the disclosure tests, written independently of the engine's table model: it builds the full
 * table (every total and subtotal) and every additive relation itself, from the true interior values, then takes
 * what the engine published and computes, for each hidden cell, the feasible interval given all published values,
 * the relations and non-negativity (LP relaxation, bounds rounded inward for counts).
 */
import {canonicalKey} from "../../../loaders/disclosure/keys.js";
import {variableBounds, type LinearEquation} from "../../../loaders/disclosure/lp.js";
import type {Random} from "../../../loaders/demo/prng.js";

/** A dimension of a generated table: interior members, optional parents (member → parent), total "Total". */
export interface GenDimension {
  name: string;
  leaves: string[];
  parents?: Record<string, string>;
}

/** A generated full table: every cell (all levels), its true value, and the relations. */
export interface FullTable {
  values: Map<string, number>;
  coordinates: Map<string, Record<string, string>>;
  measureOf: Map<string, string>;
  relations: {total: string; parts: string[]}[];
  interior: {key: Record<string, string>; value: number; measure: string}[];
}

const TOTAL = "Total";

function parentOf(d: GenDimension, m: string): string | undefined {
  if (m === TOTAL) return undefined;
  return d.parents?.[m] ?? TOTAL;
}

function membersOf(d: GenDimension): string[] {
  const all = new Set<string>([...d.leaves, TOTAL]);
  for (const leaf of d.leaves) for (let p = parentOf(d, leaf); p !== undefined; p = parentOf(d, p)) all.add(p);
  return [...all].sort();
}

function childrenOf(d: GenDimension, m: string): string[] {
  return membersOf(d).filter((x) => x !== m && parentOf(d, x) === m);
}

function isWithin(d: GenDimension, leaf: string, m: string): boolean {
  for (let x: string | undefined = leaf; x !== undefined; x = parentOf(d, x)) if (x === m) return true;
  return false;
}

function product(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/** Counts with many small values: 20% zeros, 45% 1–5, 35% 6–40. */
export function smallCount(rng: Random): number {
  const u = rng();
  if (u < 0.2) return 0;
  if (u < 0.65) return 1 + Math.floor(rng() * 5);
  return 6 + Math.floor(rng() * 35);
}

/**
 * Build the full table by brute force: each cell's value is the sum of the interior cells under it. With
 * `cumulative`, a year-to-date measure "ytd" along dimension `along` (restarting at each parent of the period)
 * is added with relations ytd[t] = ytd[t−1] + n[t].
 */
export function fullTable(
  dims: GenDimension[],
  value: (leafKey: Record<string, string>) => number,
  cumulative?: {along: string}
): FullTable {
  const values = new Map<string, number>();
  const coordinates = new Map<string, Record<string, string>>();
  const measureOf = new Map<string, string>();
  const relations: {total: string; parts: string[]}[] = [];
  const interior = product(dims.map((d) => d.leaves)).map((combo) => {
    const key = Object.fromEntries(dims.map((d, i) => [d.name, combo[i]]));
    return {key, value: value(key), measure: "n"};
  });
  const put = (key: Record<string, string>, measure: string, v: number) => {
    const id = canonicalKey(key, measure);
    values.set(id, v);
    coordinates.set(id, key);
    measureOf.set(id, measure);
    return id;
  };
  for (const combo of product(dims.map(membersOf))) {
    const key = Object.fromEntries(dims.map((d, i) => [d.name, combo[i]]));
    const v = interior
      .filter((c) => dims.every((d) => isWithin(d, c.key[d.name], key[d.name])))
      .reduce((s, c) => s + c.value, 0);
    const id = put(key, "n", v);
    dims.forEach((d) => {
      const kids = childrenOf(d, key[d.name]);
      if (kids.length > 0)
        relations.push({total: id, parts: kids.map((k) => canonicalKey({...key, [d.name]: k}, "n"))});
    });
  }
  if (cumulative) {
    const along = dims.find((d) => d.name === cumulative.along)!;
    const others = dims.filter((d) => d !== along);
    const groups = new Map<string, string[]>();
    for (const leaf of along.leaves) {
      const g = parentOf(along, leaf)!;
      groups.set(g, [...(groups.get(g) ?? []), leaf]);
    }
    for (const combo of product(others.map(membersOf))) {
      const rest = Object.fromEntries(others.map((d, i) => [d.name, combo[i]]));
      for (const periods of groups.values()) {
        let running = 0;
        let previous: string | null = null;
        for (const t of [...periods].sort()) {
          const key = {...rest, [along.name]: t};
          running += values.get(canonicalKey(key, "n"))!;
          const id = put(key, "ytd", running);
          relations.push({total: id, parts: [...(previous ? [previous] : []), canonicalKey(key, "n")]});
          previous = id;
        }
      }
      // ytd is additive across the other dimensions too
    }
    for (const [id, key] of coordinates) {
      if (measureOf.get(id) !== "ytd") continue;
      others.forEach((d) => {
        const kids = childrenOf(d, key[d.name]);
        if (kids.length > 0)
          relations.push({total: id, parts: kids.map((k) => canonicalKey({...key, [d.name]: k}, "ytd"))});
      });
    }
  }
  return {values, coordinates, measureOf, relations, interior};
}

/** The attacker's integer interval for each hidden cell. */
export interface AttackResult {
  intervals: Map<string, {lower: number; upper: number; exact: boolean}>;
}

/**
 * Feasible intervals of every hidden cell, given the published values (`published.get(id)` is a number or "c")
 * and the table's relations. Counts: [⌈min⌉, ⌊max⌋]; `exact` when both LP optima are integral vertices.
 */
export function attack(table: FullTable, published: ReadonlyMap<string, number | "c">, integral = true): AttackResult {
  const hidden = [...table.values.keys()].filter((id) => published.get(id) === "c").sort();
  const variable = new Map(hidden.map((id, j) => [id, j]));
  const equations: LinearEquation[] = [];
  for (const r of table.relations) {
    const members: [string, number][] = [[r.total, 1], ...r.parts.map((p): [string, number] => [p, -1])];
    if (!members.some(([id]) => variable.has(id))) continue;
    const coefficients = new Map<number, number>();
    let rhs = 0;
    for (const [id, sign] of members) {
      const j = variable.get(id);
      if (j === undefined) {
        const v = published.get(id);
        if (typeof v !== "number") throw new Error(`attacker: ${id} is neither published nor hidden`);
        rhs -= sign * v;
      } else coefficients.set(j, (coefficients.get(j) ?? 0) + sign);
    }
    equations.push({coefficients, rhs});
  }
  const bounds = variableBounds(
    equations,
    hidden.length,
    hidden.map((_, j) => j)
  );
  const intervals = new Map<string, {lower: number; upper: number; exact: boolean}>();
  hidden.forEach((id, j) => {
    const b = bounds[j];
    intervals.set(id, {
      lower: integral ? Math.max(0, Math.ceil(b.min - 1e-7)) : b.min,
      upper: integral ? Math.floor(b.max + 1e-7) : b.max,
      exact: b.minIntegral && b.maxIntegral
    });
  });
  return {intervals};
}
