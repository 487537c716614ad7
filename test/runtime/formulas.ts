/**
 * HyperFormula bridge: one HyperFormula instance holds every cell of the fake spreadsheet (one HF sheet per
 * fake sheet) and evaluates formulas, with the bundle's @customfunction functions registered as HF functions.
 *
 * Custom functions may return arrays whose size is only known after they run (Sheets spills them). HF decides
 * an array formula's size when the formula is parsed, so the bridge predicts from the last size the call
 * actually returned (scalar at first), and when the real result differs it re-enters that formula so HF
 * re-predicts — repeated until stable. Array formulas blocked by a non-empty cell (#SPILL!, shown as #REF! like
 * Sheets) are retried after every write, so clearing the blocking cell lets them spill again.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { RawCellContent, SimpleCellAddress } from 'hyperformula';

type FunctionPluginDefinition = Parameters<typeof HyperFormula.registerFunctionPlugin>[0];

/** A computed cell value as Apps Script reads it (errors as their code, e.g. "#ERROR!"). */
export type CellValue = number | string | boolean;

/** Called for each custom function evaluation; `args` are already in the shape Sheets passes. */
export type CustomFunctionInvoker = (name: string, args: unknown[]) => unknown;

/** Error codes as Sheets shows them (HF's #CYCLE!/#SPILL! are #REF! in Sheets). */
function sheetsErrorCode(value: string): string {
  if (value === '#CYCLE!' || value === '#SPILL!') return '#REF!';
  return value;
}

export interface CellErrorInfo {
  error: string;
  message: string;
}

const JSDOC_THEN_FUNCTION = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;

/**
 * Names of functions declared right after a JSDoc block holding @customfunction — how Sheets finds the custom
 * functions of a script (so a lost or misplaced JSDoc makes the function disappear here too).
 */
export function findCustomFunctions(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(JSDOC_THEN_FUNCTION)) {
    if (/@customfunction\b/.test(m[1])) names.push(m[2]);
  }
  return names;
}

type HfValue = unknown;

function rawNumber(v: HfValue): HfValue {
  if (
    v !== null &&
    typeof v === 'object' &&
    'val' in (v as object) &&
    typeof (v as { val: unknown }).val === 'number'
  ) {
    return (v as { val: number }).val;
  }
  return v;
}

function addressKey(a: SimpleCellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

export interface FormulaEngineOptions {
  customFunctions: string[];
  invoke: CustomFunctionInvoker;
  /** Converts a Date returned by a custom function to a serial number. */
  dateToSerial: (d: Date) => number;
}

export class FormulaEngine {
  readonly hf: HyperFormula;
  /** Uppercase HF function id → the bundle's function name. */
  private readonly customIds = new Map<string, string>();
  /** Last size a custom call at an address actually returned (used to predict its spill). */
  private readonly lastSize = new Map<string, { width: number; height: number }>();
  /** Formula cells whose result no longer fits the size HF predicted. */
  private readonly needsResize = new Map<string, SimpleCellAddress>();
  /** Array formulas blocked by content in their spill area. */
  private readonly spillBlocked = new Map<string, SimpleCellAddress>();
  /** Custom-function formulas that last returned more than one cell. */
  private readonly arrayFormulas = new Map<string, SimpleCellAddress>();
  private batchDepth = 0;

  constructor(private readonly options: FormulaEngineOptions) {
    for (const name of options.customFunctions) this.customIds.set(name.toUpperCase(), name);
    const plugins = [...HyperFormula.getAllFunctionPlugins()];
    if (this.customIds.size > 0) {
      plugins.push(this.makePlugin());
      const translations: Record<string, string> = {};
      for (const id of this.customIds.keys()) translations[id] = id;
      for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
        HyperFormula.getLanguage(code).extendFunctions(translations);
      }
    }
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Keep full double precision (date-time serials lose milliseconds to HF's display rounding otherwise).
      smartRounding: false,
      functionPlugins: plugins,
      // Sheets evaluates formulas like "=A1=TRUE" with TRUE/FALSE as literals; named expressions stand in.
    });
    this.hf.addNamedExpression('TRUE', '=TRUE()');
    this.hf.addNamedExpression('FALSE', '=FALSE()');
  }

  get customFunctionNames(): string[] {
    return [...this.customIds.values()];
  }

  private makePlugin(): FunctionPluginDefinition {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    const implementedFunctions: Record<string, unknown> = {};
    for (const id of this.customIds.keys()) {
      implementedFunctions[id] = {
        method: 'callCustom',
        sizeOfResultArrayMethod: 'sizeOfCustom',
        parameters: [{ argumentType: 'ANY', optionalArg: true }],
        repeatLastArgs: 1,
        isVolatile: false,
      };
    }
    class CustomFunctionsPlugin extends FunctionPlugin {
      static override implementedFunctions = implementedFunctions as never;

      callCustom(ast: any, state: any): unknown {
        return engine.evaluateCustom(this as any, ast, state);
      }

      sizeOfCustom(_ast: any, state: any): ArraySize {
        const size = engine.lastSize.get(addressKey(state.formulaAddress));
        if (!size || (size.width === 1 && size.height === 1)) return ArraySize.scalar();
        return new ArraySize(size.width, size.height);
      }
    }
    return CustomFunctionsPlugin as unknown as FunctionPluginDefinition;
  }

  /** Converts an HF internal value to what a custom function receives. */
  private toArg(v: HfValue): unknown {
    if (v === EmptyValue || v === null || v === undefined) return '';
    if (v instanceof CellError)
      return sheetsErrorCode(
        `#${v.type === ErrorType.DIV_BY_ZERO ? 'DIV/0!' : v.type === ErrorType.NA ? 'N/A' : v.type === ErrorType.NAME ? 'NAME?' : v.type + '!'}`,
      );
    return rawNumber(v);
  }

  private evaluateCustom(plugin: any, ast: any, state: any): unknown {
    const id = String(ast.procedureName).toUpperCase();
    const name = this.customIds.get(id) ?? id;
    const args: unknown[] = [];
    for (const argAst of ast.args as any[]) {
      if (argAst.type === 'EMPTY') {
        args.push('');
        continue;
      }
      const value = plugin.evaluateAst(argAst, state);
      if (value instanceof SimpleRangeValue) {
        const data = value.data as HfValue[][];
        if (data.length === 1 && data[0].length === 1) args.push(this.toArg(data[0][0]));
        else args.push(data.map((row) => row.map((c) => this.toArg(c))));
      } else {
        args.push(this.toArg(value));
      }
    }
    let result: unknown;
    try {
      result = this.options.invoke(name, args);
    } catch (e) {
      const message =
        e !== null && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
      return new CellError(ErrorType.ERROR, message);
    }
    const converted = this.fromResult(result);
    const address: SimpleCellAddress = state.formulaAddress;
    const vertex: any = plugin.dependencyGraph.getCell(address);
    const isRoot = vertex && vertex.formula === ast;
    if (!isRoot) return converted;
    const height = converted instanceof SimpleRangeValue ? converted.height() : 1;
    const width = converted instanceof SimpleRangeValue ? converted.width() : 1;
    const key = addressKey(address);
    this.lastSize.set(key, { width, height });
    if (width > 1 || height > 1) this.arrayFormulas.set(key, { ...address });
    else this.arrayFormulas.delete(key);
    const capacity: { width: number; height: number } =
      vertex.array !== undefined
        ? { width: vertex.array.size.width, height: vertex.array.size.height }
        : { width: 1, height: 1 };
    if (capacity.width !== width || capacity.height !== height) this.needsResize.set(key, { ...address });
    if (converted instanceof SimpleRangeValue) {
      if (capacity.width === 1 && capacity.height === 1) {
        const first = converted.data[0][0];
        return first;
      }
      if (width > capacity.width || height > capacity.height) {
        const data = converted.data.slice(0, capacity.height).map((row) => row.slice(0, capacity.width));
        return SimpleRangeValue.onlyValues(data as never);
      }
    }
    return converted;
  }

  private fromScalar(v: unknown): unknown {
    if (v === null || v === undefined) return EmptyValue;
    if (typeof v === 'number')
      return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, 'Result is not a finite number.');
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (Object.prototype.toString.call(v) === '[object Date]') return this.options.dateToSerial(v as Date);
    return String(v);
  }

  private fromResult(result: unknown): unknown {
    if (!Array.isArray(result)) {
      const s = this.fromScalar(result);
      return s === EmptyValue ? '' : s;
    }
    if (result.length === 0)
      return new CellError(ErrorType.ERROR, 'Result was not automatically expanded, please try again.');
    const rows: unknown[][] = result.map((r: unknown) => (Array.isArray(r) ? r : [r]));
    const width = Math.max(...rows.map((r) => r.length));
    if (width === 0)
      return new CellError(ErrorType.ERROR, 'Result was not automatically expanded, please try again.');
    const data = rows.map((r) => {
      const out = r.map((c) => this.fromScalar(c));
      while (out.length < width) out.push(EmptyValue);
      return out;
    });
    if (data.length === 1 && width === 1) return data[0][0] === EmptyValue ? '' : data[0][0];
    return SimpleRangeValue.onlyValues(data as never);
  }

  /** Runs several mutations with one recalculation. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    let result!: T;
    try {
      if (this.batchDepth === 1) {
        this.hf.batch(() => {
          result = fn();
        });
      } else {
        result = fn();
      }
    } finally {
      this.batchDepth--;
    }
    if (this.batchDepth === 0) this.settle();
    return result;
  }

  /** Re-enters formulas whose spill size changed, and retries blocked spills, until nothing changes. */
  private settle(): void {
    const retry = new Map(this.spillBlocked);
    this.spillBlocked.clear();
    for (let round = 0; round < 6; round++) {
      const todo = new Map(this.needsResize);
      this.needsResize.clear();
      if (round === 0) for (const [k, a] of retry) todo.set(k, a);
      if (todo.size === 0) break;
      this.hf.batch(() => {
        for (const addr of todo.values()) {
          if (this.hf.getSheetName(addr.sheet) === undefined) continue;
          const formula = this.hf.getCellFormula(addr);
          if (formula === undefined) continue;
          this.hf.setCellContents(addr, [[formula]]);
        }
      });
    }
    for (const [key, addr] of this.arrayFormulas) {
      if (this.hf.getSheetName(addr.sheet) === undefined) {
        this.arrayFormulas.delete(key);
        continue;
      }
      const v = this.hf.getCellValue(addr);
      if (v instanceof DetailedCellError && v.type === ErrorType.SPILL) this.spillBlocked.set(key, addr);
    }
  }

  addSheet(name: string): number {
    const hfName = this.hf.addSheet(name);
    return this.hf.getSheetId(hfName) as number;
  }

  removeSheet(sheet: number): void {
    this.batch(() => this.hf.removeSheet(sheet));
  }

  renameSheet(sheet: number, name: string): void {
    this.batch(() => this.hf.renameSheet(sheet, name));
  }

  /** Writes a block of raw contents (already normalised: numbers, booleans, null, "=formula", "'text"). */
  setContents(sheet: number, row0: number, col0: number, data: RawCellContent[][]): void {
    this.batch(() => {
      if (this.lastSize.size > 0) {
        for (let r = 0; r < data.length; r++) {
          for (let c = 0; c < data[r].length; c++) {
            const key = `${sheet}:${row0 + r}:${col0 + c}`;
            this.lastSize.delete(key);
            this.arrayFormulas.delete(key);
          }
        }
      }
      // Arrays built in the script's realm fail HF's instanceof checks: rebuild them here.
      const rows = Array.from(data, (row) => Array.from(row));
      this.hf.setCellContents({ sheet, row: row0, col: col0 }, rows);
    });
  }

  /** The computed value as Apps Script's getValue sees it: "" for blank, errors as their code. */
  value(sheet: number, row0: number, col0: number): CellValue {
    return this.fromHf(this.hf.getCellValue({ sheet, row: row0, col: col0 }));
  }

  values(sheet: number, row0: number, col0: number, numRows: number, numCols: number): CellValue[][] {
    const raw = this.hf.getRangeValues({
      start: { sheet, row: row0, col: col0 },
      end: { sheet, row: row0 + numRows - 1, col: col0 + numCols - 1 },
    });
    return raw.map((row) => row.map((v) => this.fromHf(v)));
  }

  private fromHf(v: unknown): CellValue {
    if (v === null || v === undefined) return '';
    if (v instanceof DetailedCellError) return sheetsErrorCode(v.value);
    return v as CellValue;
  }

  errorInfo(sheet: number, row0: number, col0: number): CellErrorInfo | undefined {
    const v = this.hf.getCellValue({ sheet, row: row0, col: col0 });
    if (v instanceof DetailedCellError) return { error: sheetsErrorCode(v.value), message: v.message };
    return undefined;
  }

  /** Formula text of a cell, or undefined (also for cells an array result spilled into). */
  formula(sheet: number, row0: number, col0: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row: row0, col: col0 });
  }

  /** True when the cell holds content of its own (a value or a formula; spilled cells are not). */
  hasOwnContent(sheet: number, row0: number, col0: number): boolean {
    const s = this.hf.getCellSerialized({ sheet, row: row0, col: col0 });
    return s !== null && s !== undefined && s !== '';
  }

  private occupied(sheet: number, row: number, col: number): boolean {
    const a = { sheet, row, col };
    const s = this.hf.getCellSerialized(a);
    if (s !== null && s !== undefined && s !== '') return true;
    const v = this.hf.getCellValue(a);
    return v !== null && v !== undefined && v !== '';
  }

  /** 1-based last row holding content (a value, a formula or a spilled result); 0 when empty. */
  lastRow(sheet: number): number {
    const { width, height } = this.hf.getSheetDimensions(sheet);
    for (let r = height - 1; r >= 0; r--) {
      for (let c = 0; c < width; c++) if (this.occupied(sheet, r, c)) return r + 1;
    }
    return 0;
  }

  /** 1-based last column holding content; 0 when empty. */
  lastColumn(sheet: number): number {
    const { width, height } = this.hf.getSheetDimensions(sheet);
    for (let c = width - 1; c >= 0; c--) {
      for (let r = 0; r < height; r++) if (this.occupied(sheet, r, c)) return c + 1;
    }
    return 0;
  }

  /** Used area as HF tracks it (may include cells cleared since). */
  dimensions(sheet: number): { width: number; height: number } {
    return this.hf.getSheetDimensions(sheet);
  }

  addRows(sheet: number, index0: number, count: number): void {
    if (index0 >= this.hf.getSheetDimensions(sheet).height) return;
    this.batch(() => this.hf.addRows(sheet, [index0, count]));
  }

  removeRows(sheet: number, index0: number, count: number): void {
    if (index0 >= this.hf.getSheetDimensions(sheet).height) return;
    this.batch(() => this.hf.removeRows(sheet, [index0, count]));
  }

  addColumns(sheet: number, index0: number, count: number): void {
    if (index0 >= this.hf.getSheetDimensions(sheet).width) return;
    this.batch(() => this.hf.addColumns(sheet, [index0, count]));
  }

  removeColumns(sheet: number, index0: number, count: number): void {
    if (index0 >= this.hf.getSheetDimensions(sheet).width) return;
    this.batch(() => this.hf.removeColumns(sheet, [index0, count]));
  }
}
