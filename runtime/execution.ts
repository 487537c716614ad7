/**
 * Executions, as Apps Script runs them. Every menu click, google.script.run call, trigger and custom-function
 * recalculation is a fresh execution: the script files are loaded into a new global scope, so nothing kept in a
 * module-level variable survives to the next one. Each execution runs as one user and is timed on the
 * simulated clock, which every service call advances by its latency; an execution past its limit is stopped.
 *
 * Sources (Apps Script reference, read through the `search` tool):
 * - Quotas, https://developers.google.com/apps-script/guides/services/quotas — "Script runtime: 6 min /
 *   execution", "Custom function runtime: 30 sec / execution", "Properties value size: 9 KB / val",
 *   "Properties total storage: 500 KB / property store"; a script past its runtime stops with "Exceeded maximum
 *   execution time".
 * - Simple triggers, https://developers.google.com/apps-script/guides/triggers — they cannot access services
 *   that require authorization, can modify only the file they are bound to, and cannot run for longer than
 *   30 seconds.
 * - ScriptApp.AuthMode, https://developers.google.com/apps-script/reference/script/auth-mode — NONE allows no
 *   service that requires authorization; LIMITED (an add-on's onOpen/onEdit in a document where it is enabled)
 *   a limited subset; CUSTOM_FUNCTION the read-only subset custom functions get; FULL everything.
 * - Custom functions, https://developers.google.com/apps-script/guides/sheets/functions — read-only
 *   Spreadsheet service; no service that needs the user's authorization.
 */
import { Counters, isSheetRead, isSheetWrite } from './counters';
import type { ContextRealm } from './realm';

export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

/** The functions Sheets runs as simple triggers (reserved names). */
export const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange', 'onInstall']);

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';
export type ExecutionKind = 'call' | 'simple-trigger' | 'trigger' | 'custom-function' | 'test';

/**
 * Latency per service call, in ms of simulated time: a number for every call, or a table of "Class.method"
 * (or "Class.*") to ms with a `default`. The defaults below are rough orders of magnitude for a workbook on
 * Google's servers, not measurements: tests that depend on time set their own.
 */
export type Latency = number | Readonly<Record<string, number>>;

export const DEFAULT_LATENCY: Readonly<Record<string, number>> = {
  default: 2,
  sheetRead: 25,
  sheetWrite: 25,
  'Spreadsheet.insertSheet': 150,
  'Spreadsheet.deleteSheet': 150,
  'SpreadsheetApp.flush': 100,
  'DocumentApp.create': 1_500,
  'DocumentApp.openById': 700,
  'DocumentApp.openByUrl': 700,
  'Document.saveAndClose': 300,
  'Document.addEditor': 600,
  'Document.addEditors': 600,
  'Document.addViewer': 600,
  'Document.addViewers': 600,
  'Drive.Files.*': 300,
  'Properties.*': 10,
  'MailApp.sendEmail': 300,
};

export function latencyOf(latency: Latency, key: string): number {
  if (typeof latency === 'number') return latency;
  const cls = key.slice(0, key.lastIndexOf('.'));
  const exact = latency[key] ?? latency[`${cls}.*`];
  if (exact !== undefined) return exact;
  if (latency.sheetRead !== undefined && isSheetRead(key)) return latency.sheetRead;
  if (latency.sheetWrite !== undefined && isSheetWrite(key)) return latency.sheetWrite;
  return latency.default ?? 0;
}

/** Scopes named in "You do not have permission to call …" messages. */
const SCOPES: ReadonlyArray<[RegExp, string]> = [
  [
    /^(DocumentApp|Document|Body|Paragraph|ListItem|HorizontalRule|Table|TableRow|TableCell|Text)\./,
    'https://www.googleapis.com/auth/documents',
  ],
  [/^Drive\./, 'https://www.googleapis.com/auth/drive.file'],
  [/^Session\.getActiveUser|^User\.getEmail/, 'https://www.googleapis.com/auth/userinfo.email'],
  [/^(Ui|Menu)\./, 'https://www.googleapis.com/auth/script.container.ui'],
  [/^Properties/, 'https://www.googleapis.com/auth/script.storage'],
  [
    /^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|Trigger)\./,
    'https://www.googleapis.com/auth/script.scriptapp',
  ],
  [/^MailApp\./, 'https://www.googleapis.com/auth/script.send_mail'],
];

function scopeOf(key: string): string {
  return (
    SCOPES.find(([re]) => re.test(key))?.[1] ?? 'https://www.googleapis.com/auth/spreadsheets.currentonly'
  );
}

/** Services that need no authorization (usable in every mode). */
const ANONYMOUS = /^(Utilities|Logger|HtmlService|HtmlOutput|HtmlTemplate|LockService|Lock)\./;
/** What a simple trigger in LIMITED mode may not call: anything reaching beyond the bound spreadsheet. */
const NOT_IN_LIMITED =
  /^(DocumentApp|Document|Body|Paragraph|ListItem|HorizontalRule|Table|TableRow|TableCell|Text|Drive|MailApp|ScriptApp|TriggerBuilder|ClockTriggerBuilder|Trigger)\.|^SpreadsheetApp\.(openById|openByUrl|open|create)$/;

/** What an installable trigger's run may not call: nobody is at the keyboard to see a dialog. */
const NO_UI = /^(SpreadsheetApp\.getUi|Ui\.\w+|Menu\.\w+)$/;
export const NO_UI_MESSAGE = 'Exception: Cannot call SpreadsheetApp.getUi() from this context.';

/** Why a call is refused in an execution of this kind (beyond its mode), or null. */
export function refusalForKind(kind: ExecutionKind, key: string): string | null {
  return kind === 'trigger' && NO_UI.test(key) ? NO_UI_MESSAGE : null;
}
/** In NONE: only building the add-on menu. */
const IN_NONE = /^(SpreadsheetApp\.getUi|Ui\.(createAddonMenu|createMenu)|Menu\.\w+)$/;

/** Why a call is refused in this mode, or null when it is allowed. */
export function refusal(mode: AuthModeName, key: string): string | null {
  const method = key.replace(/^.*\./, '');
  const qualified = key;
  if (mode === 'FULL' || ANONYMOUS.test(key)) return null;
  if (mode === 'NONE') {
    return IN_NONE.test(key)
      ? null
      : `Exception: You do not have permission to call ${qualified}. Required permissions: ${scopeOf(key)}`;
  }
  if (mode === 'LIMITED') {
    return NOT_IN_LIMITED.test(key)
      ? `Exception: You do not have permission to call ${qualified}. Required permissions: ${scopeOf(key)}`
      : null;
  }
  // CUSTOM_FUNCTION: the Spreadsheet service read-only, Properties; nothing that needs the user's authorization.
  if (isSheetWrite(key) || /^Spreadsheet\.(toast|insertSheet|deleteSheet|rename|setActive\w*)$/.test(key))
    return `Exception: You do not have permission to call ${method}`;
  if (
    /^(Properties|PropertiesService|SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|NamedRange|DataValidation|User)\./.test(
      key,
    )
  )
    return /^SpreadsheetApp\.(getUi|openById|openByUrl)$/.test(key)
      ? `Exception: You do not have permission to call ${qualified}. Required permissions: ${scopeOf(key)}`
      : null;
  if (/^Session\.(getScriptTimeZone|getActiveUserLocale|getTemporaryActiveUserKey)$/.test(key)) return null;
  return `Exception: You do not have permission to call ${qualified}. Required permissions: ${scopeOf(key)}`;
}

/** A user as an execution runs: the email the script may see ('' when hidden) and the account behind it. */
export interface ExecutionUser {
  readonly email: string;
  /** Who owns what this user creates and whose user properties and Drive files are used. */
  readonly account: string;
}

/** What the runtime keeps of every finished execution. */
export interface ExecutionRecord {
  readonly id: number;
  readonly kind: ExecutionKind;
  /** The function run (for a custom-function recalculation, the functions evaluated, joined with ","). */
  name: string;
  readonly user: string;
  readonly authMode: AuthModeName;
  readonly startedAt: number;
  /** Simulated time it took (ms). */
  elapsedMs: number;
  /** Service calls it made, total and by "Class.method". */
  calls: number;
  counts: Record<string, number>;
  outcome: 'running' | 'ok' | 'error' | 'timeout';
  error?: string;
}

export class Execution {
  readonly counters = new Counters();
  killed = false;
  /** The call depth of the execution this one ran inside (restored when it ends). */
  outerDepth = 0;
  /** Locks this execution holds (released when it ends or shows a dialog). */
  readonly locks = new Set<{ _releaseByRuntime(): void }>();
  readonly record: ExecutionRecord;
  readonly limitMs: number;

  constructor(
    id: number,
    readonly kind: ExecutionKind,
    name: string,
    readonly user: ExecutionUser,
    readonly authMode: AuthModeName,
    readonly realm: ContextRealm,
    readonly startedAt: number,
  ) {
    this.limitMs =
      kind === 'simple-trigger'
        ? SIMPLE_TRIGGER_LIMIT_MS
        : kind === 'custom-function'
          ? 30_000
          : EXECUTION_LIMIT_MS;
    this.record = {
      id,
      kind,
      name,
      user: user.email,
      authMode,
      startedAt,
      elapsedMs: 0,
      calls: 0,
      counts: {},
      outcome: 'running',
    };
  }

  releaseLocks(): void {
    for (const lock of [...this.locks]) lock._releaseByRuntime();
    this.locks.clear();
  }
}

/** Thrown by rt.call when a simple trigger ran past the budget the test set (not an Apps Script error). */
export class TriggerBudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriggerBudgetError';
  }
}

export interface TriggerBudget {
  /** Most service calls one run may make. */
  readonly calls?: number;
  /** Most simulated ms one run may take. */
  readonly ms?: number;
}
