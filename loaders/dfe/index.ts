/**
 * DfE explore-education-statistics readers: typed rows with GSS symbols kept as typed missing values.
 *
 * @example
 * import {loadEesFile, sen2Series} from "../dfe/index.js";
 */
export {checkEes, loadEesFile, isEesHeader, EES_REQUIRED_COLUMNS, type EesRow, type EesCheck} from "./ees.js";
export {eesSeries, sen2Series, type SeriesPoint, type GeographySeries} from "./series.js";
export {GSS_SYMBOLS, parseDfeCell, isGssSymbol, type DfeCell, type GssSymbol} from "./symbols.js";
export {GEOGRAPHIC_LEVELS, checkTimePeriod, periodFormat} from "./levels.js";
