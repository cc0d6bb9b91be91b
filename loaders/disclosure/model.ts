/**
 * The table model of disclosure control: cells with coordinates over dimensions, completed with every marginal
 * total and subtotal, and the additive relations an attacker can use ("each total = sum of its parts along each
 * dimension and hierarchy level"; a measure that is the sum of other measures; a cumulative series
 * cum[t] = cum[t−1] + x[t]). Reference: Hundepool et al., "Statistical Disclosure Control" (Wiley, 2012), §4.1
 * (linked and hierarchical tables); ONS "Disclosure control guidance for tables" (secondary suppression must hold
 * in every linked table).
 */
import {canonicalKey, type CellCoordinates} from "./keys.js";

/** A dimension of a table. Members without a parent belong to the total; `parents` adds hierarchy levels. */
export interface DimensionSpec {
  name: string;
  /** Label of the all-members total (default `"Total"`, the DfE EES filter convention); `false` = never summed. */
  total?: string | false;
  /** member → enclosing member, e.g. district → double district (area within parent area). */
  parents?: Readonly<Record<string, string>>;
}

/** A measure: a count of children (primary threshold rule) or an amount of spend (dominance rule). */
export interface MeasureSpec {
  name: string;
  kind: "count" | "spend";
}

/** One input cell. Totals may be given (then checked) or left out (then computed). */
export interface TableCellInput {
  key: CellCoordinates;
  value: number;
  /** Defaults to the table's only measure. */
  measure?: string;
  /** Spend: number of contributors (children or providers) behind the amount. */
  contributors?: number;
  /** Spend: the largest single contribution, in the same unit as `value`. */
  largest?: number;
}

/** measure `total` = Σ measures `parts` at every coordinate (e.g. referrals = placed + waiting + …). */
export interface MeasureRelation {
  total: string;
  parts: readonly string[];
}

/**
 * A cumulative (year-to-date) series: `measure`[t] = `measure`[t−1] + `of`[t] along dimension `along`, restarting
 * at each parent of the period (months within a financial year), or running over all periods if there is none.
 */
export interface CumulativeSpec {
  measure: string;
  of: string;
  along: string;
}

/** A table to protect. */
export interface DisclosureTable {
  dimensions: readonly (string | DimensionSpec)[];
  measures: readonly (string | MeasureSpec)[];
  cells: readonly TableCellInput[];
  measureRelations?: readonly MeasureRelation[];
  cumulative?: readonly CumulativeSpec[];
}

/** A cell of the completed model. */
export interface ModelCell {
  id: string;
  coordinates: Record<string, string>;
  measure: string;
  kind: "count" | "spend";
  value: number;
  /** True if the caller supplied the cell; false for a computed total or cumulative value. */
  given: boolean;
  contributors?: number;
  largest?: number;
  /** How many coordinates are totals or subtotals (0 for an interior cell). */
  totalLevels: number;
}

/** An additive relation between model cells (indices): cells[total] = Σ cells[parts]. */
export interface Relation {
  total: number;
  parts: number[];
}

/** A dimension after normalisation. */
export interface Dimension {
  name: string;
  total: string | null;
  parentOf: ReadonlyMap<string, string>;
  children: ReadonlyMap<string, readonly string[]>;
}

/** The completed table: cells sorted by canonical key, and every additive relation. */
export interface TableModel {
  cells: ModelCell[];
  relations: Relation[];
  index: ReadonlyMap<string, number>;
  dimensions: Dimension[];
  /** Total label of each dimension, for `canonicalKey(coordinates, measure, totals)` lookups in `index`. */
  totals: Readonly<Record<string, string | null>>;
}

const TOLERANCE = 1e-6;

function normaliseDimension(spec: string | DimensionSpec, members: ReadonlySet<string>): Dimension {
  const d: DimensionSpec = typeof spec === "string" ? {name: spec} : spec;
  const total = d.total === false ? null : (d.total ?? "Total");
  const parents = d.parents ?? {};
  const all = new Set<string>(members);
  for (const [child, parent] of Object.entries(parents)) {
    if (members.has(child) || members.has(parent)) {
      all.add(child);
      all.add(parent);
    }
  }
  if (total !== null) all.add(total);
  const parentOf = new Map<string, string>();
  for (const m of all) {
    if (m === total) continue;
    const p = Object.hasOwn(parents, m) ? parents[m] : total;
    if (p !== null && p !== undefined) parentOf.set(m, p);
  }
  for (const m of all) {
    // a cycle would make every total infinite
    let cursor: string | undefined = m;
    for (let depth = 0; cursor !== undefined; depth++) {
      if (depth > all.size) throw new Error(`invalid parents of dimension ${d.name}: cycle through "${m}"`);
      cursor = parentOf.get(cursor);
    }
  }
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort();
  return {name: d.name, total, parentOf, children};
}

/**
 * The total label of each dimension (null when it has none), for canonical keys.
 *
 * @example
 * totalLabels(["lot", {name: "month", total: false}]); // {lot: "Total", month: null}
 */
export function totalLabels(dimensions: readonly (string | DimensionSpec)[]): Record<string, string | null> {
  return Object.fromEntries(
    dimensions.map((d) =>
      typeof d === "string" ? [d, "Total"] : [d.name, d.total === false ? null : (d.total ?? "Total")]
    )
  );
}

function ancestors(dimension: Dimension, member: string): string[] {
  const out: string[] = [];
  for (let p = dimension.parentOf.get(member); p !== undefined; p = dimension.parentOf.get(p)) out.push(p);
  return out;
}

interface Accumulator {
  coordinates: Record<string, string>;
  measure: string;
  value: number;
  contributors?: number;
  largest?: number;
}

function addInto(
  map: Map<string, Accumulator>,
  id: string,
  from: Accumulator,
  coordinates: Record<string, string>
): void {
  const into = map.get(id);
  if (!into) {
    map.set(id, {...from, coordinates});
    return;
  }
  into.value += from.value;
  if (from.contributors !== undefined) into.contributors = (into.contributors ?? 0) + from.contributors;
  if (from.largest !== undefined) into.largest = Math.max(into.largest ?? 0, from.largest);
}

/**
 * Complete a table: validate its cells, compute every missing total and subtotal from the interior cells,
 * check the given totals against them, add cumulative series, and list every additive relation.
 * Computed spend totals take contributors = Σ contributors and largest = max largest (exact only when each
 * contributor appears in one part; supply the total cell to override).
 *
 * @example
 * const m = buildModel({dimensions: ["lot"], measures: [{name: "n", kind: "count"}],
 *   cells: [{key: {lot: "A"}, value: 3}, {key: {lot: "B"}, value: 9}]});
 * m.cells.map((c) => [c.coordinates.lot, c.value]); // [["A", 3], ["B", 9], ["Total", 12]]
 * m.relations; // [{total: 2, parts: [0, 1]}]
 */
export function buildModel(table: DisclosureTable): TableModel {
  const measures = new Map<string, "count" | "spend">();
  for (const m of table.measures) {
    const spec = typeof m === "string" ? {name: m, kind: "count" as const} : m;
    if (spec.kind !== "count" && spec.kind !== "spend")
      throw new Error(`invalid kind of measure ${spec.name}: ${String(spec.kind)}`);
    measures.set(spec.name, spec.kind);
  }
  for (const c of table.cumulative ?? []) {
    const kind = measures.get(c.of);
    if (kind === undefined) throw new Error(`invalid cumulative.of: unknown measure ${c.of}`);
    measures.set(c.measure, kind);
  }
  const cumulativeMeasures = new Set((table.cumulative ?? []).map((c) => c.measure));
  const dimensionNames = table.dimensions.map((d) => (typeof d === "string" ? d : d.name));
  const totals = totalLabels(table.dimensions);
  const idOf = (coordinates: CellCoordinates, measure: string) => canonicalKey(coordinates, measure, totals);
  const defaultMeasure = table.measures.length === 1 ? [...measures.keys()][0] : undefined;

  const members = dimensionNames.map(() => new Set<string>());
  const inputs = table.cells.map((cell, i) => {
    const measure = cell.measure ?? defaultMeasure;
    if (measure === undefined || !measures.has(measure))
      throw new Error(`invalid measure of cell ${i}: ${String(measure)}`);
    const kind = measures.get(measure)!;
    const extra = Object.keys(cell.key).filter((k) => !dimensionNames.includes(k));
    if (extra.length > 0) throw new Error(`invalid key of cell ${i}: unknown dimension ${extra[0]}`);
    dimensionNames.forEach((name, d) => {
      const member = cell.key[name];
      if (typeof member !== "string") throw new Error(`invalid key of cell ${i}: missing dimension ${name}`);
      members[d].add(member);
    });
    if (!Number.isFinite(cell.value) || cell.value < 0) throw new Error(`invalid value of cell ${i}: ${cell.value}`);
    if (kind === "count" && !Number.isInteger(cell.value)) throw new Error(`invalid count of cell ${i}: ${cell.value}`);
    if (kind === "spend" && cell.value > 0 && (cell.contributors === undefined || cell.largest === undefined)) {
      throw new Error(`invalid spend cell ${i}: contributors and largest are required`);
    }
    return {cell, measure, kind};
  });
  const dimensions = table.dimensions.map((spec, d) => normaliseDimension(spec, members[d]));
  const isLeaf = (d: number, member: string) => !dimensions[d].children.has(member);

  // interior (all-leaf) cells, then totals along each dimension in turn
  const computed = new Map<string, Accumulator>();
  const givenTotals: {id: string; value: number; contributors?: number; largest?: number; i: number}[] = [];
  const seen = new Set<string>();
  inputs.forEach(({cell, measure}, i) => {
    const coordinates = {...cell.key};
    const id = idOf(coordinates, measure);
    if (seen.has(id)) throw new Error(`duplicate cell ${i}: ${id}`);
    seen.add(id);
    const interior = dimensions.every((_, d) => isLeaf(d, coordinates[dimensions[d].name]));
    if (interior && !cumulativeMeasures.has(measure)) {
      computed.set(id, {
        coordinates,
        measure,
        value: cell.value,
        contributors: cell.contributors,
        largest: cell.largest
      });
    } else {
      givenTotals.push({id, value: cell.value, contributors: cell.contributors, largest: cell.largest, i});
    }
  });
  dimensions.forEach((dimension, d) => {
    for (const acc of [...computed.values()]) {
      const member = acc.coordinates[dimension.name];
      if (!isLeaf(d, member)) continue;
      for (const a of ancestors(dimension, member)) {
        const coordinates = {...acc.coordinates, [dimension.name]: a};
        addInto(computed, idOf(coordinates, acc.measure), acc, coordinates);
      }
    }
  });

  // cumulative series
  const cumulativeRelations: {total: string; parts: string[]}[] = [];
  for (const spec of table.cumulative ?? []) {
    const d = dimensionNames.indexOf(spec.along);
    if (d < 0) throw new Error(`invalid cumulative.along: unknown dimension ${spec.along}`);
    const dimension = dimensions[d];
    const groups = new Map<string, string[]>();
    for (const m of members[d]) {
      if (!isLeaf(d, m)) continue;
      const group = dimension.parentOf.get(m) === dimension.total ? "" : (dimension.parentOf.get(m) ?? "");
      groups.set(group, [...(groups.get(group) ?? []), m]);
    }
    const others = new Map<string, Record<string, string>>();
    for (const acc of computed.values()) {
      if (acc.measure !== spec.of || !isLeaf(d, acc.coordinates[spec.along])) continue;
      const rest = {...acc.coordinates, [spec.along]: ""};
      others.set(canonicalKey(rest, ""), rest);
    }
    for (const rest of others.values()) {
      for (const periods of groups.values()) {
        let running = 0;
        let previous: string | null = null;
        for (const period of [...periods].sort()) {
          const coordinates = {...rest, [spec.along]: period};
          const x = computed.get(idOf(coordinates, spec.of));
          running += x?.value ?? 0;
          const id = idOf(coordinates, spec.measure);
          computed.set(id, {coordinates, measure: spec.measure, value: running});
          const parts = [...(previous === null ? [] : [previous]), ...(x ? [idOf(coordinates, spec.of)] : [])];
          if (parts.length > 0) cumulativeRelations.push({total: id, parts});
          previous = id;
        }
      }
    }
  }

  for (const g of givenTotals) {
    const c = computed.get(g.id);
    const expected = c?.value ?? 0;
    if (Math.abs(expected - g.value) > TOLERANCE * Math.max(1, Math.abs(g.value))) {
      throw new Error(`non-additive total of cell ${g.i}: ${g.id} is ${g.value} but its parts sum to ${expected}`);
    }
    if (c) {
      if (g.contributors !== undefined) c.contributors = g.contributors;
      if (g.largest !== undefined) c.largest = g.largest;
    }
  }

  const ids = [...computed.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const cells: ModelCell[] = ids.map((id) => {
    const acc = computed.get(id)!;
    return {
      id,
      coordinates: acc.coordinates,
      measure: acc.measure,
      kind: measures.get(acc.measure)!,
      value: acc.value,
      given: seen.has(id),
      ...(acc.contributors !== undefined ? {contributors: acc.contributors} : {}),
      ...(acc.largest !== undefined ? {largest: acc.largest} : {}),
      totalLevels: dimensions.filter((dim, d) => !isLeaf(d, acc.coordinates[dim.name])).length
    };
  });

  const relations: Relation[] = [];
  for (let t = 0; t < cells.length; t++) {
    const cell = cells[t];
    dimensions.forEach((dimension) => {
      const kids = dimension.children.get(cell.coordinates[dimension.name]);
      if (!kids) return;
      const parts = kids
        .map((k) => index.get(idOf({...cell.coordinates, [dimension.name]: k}, cell.measure)))
        .filter((p): p is number => p !== undefined);
      if (parts.length > 0) relations.push({total: t, parts});
    });
    for (const rel of table.measureRelations ?? []) {
      if (rel.total !== cell.measure) continue;
      const parts = rel.parts
        .map((m) => index.get(idOf(cell.coordinates, m)))
        .filter((p): p is number => p !== undefined);
      const sum = parts.reduce((s, p) => s + cells[p].value, 0);
      if (Math.abs(sum - cell.value) > TOLERANCE * Math.max(1, cell.value)) {
        throw new Error(`non-additive measures: ${cell.id} is ${cell.value} but ${rel.parts.join(" + ")} is ${sum}`);
      }
      if (parts.length > 0) relations.push({total: t, parts});
    }
  }
  for (const r of cumulativeRelations) {
    relations.push({total: index.get(r.total)!, parts: r.parts.map((p) => index.get(p)!)});
  }
  return {cells, relations, index, dimensions, totals};
}
