/**
 * HyperFormula bridge: one HyperFormula instance holds every cell of the fake spreadsheet (one HF sheet per
 * fake sheet) and evaluates formulas, with the bundle's @customfunction functions registered as HF functions.
 *
 * Custom functions may return arrays whose size is only known after they run (Sheets spills them). HF decides
 * an array formula's size when the formula is parsed, so the bridge predicts from the last size the call
 * actually returned (scalar at first), and when the real result differs it re-enters that formula so HF
 * re-predicts — repeated until stable. Array formulas blocked by a non-empty cell (#SPILL!, shown as #REF! like
 * Sheets) are retried at the next recalculation after a write, so clearing the blocking cell lets them spill again.
 *
 * Recalculation is lazy: writes and row/column operations queue up in HF (its evaluation suspended) and the
 * first read after them recalculates once. Row/column operations re-enter the array formulas whose size may
 * change (as Sheets re-spills them), and the bridge's per-address records move with the cells.
 *
 * HF 3.5 is patched here in a few places where it fails or differs from Sheets (see `patchHyperFormula` and
 * `FormulaEngine.patchInstance`): errored array formulas read as ranges ("Unknown array"), stale arrays left in
 * its array index after their top-left cell is overwritten, errors repeated across an errored array's area, and
 * exact-match lookups that scan their whole range for every key of an ARRAYFORMULA, and row or column operations
 * that fail after a sheet other formulas refer to was deleted.
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

/** HF's string normalisation for lookups (case and accents ignored). */
function forceNormalize(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A cell address with its map key. */
interface Tracked {
  address: SimpleCellAddress;
}

interface SizeEntry extends Tracked {
  width: number;
  height: number;
}

/** HF's internal array-formula vertex (only the parts the bridge reads). */
interface ArrayVertex {
  cellAddress: SimpleCellAddress;
  width: number;
  height: number;
  array: unknown;
}

/** HF's ErroredArray: the whole array formula evaluated to one error (it keeps the predicted size). */
function isErroredArray(array: unknown): boolean {
  return (
    array !== null &&
    typeof array === 'object' &&
    'error' in (array as object) &&
    (array as { error: unknown }).error instanceof CellError
  );
}

/** The function the bridge wraps array formulas in while rows/columns move (a scalar, so HF reserves no spill). */
const HOLD = 'RUNTIME.UNSPILLED';

let hfPatched = false;

/**
 * The bridge patches HyperFormula internals (package.json pins its exact version). When an upgrade renames one,
 * the runtime refuses to start instead of silently evaluating formulas differently from Sheets.
 */
function hfChanged(member: string): Error {
  return new Error(
    `HyperFormula ${HyperFormula.version} no longer has ${member}, which runtime/formulas.ts patches: ` +
      'update the patch (and its tests in runtime/test/formulas.test.ts) before upgrading.',
  );
}

/**
 * Two fixes to HyperFormula's array formulas, applied once per process to its shared vertex class:
 * - an array formula that evaluates to one error (a circular reference, an error argument) shows the error in its
 *   top-left cell only, the rest of its area blank — as Sheets shows it (HF repeats the error in every cell);
 * - see `patchInstance` for the interpreter side.
 */
function patchHyperFormula(): void {
  if (hfPatched) return;
  hfPatched = true;
  const probe = HyperFormula.buildFromArray([['={1,2}']], { licenseKey: 'gpl-v3' });
  const vertex = (probe as any).dependencyGraph.getCell({ sheet: 0, row: 0, col: 0 });
  const proto = vertex ? Object.getPrototypeOf(vertex) : undefined;
  const graph = Object.getPrototypeOf((probe as any).dependencyGraph);
  probe.destroy();
  // After removeSheet of a sheet other formulas refer to, HF keeps it as a placeholder without cells; the next
  // row or column operation anywhere then asks for that sheet's cells and fails ("There's no sheet with id = 5").
  // A placeholder with no cells has nothing to clean up: skip it.
  if (typeof graph?.cleanupPlaceholderSheets !== 'function')
    throw hfChanged('DependencyGraph.cleanupPlaceholderSheets');
  const cleanup = graph.cleanupPlaceholderSheets as (ids: Iterable<number>) => void;
  graph.cleanupPlaceholderSheets = function (
    this: { addressMapping: { mapping: Map<number, unknown> } },
    sheetIds: Iterable<number>,
  ): void {
    cleanup.call(
      this,
      [...sheetIds].filter((id) => this.addressMapping.mapping.has(id)),
    );
  };
  if (!proto || typeof proto.getArrayCellValue !== 'function')
    throw hfChanged('ArrayVertex.getArrayCellValue');
  const getArrayCellValue = proto.getArrayCellValue as (address: SimpleCellAddress) => unknown;
  proto.getArrayCellValue = function (this: ArrayVertex, address: SimpleCellAddress): unknown {
    if (
      isErroredArray(this.array) &&
      (address.row !== this.cellAddress.row || address.col !== this.cellAddress.col)
    ) {
      return EmptyValue;
    }
    return getArrayCellValue.call(this, address);
  };
}

export interface FormulaEngineOptions {
  customFunctions: string[];
  invoke: CustomFunctionInvoker;
  /** Wraps each recalculation (the runtime runs its custom functions in one fresh execution). */
  recalculate?: <T>(run: () => T) => T;
  /** Converts a Date returned by a custom function to a serial number. */
  dateToSerial: (d: Date) => number;
  /**
   * The current time as a serial number of the spreadsheet zone's wall clock: NOW() and TODAY() read it (HF's own
   * read the real clock in the Node process's zone). Default: the real clock, in UTC.
   */
  now?: () => number;
}

/**
 * Evaluation is lazy: writes and row/column operations only queue work in HyperFormula (its evaluation stays
 * suspended), and the first read after them recalculates once — so an Apps Script call that writes many ranges
 * before reading pays for one recalculation, not one per write. Reads always see up-to-date values.
 */
export class FormulaEngine {
  readonly hf: HyperFormula;
  /** Uppercase HF function id → the bundle's function name. */
  private readonly customIds = new Map<string, string>();
  /** Last size a custom call at an address actually returned (used to predict its spill). */
  private readonly lastSize = new Map<string, SizeEntry>();
  /** Formula cells whose result no longer fits the size HF predicted. */
  private readonly needsResize = new Map<string, Tracked>();
  /** Array formulas blocked by content in their spill area. */
  private readonly spillBlocked = new Map<string, Tracked>();
  /** Custom-function formulas that last returned more than one cell. */
  private readonly arrayFormulas = new Map<string, Tracked>();
  /** HF evaluation is suspended with changes not yet recalculated. */
  private pending = false;
  private settling = false;
  /** >0 while HF evaluates one formula: lookups may reuse the ranges they scanned (their values cannot change). */
  private evaluatingFormula = 0;
  private readonly lookupCache = new Map<string, Map<unknown, number>>();
  /** Last occupied row/column per sheet, valid until the next change. */
  private readonly extents = new Map<number, { row: number; col: number }>();

  constructor(private readonly options: FormulaEngineOptions) {
    patchHyperFormula();
    for (const name of options.customFunctions) this.customIds.set(name.toUpperCase(), name);
    const plugins = [...HyperFormula.getAllFunctionPlugins(), this.makePlugin()];
    const translations: Record<string, string> = { [HOLD]: HOLD };
    for (const id of this.customIds.keys()) translations[id] = id;
    for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
      HyperFormula.getLanguage(code).extendFunctions(translations);
    }
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Keep full double precision (date-time serials lose milliseconds to HF's display rounding otherwise).
      smartRounding: false,
      functionPlugins: plugins,
      // Apps Script has no undo; HF's undo bookkeeping only costs time.
      undoLimit: 0,
      // Sheets allows 10 million cells per spreadsheet; HF's default 40,000 rows is too few for a large Score log.
      maxRows: 200_000,
      // Sheets evaluates formulas like "=A1=TRUE" with TRUE/FALSE as literals; named expressions stand in.
    });
    this.hf.addNamedExpression('TRUE', '=TRUE()');
    this.hf.addNamedExpression('FALSE', '=FALSE()');
    this.patchInstance();
  }

  get customFunctionNames(): string[] {
    return [...this.customIds.values()];
  }

  /**
   * Instance patches of HF internals (see also the stale-array fix below):
   * - a range that is exactly the area of an array formula which evaluated to one error made HF throw
   *   "Unknown array" (its interpreter knows computed and not-computed arrays, not errored ones): such a range is
   *   read cell by cell instead;
   * - exact-match lookups (VLOOKUP/MATCH/XLOOKUP over unsorted ranges) scan the whole range for each key, which
   *   inside ARRAYFORMULA makes one formula cost rows²: while one formula evaluates, the values of a range it
   *   searched are indexed once (they cannot change during that formula's evaluation).
   */
  private patchInstance(): void {
    const hf = this.hf as any;
    const graph = hf.dependencyGraph;
    for (const [owner, name, member] of [
      ['DependencyGraph', 'getArray', graph?.getArray],
      ['DependencyGraph', 'setFormulaToCell', graph?.setFormulaToCell],
      ['DependencyGraph', 'setCellEmpty', graph?.setCellEmpty],
      ['DependencyGraph', 'setParsingErrorToCell', graph?.setParsingErrorToCell],
      ['ArrayMapping', 'getArrayByCorner', graph?.arrayMapping?.getArrayByCorner],
      ['Evaluator', 'recomputeFormulaVertexValue', hf.evaluator?.recomputeFormulaVertexValue],
    ] as const) {
      if (typeof member !== 'function') throw hfChanged(`${owner}.${name}`);
    }
    const getArray = graph.getArray.bind(graph) as (range: unknown) => ArrayVertex | undefined;
    graph.getArray = (range: unknown) => {
      const vertex = getArray(range);
      return vertex && isErroredArray(vertex.array) ? undefined : vertex;
    };

    // Replacing an array formula's top-left cell by a scalar formula, a parsing error or nothing leaves the old
    // array in HF's array index (only a plain value removes it): ranges over its old area then read the stale
    // array, and row/column operations walk a vertex no longer in the graph ("Unknown node"). Drop it.
    const arrays = graph.arrayMapping;
    for (const method of ['setFormulaToCell', 'setCellEmpty', 'setParsingErrorToCell']) {
      const original = graph[method].bind(graph) as (
        address: SimpleCellAddress,
        ...rest: unknown[]
      ) => unknown;
      graph[method] = (address: SimpleCellAddress, ...rest: unknown[]) => {
        const old = arrays.getArrayByCorner(address) as (ArrayVertex & { getRange(): unknown }) | undefined;
        const result = original(address, ...rest);
        if (old !== undefined && arrays.getArrayByCorner(address) === old) arrays.removeArray(old.getRange());
        return result;
      };
    }

    const evaluator = hf.evaluator;
    const recompute = evaluator.recomputeFormulaVertexValue.bind(evaluator) as (v: unknown) => unknown;
    evaluator.recomputeFormulaVertexValue = (vertex: unknown) => {
      this.evaluatingFormula++;
      this.lookupCache.clear();
      try {
        return recompute(vertex);
      } finally {
        this.evaluatingFormula--;
        this.lookupCache.clear();
      }
    };

    const search = hf.columnSearch;
    if (typeof search?.basicFind !== 'function') throw hfChanged('ColumnSearch.basicFind');
    const basicFind = search.basicFind.bind(search) as (...args: any[]) => number;
    search.basicFind = (searchKey: unknown, rangeValue: any, coordinate: unknown, opts: any) => {
      const range = rangeValue?.range;
      if (
        this.evaluatingFormula === 0 ||
        range === undefined ||
        opts?.ordering !== 'none' ||
        (opts.ifNoMatch ?? 'returnNotFound') !== 'returnNotFound' ||
        (typeof searchKey === 'number' && Number.isNaN(searchKey))
      ) {
        return basicFind(searchKey, rangeValue, coordinate, opts);
      }
      const first = (opts.returnOccurrence ?? 'first') === 'first';
      const key = `${first ? 'f' : 'l'}${range.start.sheet}:${range.start.row}:${range.start.col}:${range.end.row}:${range.end.col}`;
      let index = this.lookupCache.get(key);
      if (!index) {
        index = new Map();
        const values = graph.computeListOfValuesInRange(range) as unknown[];
        for (let i = 0; i < values.length; i++) {
          let v = rawNumber(values[i]);
          if (typeof v === 'string') v = forceNormalize(v);
          if (!first || !index.has(v)) index.set(v, i);
        }
        this.lookupCache.set(key, index);
      }
      const normalizedKey = typeof searchKey === 'string' ? forceNormalize(searchKey) : searchKey;
      return index.get(normalizedKey) ?? -1;
    };
  }

  private makePlugin(): FunctionPluginDefinition {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    const implementedFunctions: Record<string, unknown> = {
      [HOLD]: {
        method: 'hold',
        parameters: [{ argumentType: 'ANY' }],
        isVolatile: false,
      },
      // Sheets' NOW() and TODAY() are the spreadsheet's time zone's (the runtime's clock), not the process's.
      NOW: { method: 'sheetsNow', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' },
      TODAY: { method: 'sheetsToday', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' },
    };
    const nowSerial = () => (this.options.now ? this.options.now() : Date.now() / 86_400_000 + 25_569);
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

      hold(ast: any, state: any): unknown {
        const value = this.evaluateAst(ast.args[0], state);
        return value instanceof SimpleRangeValue ? value.data[0][0] : value;
      }

      sheetsNow(ast: any, state: any): unknown {
        return (this as any).runFunction(ast.args, state, (this as any).metadata('NOW'), () => nowSerial());
      }

      sheetsToday(ast: any, state: any): unknown {
        return (this as any).runFunction(ast.args, state, (this as any).metadata('TODAY'), () =>
          Math.floor(nowSerial()),
        );
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
    const at = { sheet: address.sheet, row: address.row, col: address.col };
    this.lastSize.set(key, { address: at, width, height });
    if (width > 1 || height > 1) this.arrayFormulas.set(key, { address: at });
    else this.arrayFormulas.delete(key);
    const capacity: { width: number; height: number } =
      vertex.array !== undefined
        ? { width: vertex.array.size.width, height: vertex.array.size.height }
        : { width: 1, height: 1 };
    if (capacity.width !== width || capacity.height !== height) this.needsResize.set(key, { address: at });
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

  /** Runs mutations of HF with evaluation suspended; the next read recalculates. */
  private mutate<T>(fn: () => T): T {
    this.extents.clear();
    if (!this.pending) {
      this.hf.suspendEvaluation();
      this.pending = true;
    }
    return fn();
  }

  /** Runs several mutations; they are recalculated together at the next read. */
  batch<T>(fn: () => T): T {
    return this.mutate(fn);
  }

  /** Recalculates what changed since the last read (then spills settle). */
  flush(): void {
    if (!this.pending || this.settling) return;
    this.settling = true;
    const run = () => {
      this.pending = false;
      this.extents.clear();
      this.hf.resumeEvaluation();
      this.settle();
    };
    try {
      if (this.options.recalculate) this.options.recalculate(run);
      else run();
    } finally {
      this.settling = false;
    }
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
        for (const { address } of todo.values()) {
          if (this.hf.getSheetName(address.sheet) === undefined) continue;
          const formula = this.hf.getCellFormula(address);
          if (formula === undefined) continue;
          this.hf.setCellContents(address, [[formula]]);
        }
      });
    }
    for (const [key, { address }] of this.arrayFormulas) {
      if (this.hf.getSheetName(address.sheet) === undefined) {
        this.arrayFormulas.delete(key);
        continue;
      }
      const v = this.hf.getCellValue(address);
      if (v instanceof DetailedCellError && v.type === ErrorType.SPILL)
        this.spillBlocked.set(key, { address });
    }
  }

  addSheet(name: string): number {
    const hfName = this.mutate(() => this.hf.addSheet(name));
    return this.hf.getSheetId(hfName) as number;
  }

  removeSheet(sheet: number): void {
    this.mutate(() => this.hf.removeSheet(sheet));
    for (const map of this.trackedMaps()) {
      for (const [key, entry] of map) if (entry.address.sheet === sheet) map.delete(key);
    }
  }

  renameSheet(sheet: number, name: string): void {
    this.mutate(() => this.hf.renameSheet(sheet, name));
  }

  /** Writes a block of raw contents (already normalised: numbers, booleans, null, "=formula", "'text"). */
  setContents(sheet: number, row0: number, col0: number, data: RawCellContent[][]): void {
    const height = data.length;
    const width = height > 0 ? data[0].length : 0;
    if (height === 0 || width === 0) return;
    for (const map of [this.lastSize, this.arrayFormulas]) {
      for (const [key, { address: a }] of map as Map<string, Tracked>) {
        if (
          a.sheet === sheet &&
          a.row >= row0 &&
          a.row < row0 + height &&
          a.col >= col0 &&
          a.col < col0 + width
        )
          map.delete(key);
      }
    }
    // Arrays built in the script's realm fail HF's instanceof checks: rebuild them here.
    const rows = Array.from(data, (row) => Array.from(row));
    this.mutate(() => this.hf.setCellContents({ sheet, row: row0, col: col0 }, rows));
  }

  /** The computed value as Apps Script's getValue sees it: "" for blank, errors as their code. */
  value(sheet: number, row0: number, col0: number): CellValue {
    this.flush();
    return this.fromHf(this.hf.getCellValue({ sheet, row: row0, col: col0 }));
  }

  values(sheet: number, row0: number, col0: number, numRows: number, numCols: number): CellValue[][] {
    this.flush();
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
    this.flush();
    const v = this.hf.getCellValue({ sheet, row: row0, col: col0 });
    if (v instanceof DetailedCellError) return { error: sheetsErrorCode(v.value), message: v.message };
    return undefined;
  }

  /**
   * Evaluates a formula as if it were typed into a cell of the sheet (relative references are relative to A1),
   * without writing it anywhere: a scalar, or a 2-D array for an array result; errors as their code.
   */
  evaluate(sheet: number, formula: string): CellValue | CellValue[][] {
    this.flush();
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    const calculate = () => this.hf.calculateFormula(text, sheet);
    const result = this.options.recalculate ? this.options.recalculate(calculate) : calculate();
    if (Array.isArray(result)) return result.map((row) => row.map((v) => this.fromHf(v)));
    return this.fromHf(result);
  }

  /**
   * The content a cell holds of its own, as HF serialises it ("=formula", "'text", a number, a boolean), or null
   * for a blank cell or one an array result spilled into. Writing it back with setContents restores the cell.
   */
  content(sheet: number, row0: number, col0: number): RawCellContent {
    this.flush();
    const s = this.hf.getCellSerialized({ sheet, row: row0, col: col0 });
    return s === undefined || s === '' ? null : (s as RawCellContent);
  }

  /** Formula text of a cell, or undefined (also for cells an array result spilled into). */
  formula(sheet: number, row0: number, col0: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row: row0, col: col0 });
  }

  /** True when the cell holds content of its own (a value or a formula; spilled cells are not). */
  hasOwnContent(sheet: number, row0: number, col0: number): boolean {
    this.flush();
    const s = this.hf.getCellSerialized({ sheet, row: row0, col: col0 });
    return s !== null && s !== undefined && s !== '';
  }

  /**
   * Last occupied row and column (0-based, -1 when none) of a sheet: cells with content of their own (a value or
   * a formula) or a spilled value other than "". Walks HF's cell map (per-cell API calls cost more than the check
   * itself) and is cached until the next change.
   */
  private extent(sheet: number): { row: number; col: number } {
    this.flush();
    const cached = this.extents.get(sheet);
    if (cached) return cached;
    let row = -1;
    let col = -1;
    const mapping = (this.hf as any).dependencyGraph.addressMapping;
    for (const [address, vertex] of mapping.sheetEntries(sheet) as Iterable<[SimpleCellAddress, any]>) {
      if (address.row <= row && address.col <= col) continue;
      let occupied: boolean;
      if ('array' in vertex && 'cellAddress' in vertex) {
        const corner = vertex.cellAddress as SimpleCellAddress;
        if (corner.row === address.row && corner.col === address.col) occupied = true;
        else {
          const v = vertex.getArrayCellValue(address);
          occupied = v !== EmptyValue && v !== '' && v !== null && v !== undefined;
        }
      } else if ('formula' in vertex || 'errors' in vertex || typeof vertex.getValues === 'function') {
        occupied = true;
      } else {
        const v = vertex.getCellValue();
        occupied = v !== EmptyValue && v !== '' && v !== null && v !== undefined;
      }
      if (!occupied) continue;
      if (address.row > row) row = address.row;
      if (address.col > col) col = address.col;
    }
    const result = { row, col };
    this.extents.set(sheet, result);
    return result;
  }

  /** 1-based last row holding content (a value, a formula or a spilled result); 0 when empty. */
  lastRow(sheet: number): number {
    return this.extent(sheet).row + 1;
  }

  /** 1-based last column holding content; 0 when empty. */
  lastColumn(sheet: number): number {
    return this.extent(sheet).col + 1;
  }

  /** Used area as HF tracks it (may include cells cleared since). */
  dimensions(sheet: number): { width: number; height: number } {
    return this.hf.getSheetDimensions(sheet);
  }

  addRows(sheet: number, index0: number, count: number): void {
    this.structural(sheet, 'row', index0, count, () => this.hf.addRows(sheet, [index0, count]));
  }

  removeRows(sheet: number, index0: number, count: number): void {
    this.structural(sheet, 'row', index0, -count, () => this.hf.removeRows(sheet, [index0, count]));
  }

  addColumns(sheet: number, index0: number, count: number): void {
    this.structural(sheet, 'col', index0, count, () => this.hf.addColumns(sheet, [index0, count]));
  }

  removeColumns(sheet: number, index0: number, count: number): void {
    this.structural(sheet, 'col', index0, -count, () => this.hf.removeColumns(sheet, [index0, count]));
  }

  private trackedMaps(): Array<Map<string, Tracked>> {
    return [this.lastSize, this.needsResize, this.spillBlocked, this.arrayFormulas];
  }

  /** HF's array formulas (on existing sheets). */
  private arrayVertices(): ArrayVertex[] {
    const all = (this.hf as any).dependencyGraph.arrayMapping.arrayMapping.values() as Iterable<ArrayVertex>;
    return [...all].filter((v) => this.hf.getSheetName(v.cellAddress.sheet) !== undefined);
  }

  /**
   * Inserts (delta > 0) or removes (delta < 0) rows/columns at index0 the way Sheets does: references adjust,
   * and array formulas whose size may change are re-entered so their spill is predicted afresh (HF keeps an
   * array's size through such operations, and fails outright — "Cannot move cell" — inserting into an array's
   * area that a range refers to). Arrays the operation cuts through are first held as scalar formulas (wrapped in
   * RUNTIME.UNSPILLED) so HF only adjusts their references; the bridge's own per-address records move along.
   */
  private structural(
    sheet: number,
    dim: 'row' | 'col',
    index0: number,
    delta: number,
    op: () => unknown,
  ): void {
    const extent =
      dim === 'row' ? this.hf.getSheetDimensions(sheet).height : this.hf.getSheetDimensions(sheet).width;
    if (index0 >= extent) return;
    this.mutate(() => {
      const held: SimpleCellAddress[] = [];
      const before = new Map<ArrayVertex, string | undefined>();
      for (const vertex of this.arrayVertices()) {
        const a = vertex.cellAddress;
        const start = dim === 'row' ? a.row : a.col;
        const end = start + (dim === 'row' ? vertex.height : vertex.width) - 1;
        const formula = this.hf.getCellFormula(a);
        if (a.sheet === sheet && start < index0 && end >= index0 && formula !== undefined) {
          held.push({ ...a });
          this.hf.setCellContents(a, [[`=${HOLD}(${formula.slice(1)})`]]);
        } else {
          before.set(vertex, formula);
        }
      }
      op();
      this.shiftTracked(sheet, dim, index0, delta);
      for (const a of held) {
        const formula = this.hf.getCellFormula(a);
        const prefix = `=${HOLD}(`;
        if (formula === undefined || !formula.startsWith(prefix) || !formula.endsWith(')')) continue;
        this.hf.setCellContents(a, [[`=${formula.slice(prefix.length, -1)}`]]);
      }
      // Arrays whose formula changed (their references moved) may spill to a new size.
      for (const vertex of this.arrayVertices()) {
        if (!before.has(vertex)) continue;
        const a = vertex.cellAddress;
        const formula = this.hf.getCellFormula(a);
        if (formula !== undefined && formula !== before.get(vertex)) this.hf.setCellContents(a, [[formula]]);
      }
    });
  }

  /** Moves the bridge's per-address records with an insertion/removal of rows or columns. */
  private shiftTracked(sheet: number, dim: 'row' | 'col', index0: number, delta: number): void {
    for (const map of this.trackedMaps()) {
      if (map.size === 0) continue;
      const moved: Array<[string, Tracked]> = [];
      for (const [key, entry] of map) {
        const a = entry.address;
        if (a.sheet !== sheet) continue;
        const pos = dim === 'row' ? a.row : a.col;
        if (pos < index0) continue;
        map.delete(key);
        if (delta < 0 && pos < index0 - delta) continue;
        const address = dim === 'row' ? { ...a, row: a.row + delta } : { ...a, col: a.col + delta };
        moved.push([addressKey(address), { ...entry, address }]);
      }
      for (const [key, entry] of moved) map.set(key, entry);
    }
  }
}
