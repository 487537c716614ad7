/**
 * The Apps Script runtime for tests and the local preview: loads the pushed bundle (build/*.js) into one
 * node:vm global scope next to in-memory services, with a HyperFormula-backed spreadsheet whose custom
 * functions are the bundle's @customfunction functions. No jest imports here: the preview bundles this too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { cellA1, parseA1 } from './a1';
import { Counters, isSheetRead, isSheetWrite } from './counters';
import { CellErrorInfo, FormulaEngine, findCustomFunctions } from './formulas';
import { Inspector, createInspector } from './inspect';
import { FakeHtmlService } from './html';
import { FakeLockService, LockScope, LockState } from './lock';
import { createScriptApp } from './script-app';
import { FakeLogger, LogEntry, createConsole } from './logger';
import { FakePropertiesService } from './properties';
import { createRealm } from './realm';
import { FakeSession } from './session';
import { FakeRange, FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, SpreadsheetHost } from './spreadsheet';
import { FakeUi, ScriptedResponse } from './ui';
import { FakeUtilities, dateToSerial } from './utilities';
import { DocumentsRecorder, createDocuments } from './documents';
import { DriveRecorder, createDrive } from './drive';
import { DocsApiRecorder, createDocsApi } from './docs-api';

export * from './a1';
export { Counters, isSheetRead, isSheetWrite } from './counters';
export { findCustomFunctions } from './formulas';
export type { CellErrorInfo, CellValue } from './formulas';
export type {
  CellBlock,
  CellInfo,
  ConditionalFormatInfo,
  Inspector,
  SelectionInfo,
  SheetInfo,
  SheetSummary,
  SpreadsheetInfo,
  ValidationInfo,
} from './inspect';
export type { LogEntry } from './logger';
export type {
  MenuRecord,
  MenuEntry,
  ToastRecord,
  DialogRecord,
  HtmlShownRecord,
  ScriptedResponse,
} from './ui';
export * from './spreadsheet';
export { FakeUi } from './ui';
export { FakeHtmlOutput, FakeHtmlService } from './html';
export { formatDatePattern, dateToSerial, serialToDate } from './utilities';
export * from './documents';
export * from './drive';
export * from './docs-api';

export interface RuntimeOptions {
  /** Script files to load, in order. Default: every build/*.js in name order. */
  codeFiles?: string[];
  /** Folder holding the pushed files (default: <cwd>/build). */
  buildDir?: string;
  /** Where HtmlService finds <name>.html (default: the folder of the first code file). */
  htmlDir?: string;
  /** Active user's email (default 'manager@example.com'); '' models a consumer account that hides it. */
  user?: string;
  /** Effective user (default: the active user, or the owner when the active user is ''). */
  effectiveUser?: string;
  /** Spreadsheet owner (default: the first active user). */
  owner?: string;
  /** Spreadsheet and script time zone (default 'Etc/UTC', as appsscript.json). */
  timeZone?: string;
  /** Name shown for createAddonMenu() menus (default 'Scorecard'). */
  addonName?: string;
  /**
   * Whether the Advanced Drive service is enabled (default true, as in appsscript.json): false leaves the `Drive`
   * global undefined, as Apps Script does when the service is not enabled.
   */
  drive?: boolean;
  /**
   * Whether the Advanced Docs service is enabled (default true, as in appsscript.json): false leaves the `Docs`
   * global undefined.
   */
  docs?: boolean;
  /** Extra globals (e.g. a DocumentApp fake) placed in the script's scope. */
  globals?: Record<string, unknown>;
  /** Also print console/Logger output to stdout. */
  echoLogs?: boolean;
  spreadsheetId?: string;
}

const codeCache = new Map<string, { text: string; script?: vm.Script; customFunctions?: string[] }>();

function cachedCode(file: string): { text: string; script?: vm.Script; customFunctions?: string[] } {
  let entry = codeCache.get(file);
  if (entry === undefined) {
    entry = { text: fs.readFileSync(file, 'utf8') };
    codeCache.set(file, entry);
  }
  return entry;
}

/** The file compiled once (a vm.Script runs in any context), and its custom functions found once. */
function compiledCode(file: string): { script: vm.Script; customFunctions: string[] } {
  const entry = cachedCode(file);
  entry.script ??= new vm.Script(entry.text, { filename: file });
  entry.customFunctions ??= findCustomFunctions(entry.text);
  return { script: entry.script, customFunctions: entry.customFunctions };
}

/** Forgets cached file contents (the preview calls this after a rebuild). */
export function clearCodeCache(): void {
  codeCache.clear();
}

export function defaultCodeFiles(buildDir: string): string[] {
  if (!fs.existsSync(buildDir)) throw new Error(`No build at ${buildDir}: run npm run build first.`);
  return fs
    .readdirSync(buildDir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => path.join(buildDir, f));
}

export interface UiRecorder {
  /** The fake passed to the bundle by SpreadsheetApp.getUi(). */
  readonly fake: FakeUi;
  readonly menus: FakeUi['menus'];
  readonly toasts: FakeUi['toasts'];
  /** Alerts and prompts, in order, with the button the fake answered. */
  readonly dialogs: FakeUi['dialogs'];
  readonly alerts: FakeUi['dialogs'];
  readonly prompts: FakeUi['dialogs'];
  /** Sidebars and dialogs shown with HtmlOutput. */
  readonly shown: FakeUi['shown'];
  readonly sidebars: FakeUi['shown'];
  readonly modals: FakeUi['shown'];
  /** Queues answers for the next alerts/prompts ('YES', {button:'OK', text:'Stage 2'}, …). */
  respondWith(...responses: ScriptedResponse[]): void;
  /** Every menu item flattened with its path, e.g. "Scorecard ▸ Set up workbook". */
  menuItems(): Array<{ path: string; caption: string; functionName: string }>;
}

/** What enter() did: the value is in the cell, or Sheets refused it with this message. */
export type EntryResult = { accepted: true } | { accepted: false; message: string };

export interface Runtime {
  /** The script's global scope (functions defined by the bundle are properties of it). */
  readonly global: vm.Context & Record<string, any>;
  /** Calls a global function of the bundle, as a menu item or google.script.run would. */
  call(name: string, ...args: unknown[]): any;
  readonly spreadsheet: FakeSpreadsheet;
  readonly spreadsheetApp: FakeSpreadsheetApp;
  setActiveUser(email: string): void;
  readonly activeUser: string;
  /** "Class.method" → number of calls (get(key), toObject()). */
  readonly counters: Counters;
  resetCounters(): void;
  /** Total service calls since the last reset. */
  serviceCalls(): number;
  sheetReads(): number;
  sheetWrites(): number;
  /** Custom-function evaluations by name, and service calls made from inside them (should be 0). */
  readonly customFunctionCalls: Counters;
  customFunctionServiceCalls(): number;
  /** Names registered as custom functions (JSDoc @customfunction found in the loaded code). */
  readonly customFunctions: string[];
  readonly ui: UiRecorder;
  readonly logs: LogEntry[];
  readonly properties: FakePropertiesService;
  readonly locks: {
    /** Simulates another execution holding the lock (tryLock → false, waitLock throws). */
    hold(scope: LockScope | string, userEmail?: string): void;
    release(scope: LockScope | string, userEmail?: string): void;
    readonly state: LockState;
  };
  readonly utilities: FakeUtilities;
  /** The DocumentApp fake's documents: list() (with each one's Drive folder), get(id), html(id), text(id), calls(). */
  readonly documents: DocumentsRecorder;
  /** The Advanced Drive service fake: folders(), trash(id), remove(id), calls(). */
  readonly drive: DriveRecorder;
  /** The Advanced Docs service fake (`Docs.Documents.get / batchUpdate`): calls(). */
  readonly docsApi: DocsApiRecorder;

  /**
   * The inspection API (inspect.ts): the spreadsheet, its sheets, the selection, blocks of cells with everything
   * the user sees, conditional-format rules and formula evaluation — plain data, never counted.
   */
  readonly inspect: Inspector;

  // --- test helpers (not part of the Apps Script API; they do not count as service calls)
  /** Renames the spreadsheet (what the user sees as its title). */
  setSpreadsheetName(name: string): void;
  /** A Range object of a sheet, as Sheets builds one for an event (e.range of onEdit). */
  range(sheetName: string, a1: string): FakeRange;
  /**
   * Types a value into one cell as a user does in the Sheets editor: like setCells, except that when the cell's
   * data validation rejects invalid data (allow-invalid off) and the value violates it, Sheets refuses the entry:
   * the cell keeps its content and formats, and the result says why.
   */
  enter(sheetName: string, a1: string, value: unknown): EntryResult;
  /**
   * A copy of a value in the script's realm (Arrays, plain objects and Dates are rebuilt there; primitives pass
   * through), as Apps Script hands arguments to the script, e.g. google.script.run's.
   */
  scriptValue<T>(value: T): T;
  /** An Error of the script's realm, as Apps Script services throw: for a test that makes a service fail. */
  scriptError(message: string): Error;
  /** The sheet with that name (throws when missing). */
  sheet(name: string): FakeSheet;
  /** Adds a sheet without counting a service call. */
  addSheet(name: string): FakeSheet;
  /** Types values into cells like a user: strings beginning with "=" become formulas. */
  setCells(sheetName: string, a1: string, values: unknown[][]): void;
  /**
   * What the user sees after recalculation: a cell → its value (number, boolean, string, "" when blank, the
   * error code such as "#ERROR!" for errors); a multi-cell range → a 2-D array of those.
   */
  displayed(sheetName: string, a1: string): any;
  /** The text Sheets shows (number formats applied), one cell or 2-D. */
  displayedText(sheetName: string, a1: string): any;
  /** The error of a cell ({ error: '#ERROR!', message }) or undefined when it is not an error. */
  errorOf(sheetName: string, a1: string): CellErrorInfo | undefined;
  /** The tooltip message of an error cell ('' when not an error). */
  errorMessage(sheetName: string, a1: string): string;
  /** Formula text of a cell ('' when none). */
  formulaOf(sheetName: string, a1: string): string;
  /** Selects one or several ranges on a sheet (makes it active). */
  select(sheetName: string, a1: string | string[]): void;
  /** Whether the cell's value satisfies its data validation (true when it has none). */
  validate(
    sheetName: string,
    a1: string,
  ): { valid: boolean; rule: string | null; helpText: string; allowInvalid: boolean };
  /** A cell's note, number format, background, font weight, validation rule — for assertions. */
  formatOf(sheetName: string, a1: string): Record<string, unknown>;
}

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const buildDir = opts.buildDir ?? path.resolve(process.cwd(), 'build');
  const codeFiles = (opts.codeFiles ?? defaultCodeFiles(buildDir)).map((f) => path.resolve(f));
  const htmlDir = opts.htmlDir ?? (codeFiles.length ? path.dirname(codeFiles[0]) : buildDir);
  const sources = codeFiles.map((f) => compiledCode(f));
  const customFunctions = sources.flatMap((s) => s.customFunctions);

  const counters = new Counters();
  const customFunctionCalls = new Counters();
  let customServiceCalls = 0;
  const logs: LogEntry[] = [];
  const firstUser = opts.user ?? 'manager@example.com';
  const owner = opts.owner ?? (firstUser || 'owner@example.com');
  const sessionState = {
    activeUser: firstUser,
    effectiveUser: opts.effectiveUser ?? (firstUser || owner),
    scriptTimeZone: opts.timeZone ?? 'Etc/UTC',
  };

  const context = vm.createContext({});
  const realm = createRealm(context);
  const global = context as vm.Context & Record<string, any>;

  const host: SpreadsheetHost = {
    counters,
    realm,
    engine: undefined as unknown as FormulaEngine,
    ui: new FakeUi(counters, opts.addonName ?? 'Scorecard'),
    timeZone: opts.timeZone ?? 'Etc/UTC',
    activeUser: () => sessionState.activeUser,
    owner,
  };

  const engine = new FormulaEngine({
    customFunctions,
    dateToSerial: (d) => dateToSerial(d, host.timeZone),
    invoke: (name, args) => {
      const fn = global[name];
      if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
      customFunctionCalls.hit(name);
      const before = counters.total();
      try {
        return Reflect.apply(fn, undefined, realm.copy(args));
      } finally {
        customServiceCalls += counters.total() - before;
      }
    },
  });
  host.engine = engine;

  const spreadsheet = new FakeSpreadsheet(
    host,
    opts.spreadsheetId ?? '1FakeScorecardSpreadsheetId_000000000000000',
  );
  const spreadsheetApp = new FakeSpreadsheetApp(host, spreadsheet);
  const properties = new FakePropertiesService(counters, realm, () => sessionState.activeUser);
  const lockState = new LockState();
  const lockService = new FakeLockService(counters, realm, lockState, () => sessionState.activeUser);
  const session = new FakeSession(counters, sessionState);
  const utilities = new FakeUtilities(counters, realm);
  const htmlService = new FakeHtmlService(counters, realm, htmlDir);
  const logger = new FakeLogger(counters, logs, opts.echoLogs ?? false);
  const fakeConsole = createConsole(logs, opts.echoLogs ?? false);
  const documents = createDocuments(counters, realm);
  const drive = createDrive(counters, realm, documents.app);
  const docsApi = createDocsApi(counters, realm, documents.app);

  Object.assign(global, {
    SpreadsheetApp: spreadsheetApp,
    PropertiesService: properties,
    LockService: lockService,
    ScriptApp: createScriptApp(),
    Session: session,
    Utilities: utilities,
    HtmlService: htmlService,
    Logger: logger,
    console: fakeConsole,
    DocumentApp: documents.app,
    ...(opts.drive === false ? {} : { Drive: drive.service }),
    ...(opts.docs === false ? {} : { Docs: docsApi.service }),
    ...(opts.globals ?? {}),
  });

  for (const { script } of sources) {
    script.runInContext(context);
  }

  const sheetOf = (name: string): FakeSheet => {
    const s = spreadsheet._sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };
  const rangeOf = (sheetName: string, a1: string): FakeRange => {
    const g = parseA1(a1);
    if (!g) throw new Error(`Bad A1 notation: ${a1}`);
    return sheetOf(g.sheetName ?? sheetName)._fromGrid(g);
  };
  const single = <T>(range: FakeRange, grid: T[][]): T | T[][] =>
    range._numRows === 1 && range._numCols === 1 ? grid[0][0] : grid;

  const ui = host.ui;
  const uiRecorder: UiRecorder = {
    fake: ui,
    menus: ui.menus,
    toasts: ui.toasts,
    dialogs: ui.dialogs,
    get alerts() {
      return ui.dialogs.filter((d) => d.kind === 'alert');
    },
    get prompts() {
      return ui.dialogs.filter((d) => d.kind === 'prompt');
    },
    shown: ui.shown,
    get sidebars() {
      return ui.shown.filter((s) => s.kind === 'sidebar');
    },
    get modals() {
      return ui.shown.filter((s) => s.kind !== 'sidebar');
    },
    respondWith: (...responses) => ui._respondWith(...responses),
    menuItems: () => ui._menuItems(),
  };

  // An inspection puts every counter back as it was; recalculation that earlier writes queued happens first and
  // counts (as it would at the next read).
  const quietly = <T>(inspection: () => T): T => {
    engine.flush();
    const calls = counters.snapshot();
    const evaluations = customFunctionCalls.snapshot();
    const inside = customServiceCalls;
    try {
      return inspection();
    } finally {
      counters.restore(calls);
      customFunctionCalls.restore(evaluations);
      customServiceCalls = inside;
    }
  };
  const inspect = createInspector({ spreadsheet, quietly });

  const lockKey = (scope: string, email?: string) =>
    scope === 'user' ? `user:${email ?? sessionState.activeUser}` : scope;

  const runtime: Runtime = {
    global,
    call(name, ...args) {
      const fn = global[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return fn(...args);
    },
    spreadsheet,
    spreadsheetApp,
    setActiveUser(email) {
      sessionState.activeUser = email;
      if (opts.effectiveUser === undefined) sessionState.effectiveUser = email || owner;
    },
    get activeUser() {
      return sessionState.activeUser;
    },
    // Evaluation is lazy (formulas.ts): counters flush it first, so evaluations caused by earlier writes count
    // before a reset, and custom-function calls show without a read.
    get counters() {
      engine.flush();
      return counters;
    },
    resetCounters() {
      engine.flush();
      counters.reset();
      customFunctionCalls.reset();
      customServiceCalls = 0;
    },
    serviceCalls: () => (engine.flush(), counters.total()),
    sheetReads: () => (engine.flush(), counters.sum(isSheetRead)),
    sheetWrites: () => (engine.flush(), counters.sum(isSheetWrite)),
    get customFunctionCalls() {
      engine.flush();
      return customFunctionCalls;
    },
    customFunctionServiceCalls: () => (engine.flush(), customServiceCalls),
    customFunctions,
    ui: uiRecorder,
    logs,
    properties,
    locks: {
      hold: (scope, email) => lockState.heldElsewhere.add(lockKey(scope, email)),
      release: (scope, email) => lockState.heldElsewhere.delete(lockKey(scope, email)),
      state: lockState,
    },
    utilities,
    documents,
    drive,
    docsApi,
    inspect,

    sheet: sheetOf,
    setSpreadsheetName(name) {
      spreadsheet._name = String(name);
    },
    range: rangeOf,
    enter(sheetName, a1, value) {
      const range = rangeOf(sheetName, a1);
      if (range._numRows !== 1 || range._numCols !== 1)
        throw new Error(`enter() types into one cell, not ${a1}`);
      const { _sheet: sheet, _row: row, _col: col } = range;
      const content = engine.content(sheet._hfId, row - 1, col - 1);
      const meta = sheet._meta(row, col);
      const formats = meta ? { ...meta } : {};
      range._write([[value]]);
      const check = inspect.cells(sheet._name, cellA1(row, col))[0][0].validation;
      if (!check || check.valid || check.allowInvalid) return { accepted: true };
      // Sheets refuses the entry: the cell is as it was (a date typed into it set a date format, undone too).
      engine.setContents(sheet._hfId, row - 1, col - 1, [[content]]);
      sheet._setMetaAt(row, col, formats);
      return {
        accepted: false,
        message:
          check.helpText ||
          `The data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`,
      };
    },
    scriptValue: (value) => realm.copy(value),
    scriptError: (message) => realm.error(message),
    addSheet(name) {
      if (spreadsheet._sheetByName(name)) throw new Error(`Sheet "${name}" exists`);
      return spreadsheet._addSheet(name, spreadsheet._sheets.length);
    },
    setCells(sheetName, a1, values) {
      const start = rangeOf(sheetName, a1);
      const rows = values.length;
      const cols = Math.max(0, ...values.map((r) => r.length));
      if (rows === 0 || cols === 0) return;
      const padded = values.map((r) => [...r, ...new Array(cols - r.length).fill(undefined)]);
      start._sheet._range(start._row, start._col, rows, cols)._write(padded);
    },
    displayed(sheetName, a1) {
      const range = rangeOf(sheetName, a1);
      return single(range, range._rawValues());
    },
    displayedText(sheetName, a1) {
      const range = rangeOf(sheetName, a1);
      return single(range, range._displayValues());
    },
    errorOf(sheetName, a1) {
      const r = rangeOf(sheetName, a1);
      return engine.errorInfo(r._sheet._hfId, r._row - 1, r._col - 1);
    },
    errorMessage(sheetName, a1) {
      return runtime.errorOf(sheetName, a1)?.message ?? '';
    },
    formulaOf(sheetName, a1) {
      const r = rangeOf(sheetName, a1);
      return engine.formula(r._sheet._hfId, r._row - 1, r._col - 1) ?? '';
    },
    select(sheetName, a1) {
      const list = Array.isArray(a1) ? a1 : [a1];
      const sheet = sheetOf(sheetName);
      spreadsheet._select(
        sheet,
        list.map((a) => rangeOf(sheetName, a)),
      );
    },
    validate(sheetName, a1) {
      const r = rangeOf(sheetName, a1);
      const check = inspect.cells(r._sheet._name, cellA1(r._row, r._col))[0][0].validation;
      if (!check) return { valid: true, rule: null, helpText: '', allowInvalid: true };
      return {
        valid: check.valid,
        rule: check.criteria,
        helpText: check.helpText,
        allowInvalid: check.allowInvalid,
      };
    },
    formatOf(sheetName, a1) {
      const r = rangeOf(sheetName, a1);
      const m = r._sheet._meta(r._row, r._col) ?? {};
      return { ...m, validation: m.validation ? m.validation._criteria : undefined };
    },
  };
  return runtime;
}
