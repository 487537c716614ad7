/**
 * The Apps Script runtime for tests and the local preview: runs the pushed bundle (build/*.js) next to
 * in-memory services, with a HyperFormula-backed spreadsheet whose custom functions are the bundle's
 * @customfunction functions. Every call is a fresh execution (execution.ts): a new node:vm global scope with the
 * bundle loaded anew, run as one user, timed on a simulated clock. No jest imports here: the preview bundles
 * this too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { cellA1, parseA1 } from './a1';
import { Counters, callDepth, isSheetRead, isSheetWrite } from './counters';
import { CellErrorInfo, FormulaEngine, findCustomFunctions } from './formulas';
import { Inspector, createInspector } from './inspect';
import { FakeHtmlService } from './html';
import { FakeLockService, LockScope, LockState } from './lock';
import { FakeScriptApp, TriggerRecord } from './script-app';
import { FakeMailApp, MailState, SentMail } from './mail';
import { FakeLogger, LogEntry, createConsole } from './logger';
import { FakePropertiesService } from './properties';
import { ContextRealm, Realm, createRealm } from './realm';
import { FakeSession } from './session';
import { FakeRange, FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, SpreadsheetHost } from './spreadsheet';
import { FakeUi, ScriptedResponse } from './ui';
import { FakeUtilities, dateToSerial } from './utilities';
import { DocumentsRecorder, createDocuments } from './documents';
import { DriveRecorder, createDrive } from './drive';
import {
  AuthModeName,
  DEFAULT_LATENCY,
  Execution,
  ExecutionKind,
  ExecutionRecord,
  ExecutionUser,
  Latency,
  SIMPLE_TRIGGERS,
  TIMEOUT_MESSAGE,
  TriggerBudget,
  TriggerBudgetError,
  latencyOf,
  refusal,
  refusalForKind,
} from './execution';
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
export type { ChartInfo, ChartPosition } from './charts';
export { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
export type {
  MenuRecord,
  MenuEntry,
  ToastRecord,
  DialogRecord,
  HtmlShownRecord,
  ScriptedResponse,
  ScriptedAnswer,
} from './ui';
export * from './spreadsheet';
export { FakeUi } from './ui';
export { FakeHtmlOutput, FakeHtmlService } from './html';
export { formatDatePattern, dateToSerial, serialToDate } from './utilities';
export * from './documents';
export * from './drive';
export {
  DEFAULT_LATENCY,
  EXECUTION_LIMIT_MS,
  SIMPLE_TRIGGER_LIMIT_MS,
  TIMEOUT_MESSAGE,
  TriggerBudgetError,
} from './execution';
export type { AuthModeName, ExecutionKind, ExecutionRecord, Latency, TriggerBudget } from './execution';
export { MAX_STORE_BYTES, MAX_VALUE_BYTES } from './properties';
export * from './docs-api';
export type { TriggerRecord } from './script-app';
export { TOO_MANY_CLOCK_TRIGGERS } from './script-app';
export type { SentMail } from './mail';
export { DEFAULT_MAIL_QUOTA, MAIL_QUOTA_MESSAGE } from './mail';
export { NO_UI_MESSAGE } from './execution';

export interface RuntimeOptions {
  /** Script files to load, in order. Default: every build/*.js in name order. */
  codeFiles?: string[];
  /** Folder holding the pushed files (default: <cwd>/build). */
  buildDir?: string;
  /** Where HtmlService finds <name>.html (default: the folder of the first code file). */
  htmlDir?: string;
  /**
   * The user calls run as until setActiveUser or as() says otherwise (default 'manager@example.com'); '' models
   * an account whose email Google does not share with the script.
   */
  user?: string;
  /** Effective user's email (default: the active user, or the owner when the active user's email is ''). */
  effectiveUser?: string;
  /** Spreadsheet owner (default: the first active user). */
  owner?: string;
  /** The spreadsheet's time zone (File ▸ Settings): dates in cells are stored and shown in it. Default 'Etc/UTC'. */
  timeZone?: string;
  /**
   * The script's time zone (appsscript.json `timeZone`, Session.getScriptTimeZone): the local time of the
   * bundle's Date. Default 'Etc/UTC', as this project's appsscript.json.
   */
  scriptTimeZone?: string;
  /** Where the simulated clock starts (default: the real time when the runtime is created). */
  now?: Date | string | number;
  /** Simulated time each service call takes (see execution.ts; default DEFAULT_LATENCY). */
  latency?: Latency;
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
  /**
   * Queues answers for the next alerts/prompts ('YES', {button:'OK', text:'Stage 2'}, …). A function runs
   * while its dialog is open — after the execution's locks were released — and returns the answer; it may run
   * other executions (another user's action) first.
   */
  respondWith(...responses: ScriptedResponse[]): void;
  /** Every menu item flattened with its path, e.g. "Scorecard ▸ Set up workbook". */
  menuItems(): Array<{ path: string; caption: string; functionName: string }>;
}

/** What enter() did: the value is in the cell, or Sheets refused it with this message. */
export type EntryResult = { accepted: true } | { accepted: false; message: string };

/** Calls as one user (rt.as(email)). */
export interface RuntimeAs {
  /** A fresh execution of a global function of the bundle, run as this user (see Runtime.call). */
  call(name: string, ...args: unknown[]): any;
  /** Test code in a fresh execution as this user (see Runtime.execute). */
  execute<T>(body: (scope: Record<string, any>) => T): T;
}

export interface TriggerRecorder {
  list(): TriggerRecord[];
  /** Runs the trigger's handler as its owner; returns what it returned (throws what it threw). */
  fire(id: string): any;
}

export interface MailRecorder {
  sent(): SentMail[];
  /** The daily recipient quota of an account (default: every account; 100 unless set). */
  setQuota(recipients: number, account?: string): void;
  /** Recipients an account has left today, as MailApp.getRemainingDailyQuota() would answer (not counted). */
  remaining(account: string): number;
  /** The next sendEmail calls fail with these messages (one each), sending nothing: a mail service failure. */
  failNext(...messages: string[]): void;
}

export interface Runtime {
  /**
   * Runs a global function of the bundle as a fresh execution, as a menu item, google.script.run or a trigger
   * does: a new global scope with the bundle loaded anew, as the active user, timed on the simulated clock.
   * Arguments are copied into the new scope (as google.script.run serialises them; Fake* objects such as an
   * event's range pass as they are). onOpen, onEdit, onSelectionChange and onInstall run as simple triggers:
   * in the event's authMode (LIMITED or NONE; onInstall FULL), stopped at 30 s, and checked against the budget
   * set with setTriggerBudget. Throws what the script threw; "Exceeded maximum execution time" when it ran past
   * its limit (whatever the script caught); a TriggerBudgetError when a simple trigger went over its budget.
   */
  call(name: string, ...args: unknown[]): any;
  /** The same calls as another user, for one call: rt.as('second@example.com').call('getPanel', …). */
  as(email: string): RuntimeAs;
  /**
   * Runs test code as an execution (kind 'test', AuthMode.FULL): `body` gets the fresh global scope (the
   * bundle's functions and the services, e.g. scope.LockService) and runs as the active user.
   */
  execute<T>(body: (scope: Record<string, any>) => T): T;
  /**
   * Test helper: every following execution gets `value` as the global `name` instead of the runtime's service
   * (undefined: the global is there but undefined, as a service that fails before anything runs). For a test that
   * makes a service misbehave; `globals` at creation does the same from the start.
   */
  replaceGlobal(name: string, value: unknown): void;
  /** Whether the bundle defines a global function of this name. */
  hasFunction(name: string): boolean;
  /** The bundle's global functions, in definition order. */
  readonly functionNames: readonly string[];
  readonly spreadsheet: FakeSpreadsheet;
  readonly spreadsheetApp: FakeSpreadsheetApp;
  /** The user the following calls run as ('' for an account whose email is hidden). */
  setActiveUser(email: string): void;
  readonly activeUser: string;
  /** The simulated clock: what `new Date()` gives the bundle. Advanced by each service call's latency. */
  now(): Date;
  setNow(when: Date | string | number): void;
  advance(ms: number): void;
  /** Sets the latency of service calls (a number for every call, or a table; see execution.ts). */
  setLatency(latency: Latency): void;
  /** Every execution so far, in the order they started (custom-function recalculations included). */
  readonly executions: readonly ExecutionRecord[];
  /**
   * A simple trigger's budget: a run of `name` (e.g. 'onEdit') that makes more service calls or takes more
   * simulated time fails the call with a TriggerBudgetError. null removes it.
   */
  setTriggerBudget(name: string, budget: TriggerBudget | null): void;
  /** The spreadsheet's and the script's time zones. */
  readonly timeZone: string;
  readonly scriptTimeZone: string;
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
   * Installable triggers (ScriptApp): list() every account's, fire(id) runs one as Google does — a fresh
   * execution (kind 'trigger', AuthMode FULL) as the account that created it, with no user at the keyboard
   * (any Ui call fails), given a time-driven event.
   */
  readonly triggers: TriggerRecorder;
  /** MailApp: sent() every message in order; the daily recipient quota; failures queued for a test. */
  readonly mail: MailRecorder;

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

function toMs(when: Date | string | number): number {
  const ms = when instanceof Date ? when.getTime() : typeof when === 'number' ? when : Date.parse(when);
  if (!Number.isFinite(ms)) throw new Error(`Not a time: ${String(when)}`);
  return ms;
}

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const buildDir = opts.buildDir ?? path.resolve(process.cwd(), 'build');
  const codeFiles = (opts.codeFiles ?? defaultCodeFiles(buildDir)).map((f) => path.resolve(f));
  const htmlDir = opts.htmlDir ?? (codeFiles.length ? path.dirname(codeFiles[0]) : buildDir);
  const sources = codeFiles.map((f) => compiledCode(f));
  const customFunctions = sources.flatMap((s) => s.customFunctions);
  const spreadsheetTimeZone = opts.timeZone ?? 'Etc/UTC';
  const scriptTimeZone = opts.scriptTimeZone ?? 'Etc/UTC';

  const counters = new Counters();
  const customFunctionCalls = new Counters();
  let customServiceCalls = 0;
  const logs: LogEntry[] = [];
  const firstUser = opts.user ?? 'manager@example.com';
  const owner = opts.owner ?? (firstUser || 'owner@example.com');
  let defaultUser = firstUser;
  const accountOf = (email: string): string =>
    email !== '' ? email.trim().toLowerCase() : (opts.effectiveUser ?? owner).toLowerCase();
  const userOf = (email: string): ExecutionUser => ({ email, account: accountOf(email) });

  // The simulated clock, and the executions running (a stack: a dialog's scripted answer or a recalculation
  // runs another execution inside the one that is suspended).
  const clock = { ms: opts.now === undefined ? Date.now() : toMs(opts.now), nowMs: () => clock.ms };
  let latency: Latency = opts.latency ?? DEFAULT_LATENCY;
  const stack: Execution[] = [];
  const records: ExecutionRecord[] = [];
  const budgets = new Map<string, TriggerBudget>();
  let nextExecution = 1;
  let quiet = 0;
  const current = (): Execution | undefined => stack[stack.length - 1];

  // Outside any execution (test code calling the fakes directly), values are made in a realm of their own.
  const testRealm = createRealm(vm.createContext({}), clock, scriptTimeZone);
  const realmNow = (): ContextRealm => current()?.realm ?? testRealm;
  const realm: Realm = {
    copy: (v) => realmNow().copy(v),
    error: (m) => realmNow().error(m),
    date: (ms) => realmNow().date(ms),
  };

  // Every counted service call: refused when the execution's mode does not allow it, then timed.
  counters.observer = (key) => {
    const exec = current();
    if (!exec || quiet > 0) return;
    if (exec.killed) throw exec.realm.error(TIMEOUT_MESSAGE);
    const why = refusal(exec.authMode, key) ?? refusalForKind(exec.kind, key);
    if (why) throw exec.realm.error(why);
    exec.counters.hit(key);
    if (exec.kind === 'custom-function') return;
    clock.ms += latencyOf(latency, key);
    stopWhenOverdue(exec);
  };

  /** An execution past its limit is stopped there (the call that crossed it does not happen). */
  function stopWhenOverdue(exec: Execution): void {
    if (clock.ms - exec.startedAt <= exec.limitMs) return;
    clock.ms = exec.startedAt + exec.limitMs;
    exec.killed = true;
    throw exec.realm.error(TIMEOUT_MESSAGE);
  }

  const host: SpreadsheetHost = {
    counters,
    realm,
    engine: undefined as unknown as FormulaEngine,
    ui: undefined as unknown as FakeUi,
    timeZone: spreadsheetTimeZone,
    activeUser: () => current()?.user.email ?? defaultUser,
    owner,
  };
  host.ui = new FakeUi(counters, opts.addonName ?? 'Scorecard', (whileOpen) => {
    // The script is suspended while the dialog is open: its locks do not survive (ui.ts).
    current()?.releaseLocks();
    return whileOpen();
  });

  // Custom functions: one fresh execution per recalculation (every cell evaluated in it shares that scope).
  let recalculation: Execution | null = null;
  let recalculating = 0;
  const customScope = (): Execution => {
    if (recalculation) return recalculation;
    const exec = begin(
      'custom-function',
      '',
      userOf(current()?.user.email ?? defaultUser),
      'CUSTOM_FUNCTION',
    );
    if (recalculating > 0) recalculation = exec;
    return exec;
  };
  const engine = new FormulaEngine({
    customFunctions,
    dateToSerial: (d) => dateToSerial(d, host.timeZone),
    now: () => dateToSerial(new Date(clock.ms), host.timeZone),
    recalculate: (run) => {
      recalculating++;
      try {
        return run();
      } finally {
        recalculating--;
        if (recalculating === 0 && recalculation) {
          end(recalculation, undefined);
          recalculation = null;
        }
      }
    },
    invoke: (name, args) => {
      const exec = customScope();
      const oneOff = exec !== recalculation;
      const fn = (exec.realm.context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
      customFunctionCalls.hit(name);
      if (!exec.record.name.split(',').includes(name))
        exec.record.name = exec.record.name ? `${exec.record.name},${name}` : name;
      const before = counters.total();
      try {
        return Reflect.apply(fn, undefined, exec.realm.copy(args));
      } finally {
        customServiceCalls += counters.total() - before;
        if (oneOff) end(exec, undefined);
      }
    },
  });
  host.engine = engine;

  const spreadsheet = new FakeSpreadsheet(
    host,
    opts.spreadsheetId ?? '1FakeScorecardSpreadsheetId_000000000000000',
  );
  const spreadsheetApp = new FakeSpreadsheetApp(host, spreadsheet);
  const runningAccount = (): string | undefined => current()?.user.account;
  const properties = new FakePropertiesService(
    counters,
    realm,
    () => current()?.user.account ?? accountOf(defaultUser),
  );
  const lockState = new LockState();
  const lockService = new FakeLockService(
    counters,
    realm,
    lockState,
    () => current()?.user.account ?? accountOf(defaultUser),
    {
      track: (lock) => current()?.locks.add(lock),
      untrack: (lock) => current()?.locks.delete(lock),
      wait: (ms) => {
        const exec = current();
        if (!exec || exec.kind === 'custom-function') return;
        clock.ms += ms;
        stopWhenOverdue(exec);
      },
    },
  );
  const session = new FakeSession(counters, {
    activeUser: () => current()?.user.email ?? defaultUser,
    effectiveUser: () => {
      const email = current()?.user.email ?? defaultUser;
      return opts.effectiveUser ?? (email || owner);
    },
    account: () => current()?.user.account ?? accountOf(defaultUser),
    scriptTimeZone,
  });
  const utilities = new FakeUtilities(counters, realm);
  const htmlService = new FakeHtmlService(counters, realm, htmlDir);
  const logger = new FakeLogger(counters, logs, opts.echoLogs ?? false);
  const fakeConsole = createConsole(logs, opts.echoLogs ?? false);
  const defaultOwner = () => accountOf(defaultUser);
  const documents = createDocuments(counters, realm, runningAccount, defaultOwner);
  const drive = createDrive(counters, realm, documents.app, runningAccount, defaultOwner);
  const docsApi = createDocsApi(counters, realm, documents.app);
  const triggerRecords: TriggerRecord[] = [];
  let nextTrigger = 1;
  const scriptApp = new FakeScriptApp(counters, {
    counters,
    realm,
    account: () => current()?.user.account ?? accountOf(defaultUser),
    email: () => current()?.user.email ?? defaultUser,
    documentId: spreadsheet._id,
    scriptTimeZone,
    triggers: triggerRecords,
    nextId: () => String(7_000_000 + nextTrigger++),
  });
  const mailState = new MailState();
  const mailApp = new FakeMailApp(
    counters,
    {
      counters,
      realm,
      account: () => current()?.user.account ?? accountOf(defaultUser),
      nowMs: () => clock.ms,
    },
    mailState,
  );
  const services: Record<string, unknown> = {
    SpreadsheetApp: spreadsheetApp,
    PropertiesService: properties,
    LockService: lockService,
    ScriptApp: scriptApp,
    MailApp: mailApp,
    Session: session,
    Utilities: utilities,
    HtmlService: htmlService,
    Logger: logger,
    console: fakeConsole,
    DocumentApp: documents.app,
    ...(opts.drive === false ? {} : { Drive: drive.service }),
    ...(opts.docs === false ? {} : { Docs: docsApi.service }),
    ...(opts.globals ?? {}),
  };

  /** A new global scope with the services and the bundle loaded (the bundle's top-level code runs in it). */
  function begin(kind: ExecutionKind, name: string, user: ExecutionUser, authMode: AuthModeName): Execution {
    const context = vm.createContext({});
    const scope = createRealm(context, clock, scriptTimeZone);
    Object.assign(context, services);
    const exec = new Execution(nextExecution++, kind, name, user, authMode, scope, clock.ms);
    exec.outerDepth = callDepth.value;
    callDepth.value = 0;
    records.push(exec.record);
    stack.push(exec);
    try {
      for (const { script } of sources) script.runInContext(context);
    } catch (error) {
      end(exec, error);
      throw error;
    }
    return exec;
  }

  function end(exec: Execution, error: unknown): void {
    exec.releaseLocks();
    callDepth.value = exec.outerDepth;
    const at = stack.lastIndexOf(exec);
    if (at >= 0) stack.splice(at, 1);
    const record = exec.record;
    record.elapsedMs = clock.ms - exec.startedAt;
    record.calls = exec.counters.total();
    record.counts = exec.counters.toObject();
    record.outcome = exec.killed ? 'timeout' : error === undefined ? 'ok' : 'error';
    if (exec.killed) record.error = TIMEOUT_MESSAGE;
    else if (error !== undefined)
      record.error =
        error !== null && typeof error === 'object' && 'message' in error
          ? String(error.message)
          : String(error);
  }

  /** Runs body in a fresh execution; a stopped execution fails whatever the script did with the error. */
  function run<T>(
    kind: ExecutionKind,
    name: string,
    email: string,
    authMode: AuthModeName,
    body: (exec: Execution) => T,
  ): T {
    const exec = begin(kind, name, userOf(email), authMode);
    let result: T;
    try {
      result = body(exec);
    } catch (error) {
      end(exec, error);
      if (exec.killed) throw Object.assign(new Error(TIMEOUT_MESSAGE), { cause: error });
      throw error;
    }
    end(exec, undefined);
    if (exec.killed) throw new Error(TIMEOUT_MESSAGE);
    return result;
  }

  function simpleTriggerMode(name: string, event: unknown): AuthModeName {
    if (name === 'onInstall') return 'FULL';
    const mode = (event as { authMode?: unknown } | undefined)?.authMode;
    if (mode === undefined || mode === 'LIMITED') return 'LIMITED';
    if (mode === 'NONE') return 'NONE';
    throw new Error(
      `${name} is a simple trigger: Sheets runs it in AuthMode.LIMITED (or NONE before the add-on is used in the document), never ${String(mode)}.`,
    );
  }

  function callAs(email: string, name: string, args: unknown[]): any {
    const trigger = SIMPLE_TRIGGERS.has(name);
    const kind: ExecutionKind = trigger ? 'simple-trigger' : 'call';
    const mode = trigger ? simpleTriggerMode(name, args[0]) : 'FULL';
    const result = run(kind, name, email, mode, (exec) => {
      const fn = (exec.realm.context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return Reflect.apply(
        fn,
        undefined,
        args.map((a) => exec.realm.copy(a)),
      );
    });
    if (trigger) checkBudget(name);
    return result;
  }

  function checkBudget(name: string): void {
    const budget = budgets.get(name);
    const record = [...records].reverse().find((r) => r.kind === 'simple-trigger' && r.name === name);
    if (!budget || !record) return;
    const over: string[] = [];
    if (budget.calls !== undefined && record.calls > budget.calls)
      over.push(`${record.calls} service calls (budget ${budget.calls})`);
    if (budget.ms !== undefined && record.elapsedMs > budget.ms)
      over.push(`${record.elapsedMs} ms (budget ${budget.ms} ms)`);
    if (over.length === 0) return;
    const calls = Object.entries(record.counts)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ');
    throw new TriggerBudgetError(`${name} took ${over.join(' and ')}: ${calls}`);
  }

  function execute<T>(email: string, body: (scope: Record<string, any>) => T): T {
    return run('test', 'execute', email, 'FULL', (exec) => body(exec.realm.context as Record<string, any>));
  }

  // The bundle's global functions, found once in a scope of their own (no execution, nothing counted).
  let functionNames: string[] | undefined;
  const names = (): string[] => {
    if (functionNames) return functionNames;
    const context = vm.createContext({});
    createRealm(context, clock, scriptTimeZone);
    Object.assign(context, services);
    quiet++;
    try {
      const before = new Set(Object.getOwnPropertyNames(context));
      for (const { script } of sources) script.runInContext(context);
      functionNames = Object.getOwnPropertyNames(context).filter(
        (k) => !before.has(k) && typeof (context as Record<string, unknown>)[k] === 'function',
      );
    } finally {
      quiet--;
    }
    return functionNames;
  };

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
    const executions = records.length;
    const at = clock.ms;
    quiet++;
    try {
      return inspection();
    } finally {
      quiet--;
      counters.restore(calls);
      customFunctionCalls.restore(evaluations);
      customServiceCalls = inside;
      records.splice(executions);
      clock.ms = at;
    }
  };
  const inspect = createInspector({ spreadsheet, quietly });

  const lockKey = (scope: string, email?: string) =>
    scope === 'user' ? `user:${accountOf(email ?? defaultUser)}` : scope;

  const runtime: Runtime = {
    call: (name, ...args) => callAs(defaultUser, name, args),
    as: (email) => ({
      call: (name, ...args) => callAs(email, name, args),
      execute: (body) => execute(email, body),
    }),
    execute: (body) => execute(defaultUser, body),
    replaceGlobal(name, value) {
      services[name] = value;
    },
    hasFunction: (name) => names().includes(name),
    get functionNames() {
      return [...names()];
    },
    spreadsheet,
    spreadsheetApp,
    setActiveUser(email) {
      defaultUser = email;
    },
    get activeUser() {
      return defaultUser;
    },
    now: () => new Date(clock.ms),
    setNow(when) {
      clock.ms = toMs(when);
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance() takes a number of ms ≥ 0, not ${ms}`);
      clock.ms += ms;
    },
    setLatency(value) {
      latency = value;
    },
    executions: records,
    setTriggerBudget(name, budget) {
      if (budget === null) budgets.delete(name);
      else budgets.set(name, budget);
    },
    get timeZone() {
      return host.timeZone;
    },
    scriptTimeZone,
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
      hold: (scope, email) => {
        lockState.heldElsewhere.add(lockKey(scope, email));
      },
      release: (scope, email) => {
        lockState.heldElsewhere.delete(lockKey(scope, email));
      },
      state: lockState,
    },
    utilities,
    documents,
    drive,
    docsApi,
    triggers: {
      list: () => triggerRecords.map((t) => ({ ...t })),
      fire(id) {
        const record = triggerRecords.find((t) => t.id === id);
        if (!record) throw new Error(`No trigger ${id}`);
        const at = new Date(clock.ms);
        const event = {
          authMode: 'FULL',
          triggerUid: record.id,
          year: at.getUTCFullYear(),
          month: at.getUTCMonth() + 1,
          'day-of-month': at.getUTCDate(),
          hour: at.getUTCHours(),
          minute: at.getUTCMinutes(),
          second: at.getUTCSeconds(),
          timezone: 'UTC',
        };
        return run('trigger', record.handler, record.ownerEmail, 'FULL', (exec) => {
          const fn = (exec.realm.context as Record<string, unknown>)[record.handler];
          if (typeof fn !== 'function') throw new Error(`Script function not found: ${record.handler}`);
          return Reflect.apply(fn, undefined, [exec.realm.copy(event)]);
        });
      },
    },
    mail: {
      sent: () => mailState.sent.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc] })),
      setQuota(recipients, account) {
        if (account === undefined) mailState.defaultQuota = recipients;
        else mailState.quota.set(account.toLowerCase(), recipients);
      },
      remaining: (account) => {
        quiet++;
        try {
          return mailApp._remainingFor(account.toLowerCase());
        } finally {
          quiet--;
        }
      },
      failNext: (...messages) => {
        mailState.failures.push(...messages);
      },
    },
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
    scriptValue: (value) => testRealm.copy(value),
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
