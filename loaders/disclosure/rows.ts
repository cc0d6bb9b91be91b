/**
 * Disclosure control for tidy aggregate rows as the loaders produce them (one object per dimension combination,
 * with dimension columns such as `financial_year`, `lot_code`, `area_code` and count columns). The rows become a
 * table model with every marginal total and subtotal, are suppressed by `suppressModel`, and come back with `c` in
 * place of suppressed figures, plus one row per computed total (dimension column = the total label, e.g.
 * "Total", as in DfE explore-education-statistics files).
 */
import {derivedFigure, type DerivedFigure} from "./derived.js";
import {canonicalKey} from "./keys.js";
import {
  buildModel,
  type CumulativeSpec,
  type DimensionSpec,
  type MeasureRelation,
  type MeasureSpec,
  type TableCellInput
} from "./model.js";
import type {SuppressionReason} from "./secondary.js";
import {suppressModel, type SuppressOptions} from "./suppress-table.js";

/** A dimension column. `parentColumn` names a column holding each member's parent (month → financial_year). */
export interface RowDimension {
  name: string;
  total?: string | false;
  parents?: Readonly<Record<string, string>>;
  parentColumn?: string;
}

/** A measure column; for spend, the columns holding contributors and the largest contribution (never output). */
export interface RowMeasure {
  name: string;
  kind?: "count" | "spend";
  contributors?: string;
  largest?: string;
}

/** A derived column computed from measure columns after suppression. */
export type RowDerived =
  | {name: string; type: "percentage"; numerator: string; denominator: string; decimals?: number}
  | {name: string; type: "per-child"; amount: string; children: string; decimals?: number};

/** How to read the rows. */
export interface RowsSpec {
  dimensions: readonly (string | RowDimension)[];
  measures: readonly (string | RowMeasure)[];
  measureRelations?: readonly MeasureRelation[];
  cumulative?: readonly CumulativeSpec[];
  derived?: readonly RowDerived[];
  /** label column → its dimension column (e.g. `{area_name: "area_code"}`), filled in on total rows. */
  labels?: Readonly<Record<string, string>>;
  /** Emit the computed total rows (default true). They are protected either way. */
  totals?: boolean;
}

/** A published row: dimension and label columns, then numbers or GSS symbols. */
export type PublishedRow = Record<string, string | number | null>;

/** The published rows and a summary of what was suppressed. */
export interface RowsResult {
  rows: PublishedRow[];
  counts: Record<SuppressionReason, number>;
  repairs: number;
}

const PARENT = "\u0000parent:";

function rowValue(row: Readonly<Record<string, unknown>>, column: string, i: number): number {
  const v = row[column];
  if (typeof v === "bigint") return Number(v);
  if (typeof v !== "number") throw new Error(`invalid ${column} in row ${i}: ${String(v)}`);
  return v;
}

function rowMember(row: Readonly<Record<string, unknown>>, column: string, i: number): string {
  const v = row[column];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  throw new Error(`invalid ${column} in row ${i}: ${String(v)}`);
}

/**
 * Apply disclosure control to tidy rows, adding total rows.
 *
 * @example
 * applyToRows([{lot_code: "L1", referrals: 3}, {lot_code: "L2", referrals: 9}, {lot_code: "L3", referrals: 14}],
 *   {dimensions: ["lot_code"], measures: ["referrals"]}).rows;
 * // [{lot_code: "L1", referrals: "c"}, {lot_code: "L2", referrals: "c"}, {lot_code: "L3", referrals: 14},
 * //  {lot_code: "Total", referrals: 26}]
 */
export function applyToRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  spec: RowsSpec,
  options: SuppressOptions = {}
): RowsResult {
  const dims = spec.dimensions.map((d): RowDimension => (typeof d === "string" ? {name: d} : d));
  const measures = spec.measures.map((m): RowMeasure => (typeof m === "string" ? {name: m} : m));
  const totalOf = (d: RowDimension) => (d.total === false ? null : (d.total ?? "Total"));
  const hidden = new Set(measures.flatMap((m) => [m.contributors, m.largest]).filter((c): c is string => !!c));

  // dimensions of the model: a parentColumn becomes a hierarchy with prefixed parent members
  const parentMaps = dims.map((d) => new Map<string, string>(Object.entries(d.parents ?? {})));
  const keys = rows.map((row, i) => {
    const key: Record<string, string> = {};
    dims.forEach((d, k) => {
      const member = rowMember(row, d.name, i);
      if (d.parentColumn !== undefined && member !== totalOf(d)) {
        const parentValue = rowMember(row, d.parentColumn, i);
        const parent = parentValue === totalOf(d) ? totalOf(d)! : PARENT + parentValue;
        if (member === parent) throw new Error(`invalid ${d.parentColumn} in row ${i}: ${parentValue}`);
        const previous = parentMaps[k].get(member);
        if (previous !== undefined && previous !== parent)
          throw new Error(`invalid ${d.parentColumn} in row ${i}: ${member} has two parents`);
        parentMaps[k].set(member, parent);
        key[d.name] = member;
      } else if (d.parentColumn !== undefined && rowMember(row, d.parentColumn, i) !== totalOf(d)) {
        key[d.name] = PARENT + rowMember(row, d.parentColumn, i);
      } else {
        key[d.name] = member;
      }
    });
    return key;
  });
  const dimensionSpecs: DimensionSpec[] = dims.map((d, k) => ({
    name: d.name,
    total: d.total,
    parents: Object.fromEntries(parentMaps[k])
  }));
  const measureSpecs: MeasureSpec[] = measures.map((m) => ({name: m.name, kind: m.kind ?? "count"}));
  const cells: TableCellInput[] = rows.flatMap((row, i) =>
    measures.map((m) => ({
      key: keys[i],
      measure: m.name,
      value: rowValue(row, m.name, i),
      ...(m.contributors ? {contributors: rowValue(row, m.contributors, i)} : {}),
      ...(m.largest ? {largest: rowValue(row, m.largest, i)} : {})
    }))
  );
  const model = buildModel({
    dimensions: dimensionSpecs,
    measures: measureSpecs,
    cells,
    measureRelations: spec.measureRelations,
    cumulative: spec.cumulative
  });
  const {reasons, repairs} = suppressModel(model, options);
  const counts: Record<SuppressionReason, number> = {primary: 0, secondary: 0, dominance: 0, consistency: 0};
  model.cells.forEach((cell, i) => {
    const reason = reasons[i];
    if (reason !== null) counts[reason]++;
    options.ledger?.record(cell.id, cell.value, reason);
  });

  const allMeasures = [...measures.map((m) => m.name), ...(spec.cumulative ?? []).map((c) => c.measure)];
  const lookup = (coordinates: Record<string, string>, measure: string) => {
    const i = model.index.get(canonicalKey(coordinates, measure, model.totals));
    return i === undefined ? undefined : {cell: model.cells[i], reason: reasons[i]};
  };
  const published = (coordinates: Record<string, string>, measure: string): number | string => {
    const found = lookup(coordinates, measure);
    if (!found) return (spec.cumulative ?? []).some((c) => c.measure === measure) ? "z" : 0;
    return found.reason === null ? found.cell.value : "c";
  };
  const derive = (coordinates: Record<string, string>, d: RowDerived): DerivedFigure => {
    const factor = 10 ** (d.decimals ?? 1);
    const round = (x: number) => Math.round(x * factor) / factor;
    if (d.type === "percentage") {
      const num = lookup(coordinates, d.numerator);
      const den = lookup(coordinates, d.denominator);
      const n = num?.cell.value ?? 0;
      const m = den?.cell.value ?? 0;
      return derivedFigure(m > 0 ? round((100 * n) / m) : NaN, {
        numerator: n,
        denominator: m,
        inputsSuppressed: (num?.reason ?? null) !== null || (den?.reason ?? null) !== null
      });
    }
    const amount = lookup(coordinates, d.amount);
    const children = lookup(coordinates, d.children);
    const m = children?.cell.value ?? 0;
    return derivedFigure(m > 0 ? round((amount?.cell.value ?? 0) / m) : NaN, {
      denominator: m,
      inputsSuppressed: (amount?.reason ?? null) !== null || (children?.reason ?? null) !== null
    });
  };
  const labelFor = new Map<string, string>();
  rows.forEach((row, i) => {
    for (const [label, dim] of Object.entries(spec.labels ?? {})) {
      const member = keys[i][dim];
      if (typeof row[label] === "string") labelFor.set(JSON.stringify([label, member]), row[label]);
    }
  });
  const render = (
    coordinates: Record<string, string>,
    base: Readonly<Record<string, unknown>> | null
  ): PublishedRow => {
    const out: PublishedRow = {};
    if (base) {
      for (const [column, v] of Object.entries(base)) {
        if (hidden.has(column)) continue;
        out[column] = typeof v === "bigint" ? Number(v) : v === undefined ? null : (v as string | number | null);
      }
    }
    dims.forEach((d) => {
      const member = coordinates[d.name];
      if (member.startsWith(PARENT)) {
        out[d.name] = totalOf(d);
        if (d.parentColumn) out[d.parentColumn] = member.slice(PARENT.length);
      } else {
        out[d.name] = member;
        if (d.parentColumn) {
          const parent = parentMaps[dims.indexOf(d)].get(member);
          out[d.parentColumn] =
            parent === undefined ? member : parent.startsWith(PARENT) ? parent.slice(PARENT.length) : parent;
        }
      }
    });
    for (const [label, dim] of Object.entries(spec.labels ?? {})) {
      out[label] = labelFor.get(JSON.stringify([label, coordinates[dim]])) ?? String(out[dim]);
    }
    for (const m of allMeasures) out[m] = published(coordinates, m);
    for (const d of spec.derived ?? []) out[d.name] = derive(coordinates, d).value;
    return out;
  };

  const inputIds = new Set(keys.map((k) => canonicalKey(k, "")));
  const out = rows.map((row, i) => render(keys[i], row));
  if (spec.totals !== false) {
    const extra = new Map<string, Record<string, string>>();
    for (const cell of model.cells) {
      const id = canonicalKey(cell.coordinates, "");
      if (!inputIds.has(id) && !extra.has(id)) extra.set(id, cell.coordinates);
    }
    for (const id of [...extra.keys()].sort()) out.push(render(extra.get(id)!, null));
  }
  return {rows: out, counts, repairs};
}
