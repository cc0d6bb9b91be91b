/**
 * Statistical disclosure control for the public build (see docs/disclosure-control.md): primary suppression of
 * counts 1–5, dominance rule for spend, secondary suppression over every additive relation with an LP audit,
 * derived-figure rules, a ledger for consistency across tables, and a scan of published files.
 */
export {canonicalKey, type CellCoordinates} from "./keys.js";
export {isPrimaryCount, MINIMUM_PUBLISHED_COUNT} from "./primary.js";
export {
  dominanceReason,
  requiredProtection,
  type DominanceOptions,
  type DominanceReason,
  type SpendCell
} from "./dominance.js";
export {derivedFigure, forecastFigure, percentage, perChild, type DerivedBasis, type DerivedFigure} from "./derived.js";
export {
  buildModel,
  totalLabels,
  type CumulativeSpec,
  type DimensionSpec,
  type DisclosureTable,
  type MeasureRelation,
  type MeasureSpec,
  type TableCellInput,
  type TableModel
} from "./model.js";
export {compareCost, completeSecondary, type SuppressionReason} from "./secondary.js";
export {auditModel, type AuditOptions, type CellInterval} from "./audit.js";
export {variableBounds, type LinearEquation, type VariableBounds} from "./lp.js";
export {SuppressionLedger, type LedgerEntry} from "./ledger.js";
export {
  suppressModel,
  suppressTable,
  suppressTables,
  type PublishedCell,
  type SuppressOptions,
  type SuppressionResult
} from "./suppress-table.js";
export {
  applyToRows,
  type PublishedRow,
  type RowDerived,
  type RowDimension,
  type RowMeasure,
  type RowsSpec,
  type RowsResult
} from "./rows.js";
export {
  findUnsafeCounts,
  findUnsafeInColumns,
  findUnsafeInJson,
  type DeclaredFinding,
  type ScanSchema,
  type UnsafeCount
} from "./scan.js";
export {
  classifyColumn,
  DISCLOSURE_KEY,
  parseDeclaration,
  type ColumnClass,
  type DisclosureDeclaration
} from "./declaration.js";
