/**
 * Parsing of the values Sheets hands to custom functions and scripts: numbers, numbers typed as text,
 * blanks (""), booleans, Date objects and error strings. Nothing here trusts the cell.
 */
import { fromWallClock } from './time-zone';

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

// ---- Date-times ----------------------------------------------------------------------------------------

export type DateTimeCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'dateTime'; readonly value: Date }
  | { readonly kind: 'invalid'; readonly problem: string };

/** How a date-time is typed, shown in every message about one. */
export const DATE_TIME_EXAMPLE = '2026-12-03 14:30';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// 2026-12-03 14:30, 2026/12/3 9:05:00, 2026-12-03T14:30, 2026-12-03 2:30 pm, 2026-12-03T14:30:00Z, …+01:00
const DATE_TIME_TEXT =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function notADateTime(value: unknown): DateTimeCell {
  return {
    kind: 'invalid',
    problem: `holds ${describeValue(value)}, which is not a date and time: type it like ${DATE_TIME_EXAMPLE}`,
  };
}

/**
 * A date and time from a cell, in the spreadsheet's time zone: a Date (what a date-time cell gives a script;
 * Sheets has already read it in the spreadsheet's zone), or text such as "2026-12-03 14:30" (also 2026/12/03,
 * a "T" between date and time, seconds, am/pm, or an explicit "Z"/"+01:00" offset, which then wins over the
 * zone). Blank is blank; anything else is invalid with a problem that says what is wrong, worded to follow the
 * cell's name ("Candidates!K5 holds …").
 */
export function parseDateTimeCell(value: unknown, timeZone: string): DateTimeCell {
  if (isBlank(value)) return { kind: 'blank' };
  if (isDate(value)) {
    return Number.isNaN(value.getTime())
      ? { kind: 'invalid', problem: 'holds an invalid date' }
      : { kind: 'dateTime', value: new Date(value.getTime()) };
  }
  if (typeof value !== 'string') return notADateTime(value);
  const typed = value.trim();
  if (SHEETS_ERRORS.has(typed.toUpperCase())) return { kind: 'invalid', problem: `holds the error ${typed}` };
  const match = DATE_TIME_TEXT.exec(typed);
  if (!match) return notADateTime(value);
  const [, y, mo, d, h, mi, sec, meridiem, offset] = match;
  const shown = describeValue(value);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) {
    return { kind: 'invalid', problem: `holds ${shown}, but there is no month ${month}` };
  }
  if (day < 1) return { kind: 'invalid', problem: `holds ${shown}, but there is no day ${day}` };
  if (day > daysInMonth(year, month)) {
    return {
      kind: 'invalid',
      problem: `holds ${shown}, but ${MONTHS[month - 1]} ${year} has only ${daysInMonth(year, month)} days`,
    };
  }
  if (h === undefined) {
    return {
      kind: 'invalid',
      problem: `holds ${shown}, a date without a time: add the time, like ${DATE_TIME_EXAMPLE}`,
    };
  }
  let hour = Number(h);
  const minute = Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) {
      return { kind: 'invalid', problem: `holds ${shown}, but ${hour} ${meridiem} is not a time of day` };
    }
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { kind: 'invalid', problem: `holds ${shown}, but ${h}:${mi} is not a time of day` };
  }
  if (offset !== undefined) {
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    if (offset.toUpperCase() === 'Z') return { kind: 'dateTime', value: new Date(utc) };
    const digits = offset.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const offsetHours = Number(digits.slice(1, 3));
    const offsetMinutes = Number(digits.slice(3, 5));
    if (offsetHours > 14 || offsetMinutes > 59) {
      return { kind: 'invalid', problem: `holds ${shown}, but ${offset} is not a time-zone offset` };
    }
    return {
      kind: 'dateTime',
      value: new Date(utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000),
    };
  }
  const instant = fromWallClock({ year, month, day, hour, minute, second }, timeZone);
  if (!instant) {
    return {
      kind: 'invalid',
      problem:
        `holds ${shown}, a time that does not exist in ${timeZone}: clocks jump forward past it that day ` +
        '(daylight saving starts); pick a time outside the skipped hour',
    };
  }
  return { kind: 'dateTime', value: instant };
}
