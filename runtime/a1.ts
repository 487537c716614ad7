/** A1-notation helpers shared by the fakes. Rows and columns are 1-based, as in Apps Script. */

export interface GridRange {
  /** Sheet name when the notation carried one ("Sheet1!A1"), unquoted. */
  sheetName?: string;
  row: number;
  col: number;
  /** Undefined for open-ended ranges ("A:A" has no numRows until a sheet resolves it). */
  numRows?: number;
  numCols?: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + row;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Quotes a sheet name for use in a formula or A1 reference when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet 1!A1:B2" / "'It''s'!A1" into sheet name and the A1 part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const trimmed = a1.trim();
  const bang = trimmed.lastIndexOf('!');
  if (bang < 0) return { ref: trimmed };
  let sheet = trimmed.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheetName: sheet, ref: trimmed.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses A1 notation: "A1", "A1:C3", "A:C", "2:5", "Sheet1!B2". Returns undefined when it is not valid A1.
 * Open-ended parts leave numRows/numCols undefined (the sheet fills them from its dimensions).
 */
export function parseA1(a1: string): GridRange | undefined {
  const { sheetName, ref } = splitSheet(a1);
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2 || ref === '') return undefined;
  const cells = parts.map((p) => CELL.exec(p.trim()));
  if (cells.some((m) => !m || (m[1] === undefined && m[2] === undefined))) return undefined;
  const [m1, m2] = cells as RegExpExecArray[];
  const c1 = m1[1] ? lettersToColumn(m1[1]) : undefined;
  const r1 = m1[2] ? Number(m1[2]) : undefined;
  if (!m2) {
    if (c1 === undefined || r1 === undefined) return undefined;
    return { sheetName, row: r1, col: c1, numRows: 1, numCols: 1 };
  }
  const c2 = m2[1] ? lettersToColumn(m2[1]) : undefined;
  const r2 = m2[2] ? Number(m2[2]) : undefined;
  if ((c1 === undefined) !== (c2 === undefined) || (r1 === undefined) !== (r2 === undefined)) {
    // Forms like "A2:C" (open to the bottom) — allowed by Sheets.
    if (c1 !== undefined && c2 !== undefined && r1 !== undefined && r2 === undefined) {
      return { sheetName, row: r1, col: Math.min(c1, c2), numCols: Math.abs(c2 - c1) + 1 };
    }
    return undefined;
  }
  const row = r1 === undefined ? 1 : Math.min(r1, r2 as number);
  const col = c1 === undefined ? 1 : Math.min(c1, c2 as number);
  return {
    sheetName,
    row,
    col,
    numRows: r1 === undefined ? undefined : Math.abs((r2 as number) - r1) + 1,
    numCols: c1 === undefined ? undefined : Math.abs((c2 as number) - c1) + 1,
  };
}
