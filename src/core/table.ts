/**
 * Header-mapped tables: Scorecard finds its columns by the text in the header row, never by position, so users
 * may move columns and add their own anywhere.
 */

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: string;
}

export interface TableLayout<K extends string = string> {
  /** 0-based column index of each known column, by key. */
  readonly columns: Readonly<Record<K, number>>;
  /** Keys whose header is not in the row. */
  readonly missing: readonly K[];
  /** Headers that appear more than once, with the 0-based columns they occupy. */
  readonly duplicates: readonly { readonly header: string; readonly columns: readonly number[] }[];
}

export function normaliseHeader(value: unknown): string {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function mapHeaders<K extends string>(
  headerRow: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
): TableLayout<K> {
  const positions = new Map<string, number[]>();
  headerRow.forEach((cell, index) => {
    const header = normaliseHeader(cell);
    if (header) positions.set(header, [...(positions.get(header) ?? []), index]);
  });
  const columns = {} as Record<K, number>;
  const missing: K[] = [];
  const duplicates: { header: string; columns: number[] }[] = [];
  for (const spec of specs) {
    const found = positions.get(normaliseHeader(spec.header));
    if (!found) missing.push(spec.key);
    else {
      columns[spec.key] = found[0];
      if (found.length > 1) duplicates.push({ header: spec.header, columns: found });
    }
  }
  return { columns, missing, duplicates };
}

/**
 * Where a missing header goes back: into the blank header cell between the columns of the nearest known headers
 * before and after it in `specs` order — where it stood until someone cleared it, its data still below — or
 * undefined when there is no such cell (then the caller adds a column). `header` is the row as it is being
 * repaired, so headers restored before this one count as present.
 */
export function restoredHeaderColumn<K extends string>(
  header: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
  key: K,
): number | undefined {
  const at = specs.findIndex((s) => s.key === key);
  const columnOf = (spec: ColumnSpec<K>) =>
    header.findIndex((h) => normaliseHeader(h) === normaliseHeader(spec.header));
  let before = -1;
  for (let i = at - 1; i >= 0 && before < 0; i--) before = columnOf(specs[i]);
  let after = -1;
  for (let i = at + 1; i < specs.length && after < 0; i++) after = columnOf(specs[i]);
  const end = after < 0 ? header.length : after;
  for (let column = before + 1; column < end; column++) {
    if (normaliseHeader(header[column]) === '') return column;
  }
  return undefined;
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 notation of a 0-based column and 1-based row, e.g. cellName(2, 5) → "C5". */
export function cellName(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}

/**
 * A sheet name as Sheets writes it in a formula: bare when it can be (Candidates!A1), quoted otherwise
 * ('S1 Screening'!A1, 'A1'!B2), so formulas Scorecard writes read back exactly as written.
 */
export function quoteSheetName(name: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Formulas compared as Sheets would treat them: case and spacing outside string literals do not matter. */
export function sameFormula(a: string, b: string): boolean {
  const normalise = (f: string) =>
    f
      .split('"')
      .map((part, i) => (i % 2 === 0 ? part.replace(/\s+/g, '').toUpperCase() : part))
      .join('"');
  return normalise(a) === normalise(b);
}

/** Whether a row of values holds nothing a user typed. */
export function isEmptyRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}

// ---------------------------------------------------------------------------------------------------------
// Column widths that fit their text

const NARROW = new Set("fijlrtI.,:;'!|()[] -/");
const WIDE = new Set('mwMW—');

/**
 * Roughly how many pixels a line of text takes in Sheets' default font (Arial 10 pt), erring wide so that a
 * sans-serif fallback (e.g. DejaVu Sans where Arial is missing) fits too: per character, narrow letters and
 * spaces 4.8 px, m and w 13.5, capitals and digits 10.4, other letters 8.9; regular weight 90 % of bold.
 */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const ch of text)
    width += NARROW.has(ch) ? 4.8 : WIDE.has(ch) ? 13.5 : /[A-Z0-9]/.test(ch) ? 10.4 : 8.9;
  return bold ? width : width * 0.9;
}

export interface FitOptions {
  /** Other texts the column shows on one line (stage names, statuses), in regular weight. */
  readonly values?: readonly string[];
  /** Room for a dropdown's chevron or a checkbox, in pixels. */
  readonly extra?: number;
  readonly min?: number;
  readonly max?: number;
}

/** A column width (pixels) that shows its bold header and the given values on one line, with the cell's padding. */
export function fitWidth(header: string, options: FitOptions = {}): number {
  const text = Math.max(textWidth(header, true), ...(options.values ?? []).map((v) => textWidth(v)));
  const width = Math.ceil(text + 20 + (options.extra ?? 0));
  return Math.min(options.max ?? 400, Math.max(options.min ?? 60, width));
}
