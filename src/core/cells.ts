/**
 * Parsing of the values Sheets hands to custom functions and scripts: numbers, numbers typed as text,
 * blanks (""), booleans, Date objects and error strings. Nothing here trusts the cell.
 */

/** A 2-D block of cell values, as Range.getValues() and custom-function range arguments give it. */
export type CellGrid = readonly (readonly unknown[])[];

/** Tolerance under which floating-point noise never flips a decision or a range check. */
export const EPSILON = 1e-9;

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export type ScoreCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'score'; readonly value: number }
  | { readonly kind: 'invalid'; readonly problem: string };

const SHEETS_ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
]);
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

// Builtins read once: a global lookup per cell is measurable on 10,000-row calls.
const isArray = Array.isArray;
const toStringTag = Object.prototype.toString;

/** Dates come from another realm inside Apps Script and the vm, so `instanceof Date` is not reliable. */
export function isDate(value: unknown): value is Date {
  return toStringTag.call(value) === '[object Date]';
}

export function isBlank(value: unknown): boolean {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

/** Quotes a cell value for an error message, so the user can find it. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `"${shown}"`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const time = value.getTime();
    return Number.isNaN(time) ? 'an invalid date' : `the date ${value.toISOString().slice(0, 10)}`;
  }
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return 'blank';
  return typeof value;
}

/** A number from a cell: real numbers, or text that is only a number ("4", " 4.5 "). */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function parseScoreCell(value: unknown): ScoreCell {
  if (isBlank(value)) return { kind: 'blank' };
  if (typeof value === 'string' && SHEETS_ERRORS.has(value.trim().toUpperCase())) {
    return { kind: 'invalid', problem: `holds the error ${value.trim()}` };
  }
  if (typeof value === 'boolean' || isDate(value)) {
    return { kind: 'invalid', problem: `holds ${describeValue(value)}, which is not a score from 1 to 5` };
  }
  const parsed = parseNumber(value);
  if (parsed === undefined) {
    return { kind: 'invalid', problem: `holds ${describeValue(value)}, which is not a score from 1 to 5` };
  }
  if (parsed < MIN_SCORE - EPSILON || parsed > MAX_SCORE + EPSILON) {
    return { kind: 'invalid', problem: `holds ${describeValue(value)}, which is outside the 1 to 5 scale` };
  }
  return { kind: 'score', value: parsed };
}

/** A key-risk marker: a ticked checkbox (TRUE) or the text "key risk" / "yes" in any case. */
export function parseKeyRiskCell(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value !== 'string') return false;
  const text = value.trim().toLowerCase();
  return text === 'key risk' || text === 'yes';
}

/** Custom functions get a single cell as a value and a range as a 2-D array; this makes both a grid. */
export function toGrid(value: unknown): CellGrid {
  if (isArray(value)) {
    if (value.length === 0) return [];
    // Rows are read, never modified, so the block Sheets passed is used as it is.
    if (value.every((row) => isArray(row))) return value as unknown[][];
    return [value];
  }
  return [[value]];
}

export function gridSize(grid: CellGrid): { rows: number; columns: number } {
  let columns = 0;
  for (const row of grid) if (row.length > columns) columns = row.length;
  return { rows: grid.length, columns };
}
