/**
 * The runtime's inspection API: what the spreadsheet holds and shows, as plain data, for the preview and for
 * tests. Read-only, and never counted: an inspection leaves every counter of the runtime as it was (service
 * calls, custom-function evaluations). The one thing it may trigger is the recalculation that writes made
 * before it had queued (formulas.ts evaluates lazily); that work belongs to those writes and counts as it would
 * at the next read of the script or of a counter.
 *
 * Rows and columns are 1-based, as in Apps Script. A range is A1 notation ("B2:D9", or "Other!B2" to read
 * another sheet) or a CellBlock. Sheet names match case-insensitively, as getSheetByName does.
 */
import { type ChartInfo, chartInfo } from './charts';
import { cellA1, parseA1, quoteSheetName, rangeA1 } from './a1';
import type { CellErrorInfo, CellValue } from './formulas';
import {
  DEFAULT_COLUMN_WIDTH,
  type FakeDataValidation,
  type FakeRange,
  type FakeSheet,
  type FakeSpreadsheet,
  displayOf,
  satisfies,
} from './spreadsheet';

/** A rectangle of cells: top-left row and column (1-based) and its size. */
export interface CellBlock {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A sheet as its tab shows it. */
export interface SheetSummary {
  /** getSheetId(): stable across renames and moves. */
  id: number;
  name: string;
  /** 1-based position among the tabs. */
  index: number;
  hidden: boolean;
  tabColor: string | null;
}

/** A sheet's size, view settings and used area. */
export interface SheetInfo extends SheetSummary {
  maxRows: number;
  maxColumns: number;
  /** Last row / column holding content (a value, a formula or a spilled result); 0 when the sheet is empty. */
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  /** Width in pixels of each column, A first (maxColumns entries); a hidden column is 0. */
  columnWidths: number[];
}

/** What the user has selected. */
export interface SelectionInfo {
  /** The active sheet. */
  sheet: string;
  /** Each selected range in A1 notation (no sheet name), in selection order; the last is the active range. */
  ranges: string[];
  /** The active range, or null when nothing is selected. */
  activeRange: string | null;
  /** The current cell: the top-left cell of the active range (null when nothing is selected). */
  currentCell: string | null;
}

export interface SpreadsheetInfo {
  id: string;
  name: string;
  /** The spreadsheet's time zone (IANA): dates are stored and displayed in it. */
  timeZone: string;
  /** Every sheet, in tab order. */
  sheets: SheetSummary[];
  activeSheet: string;
  selection: SelectionInfo;
}

/** A cell's data validation rule, and whether the cell's value satisfies it. */
export interface ValidationInfo {
  /** The criteria type, as DataValidation.getCriteriaType() names it: 'VALUE_IN_LIST', 'CHECKBOX', … */
  criteria: string;
  /** The criteria values as plain data; a range (VALUE_IN_RANGE) is its A1 notation with the sheet name. */
  values: unknown[];
  /** The dropdown's options: the list of VALUE_IN_LIST, or the non-blank displayed values of VALUE_IN_RANGE's range. */
  options?: string[];
  helpText: string;
  allowInvalid: boolean;
  /** Whether the value satisfies the rule, as Sheets' invalid-data warning judges it (a blank cell always does). */
  valid: boolean;
}

/**
 * One cell as the user sees it. `value` and `text` are always present; the other fields only when the cell has
 * them (absent formats mean Sheets' defaults: white background, black normal text, general alignment).
 */
export interface CellInfo {
  /** The computed value: a number, boolean or string; "" when blank; an error's code ("#ERROR!", "#N/A", …). */
  value: CellValue;
  /** The text shown: number formats applied, dates in the spreadsheet's time zone (like getDisplayValue()). */
  text: string;
  /** The formula, when the cell holds one of its own (cells an array result spilled into have none). */
  formula?: string;
  /** The error and its tooltip message, when the value is an error. */
  error?: CellErrorInfo;
  note?: string;
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  validation?: ValidationInfo;
}

/** A conditional-format rule with a boolean condition, as plain data. */
export interface ConditionalFormatInfo {
  /** The rule's ranges on this sheet. */
  ranges: CellBlock[];
  condition: {
    /** BooleanCriteria name: 'CUSTOM_FORMULA', 'NUMBER_BETWEEN', 'TEXT_CONTAINS', … */
    type: string;
    /** The criteria values (a custom formula's text is the first). */
    values: unknown[];
  };
  /** The format applied where the condition holds (only what the rule sets). */
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface Inspector {
  spreadsheet(): SpreadsheetInfo;
  /** A sheet by name (case-insensitive), or null when there is none. */
  sheet(name: string): SheetInfo | null;
  selection(): SelectionInfo;
  /** Computed values of a range, always 2-D (as `CellInfo.value`). */
  values(sheetName: string, range: string | CellBlock): CellValue[][];
  /** Everything the user sees of each cell of a range, in one call (rows of cells). */
  cells(sheetName: string, range: string | CellBlock): CellInfo[][];
  /** The sheet's conditional-format rules, in order (the first satisfied rule formats a cell). */
  conditionalFormats(sheetName: string): ConditionalFormatInfo[];
  /** The sheet's embedded charts, in insertion order. */
  charts(sheetName: string): ChartInfo[];
  /**
   * Evaluates a formula in the sheet's context without writing it anywhere ("=" optional; references are
   * relative to A1): a scalar, or a 2-D array for an array result; errors as their code.
   */
  evaluate(sheetName: string, formula: string): CellValue | CellValue[][];
}

export interface InspectorOptions {
  spreadsheet: FakeSpreadsheet;
  /** Runs one inspection so that no counter of the runtime changes (see the header comment). */
  quietly<T>(inspection: () => T): T;
}

/** The inspector of one runtime's spreadsheet. */
export function createInspector({ spreadsheet: ss, quietly }: InspectorOptions): Inspector {
  const engine = () => ss._engine();

  const sheetNamed = (name: string): FakeSheet => {
    const sheet = ss._sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  };

  const rangeOf = (sheetName: string, range: string | CellBlock): FakeRange => {
    if (typeof range !== 'string')
      return sheetNamed(sheetName)._range(range.row, range.col, range.numRows, range.numCols);
    const g = parseA1(range);
    if (!g) throw new Error(`Bad A1 notation: ${range}`);
    return sheetNamed(g.sheetName ?? sheetName)._fromGrid(g);
  };

  const summary = (sheet: FakeSheet): SheetSummary => ({
    id: sheet._id,
    name: sheet._name,
    index: ss._sheets.indexOf(sheet) + 1,
    hidden: sheet._hidden,
    tabColor: sheet._tabColor,
  });

  const selection = (): SelectionInfo => {
    const ranges = ss._selection.ranges;
    const active = ss._activeRange();
    return {
      sheet: ss._active._name,
      ranges: ranges.map((r) => rangeA1(r._row, r._col, r._numRows, r._numCols)),
      activeRange: active ? rangeA1(active._row, active._col, active._numRows, active._numCols) : null,
      currentCell: active ? cellA1(active._row, active._col) : null,
    };
  };

  const plain = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object' && '_sheet' in v && '_numRows' in v) {
      const r = v as FakeRange;
      return `${quoteSheetName(r._sheet._name)}!${rangeA1(r._row, r._col, r._numRows, r._numCols)}`;
    }
    return v;
  };

  const options = (rule: FakeDataValidation): string[] | undefined => {
    const first = rule._values[0];
    if (rule._criteria === 'VALUE_IN_LIST' && Array.isArray(first)) return first.map(String);
    if (rule._criteria === 'VALUE_IN_RANGE' && first && typeof first === 'object' && '_sheet' in first) {
      return (first as FakeRange)
        ._displayValues()
        .flat()
        .filter((v) => v !== '');
    }
    return undefined;
  };

  const cells = (range: FakeRange): CellInfo[][] => {
    const sheet = range._sheet;
    const hf = engine();
    const tz = ss._host.timeZone;
    // A rule set on a range is one object shared by its cells: describe it once per call.
    const rules = new Map<FakeDataValidation, Omit<ValidationInfo, 'valid'>>();
    const describe = (rule: FakeDataValidation): Omit<ValidationInfo, 'valid'> => {
      let info = rules.get(rule);
      if (!info) {
        const list = options(rule);
        info = {
          criteria: rule._criteria,
          values: rule._values.map(plain),
          ...(list ? { options: list } : {}),
          helpText: rule._helpText,
          allowInvalid: rule._allowInvalid,
        };
        rules.set(rule, info);
      }
      return info;
    };
    return range._rawValues().map((line, r) =>
      line.map((value, c): CellInfo => {
        const row = range._row + r;
        const col = range._col + c;
        const meta = sheet._meta(row, col);
        const cell: CellInfo = { value, text: displayOf(value, meta?.numberFormat, tz) };
        const formula = hf.formula(sheet._hfId, row - 1, col - 1);
        if (formula !== undefined) cell.formula = formula;
        if (typeof value === 'string' && value.startsWith('#')) {
          const error = hf.errorInfo(sheet._hfId, row - 1, col - 1);
          if (error) cell.error = error;
        }
        if (!meta) return cell;
        if (meta.note !== undefined) cell.note = meta.note;
        if (meta.numberFormat !== undefined) cell.numberFormat = meta.numberFormat;
        if (meta.background !== undefined) cell.background = meta.background;
        if (meta.fontColor !== undefined) cell.fontColor = meta.fontColor;
        if (meta.fontWeight !== undefined) cell.fontWeight = meta.fontWeight;
        if (meta.fontStyle !== undefined) cell.fontStyle = meta.fontStyle;
        if (meta.fontSize !== undefined) cell.fontSize = meta.fontSize;
        if (meta.hAlign !== undefined) cell.horizontalAlignment = meta.hAlign;
        if (meta.vAlign !== undefined) cell.verticalAlignment = meta.vAlign;
        if (meta.wrap !== undefined) cell.wrap = meta.wrap;
        if (meta.validation) {
          const info = describe(meta.validation);
          cell.validation = {
            ...info,
            ...(info.options ? { options: [...info.options] } : {}),
            values: [...info.values],
            valid: satisfies(meta.validation, value, cell.text),
          };
        }
        return cell;
      }),
    );
  };

  return {
    spreadsheet: () =>
      quietly(() => ({
        id: ss._id,
        name: ss._name,
        timeZone: ss._host.timeZone,
        sheets: ss._sheets.map(summary),
        activeSheet: ss._active._name,
        selection: selection(),
      })),

    charts: (name) => quietly(() => sheetNamed(name)._charts.map(chartInfo)),

    sheet: (name) =>
      quietly(() => {
        const sheet = ss._sheetByName(name);
        if (!sheet) return null;
        const columnWidths: number[] = [];
        for (let c = 1; c <= sheet._maxCols; c++) {
          columnWidths.push(sheet._hiddenCols.has(c) ? 0 : (sheet._colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH));
        }
        return {
          ...summary(sheet),
          maxRows: sheet._maxRows,
          maxColumns: sheet._maxCols,
          lastRow: sheet._lastRow(),
          lastColumn: sheet._lastColumn(),
          frozenRows: sheet._frozenRows,
          frozenColumns: sheet._frozenCols,
          columnWidths,
        };
      }),

    selection: () => quietly(selection),

    values: (sheetName, range) => quietly(() => rangeOf(sheetName, range)._rawValues()),

    cells: (sheetName, range) => quietly(() => cells(rangeOf(sheetName, range))),

    conditionalFormats: (sheetName) =>
      quietly(() => {
        const sheet = sheetNamed(sheetName);
        return sheet._cfRules.map((rule): ConditionalFormatInfo => {
          const condition = rule._condition;
          const format = Object.fromEntries(
            Object.entries(condition._format).filter(([, v]) => v !== undefined),
          ) as ConditionalFormatInfo['format'];
          return {
            ranges: rule._ranges
              .filter((r) => r._sheet === sheet)
              .map((r) => ({ row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols })),
            condition: { type: condition._type, values: condition._values.map(plain) },
            format,
          };
        });
      }),

    evaluate: (sheetName, formula) => quietly(() => engine().evaluate(sheetNamed(sheetName)._hfId, formula)),
  };
}
