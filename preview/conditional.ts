/**
 * Conditional formatting for the preview. The runtime stores conditional-format rules but does not apply them;
 * Sheets does, so the preview evaluates them for the cells it shows: a custom formula is shifted from the rule
 * range's top-left to each cell (relative references move, $-anchored ones stay) and evaluated by the same
 * HyperFormula instance that holds the workbook (the runtime's inspect.evaluate). The other boolean conditions are compared with the cell value.
 */
import type { CellValue, Runtime } from '../runtime';
import { columnToLetters as columnLetters, lettersToColumn as columnNumber } from '../runtime';

export interface CfFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/y;

/**
 * Moves the relative references of a formula by (dRows, dCols), as Sheets does when it applies a rule written
 * for the top-left cell to another cell of the range. Text in double quotes is left alone.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z$]/.test(ch) && !/[\w.]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const [whole, colAbs, letters, rowAbs, digits] = m;
        const col = colAbs ? columnNumber(letters) : columnNumber(letters) + dCols;
        const row = rowAbs ? Number(digits) : Number(digits) + dRows;
        if (col < 1 || row < 1) return '=NA()';
        out += `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
        i += whole.length;
        continue;
      }
      // A name (function or named expression): copy the identifier whole.
      const ident = /[A-Za-z_$][\w.$]*/y;
      ident.lastIndex = i;
      const name = ident.exec(formula)?.[0] ?? ch;
      out += name;
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

function matches(type: string, values: unknown[], value: CellValue, formulaResult: () => unknown): boolean {
  const num = typeof value === 'number' ? value : undefined;
  const a = Number(values[0]);
  const b = Number(values[1]);
  const text = String(value);
  switch (type) {
    case 'CUSTOM_FORMULA':
      return truthy(formulaResult());
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === String(values[0]).toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(values[0]).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(String(values[0]).toLowerCase());
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Math.min(a, b) && num <= Math.max(a, b);
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= a;
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= a;
    default:
      return false;
  }
}

/**
 * The conditional format of each cell in the window (rows/cols 1-based, inclusive start, count) of a sheet:
 * a map from "row:col" to the format of the first satisfied rule (Sheets: earlier rules win).
 */
export function conditionalFormats(
  rt: Runtime,
  sheetName: string,
  rowCount: number,
  colCount: number,
  value: (row: number, col: number) => CellValue,
): Map<string, CfFormat> {
  const out = new Map<string, CfFormat>();
  for (const { ranges, condition, format } of rt.inspect.conditionalFormats(sheetName)) {
    for (const range of ranges) {
      const top = range.row;
      const left = range.col;
      const lastRow = Math.min(top + range.numRows - 1, rowCount);
      const lastCol = Math.min(left + range.numCols - 1, colCount);
      for (let row = top; row <= lastRow; row++) {
        for (let col = left; col <= lastCol; col++) {
          const key = `${row}:${col}`;
          if (out.has(key)) continue;
          const formulaResult = () => {
            const text = String(condition.values[0] ?? '');
            const shifted = shiftFormula(text.startsWith('=') ? text : `=${text}`, row - top, col - left);
            try {
              const result = rt.inspect.evaluate(sheetName, shifted);
              return Array.isArray(result) ? result[0]?.[0] : result;
            } catch {
              return false;
            }
          };
          if (matches(condition.type, condition.values, value(row, col), formulaResult)) {
            out.set(key, { ...format });
          }
        }
      }
    }
  }
  return out;
}
