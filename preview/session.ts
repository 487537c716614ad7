/**
 * One preview session: the built add-on (build/*.js) loaded into the in-memory Apps Script runtime of
 * runtime/ — the same runtime the tests use — plus what the page needs around it: the workbook as a grid,
 * menu runs whose prompts the page answers, the google.script.run bridge, the signed-in user, the documents,
 * and an optional state file.
 *
 * Prompts. Server code is synchronous and the runtime's Ui answers alerts and prompts at once. A menu run is
 * therefore "interactive": when the action asks a question (a prompt, or an alert with more buttons than OK)
 * and no answer was given with the request, the preview stops the run at that call (it throws NeedsInput
 * inside the Ui), throws away the toasts, dialogs and sidebars the aborted run produced, and returns the
 * question. The page asks the user and runs the item again with the answers so far. This is safe because
 * Scorecard's actions ask before they change anything (Set up workbook asks for the process first); an action
 * that wrote before asking would write twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CellInfo,
  type Runtime,
  type ScriptedResponse,
  type SheetInfo,
  createRuntime,
  defaultCodeFiles,
  parseA1,
} from '../runtime';
import { conditionalFormats } from './conditional';
import type {
  CellView,
  DialogAnswer,
  DialogRequest,
  DocumentInfo,
  MailInfo,
  DocumentView,
  FunctionHelp,
  ChartView,
  GridView,
  PageView,
  RowAction,
  HtmlPanelView,
  MenuItemView,
  MenuResponse,
  MenuView,
  PreviewEvent,
  PreviewEventBody,
  RunResponse,
  SheetTab,
  StateView,
} from './protocol';
import { fireOnEdit, generateSampleDocument, loadSample } from './sample';
import { functionHelp } from './functions';

export type StartMode = 'sample' | 'blank';

export interface SessionOptions {
  /** Folder of the built add-on (build/). */
  buildDir: string;
  /** Script files to load instead of every build/*.js (tests use fixtures). */
  codeFiles?: string[];
  /** What a fresh session holds: the sample workbook (default) or a blank spreadsheet. */
  start?: StartMode;
  /** Saves every change to this JSON file and replays it on start. */
  stateFile?: string;
  /** Where warnings go (default: console.warn). */
  log?: (message: string) => void;
}

/** A request the session refuses: the server answers with this HTTP status and message. */
export class PreviewInputError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Typing into a cell whose validation rejects invalid data. */
export class CellRejected extends Error {}

class NeedsInput extends Error {
  constructor(readonly dialog: DialogRequest) {
    super(`Needs input: ${dialog.message}`);
  }
}

interface DocumentsLike {
  list(): DocumentInfo[];
  html(id: string): string;
  get?(id: string): { page?: PageView };
}

/** A new Google Doc's page when the runtime does not say: US Letter with 1-inch margins. */
const LETTER: PageView = {
  width: 612,
  height: 792,
  marginTop: 72,
  marginBottom: 72,
  marginLeft: 72,
  marginRight: 72,
};

/** A finished menu run, or the question that stopped it (see the header comment). */
export type MenuOutcome = { status: 'done' } | Exclude<MenuResponse, { status: 'done' }>;

type Op =
  | { op: 'reset'; mode: StartMode }
  | { op: 'cell'; sheet: string; a1: string; input: string }
  | { op: 'select'; sheet: string; ranges: string[] }
  | { op: 'menu'; functionName: string; answers: DialogAnswer[] }
  | { op: 'run'; functionName: string; args: string }
  | { op: 'user'; email: string }
  | { op: 'close'; id: number }
  | { op: 'reload' }
  | { op: 'triggers' }
  | { op: 'deleteSheet'; sheet: string }
  | { op: 'rows'; sheet: string; action: RowAction; row: number; count: number };

const GRID_MARGIN_ROWS = 10;
const GRID_MARGIN_COLS = 2;
const GRID_MIN_ROWS = 30;
const GRID_MIN_COLS = 10;
/** Dropdown options sent for a list read from a range (a long column offers its first ones). */
const MAX_RANGE_OPTIONS = 500;
const MAX_EVENTS = 200;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

function nameOf(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error) return String(error.name);
  return 'Error';
}

function toScripted(answer: DialogAnswer): ScriptedResponse {
  if (typeof answer === 'string') return { button: 'OK', text: answer };
  return {
    button: (answer.button ?? 'OK') as 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE',
    text: answer.text ?? '',
  };
}

/** Top-level `function NAME(` declarations of the loaded scripts: what google.script.run could reach. */
function declaredFunctions(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  }
  return names;
}

export class PreviewSession {
  rt!: Runtime;
  private readonly codeFiles: string[];
  private readonly declared: Set<string>;
  private readonly log: (message: string) => void;
  private events: PreviewEvent[] = [];
  private seq = 0;
  private toastCursor = 0;
  private dialogCursor = 0;
  private shownCursor = 0;
  private sidebarIndex: number | null = null;
  private dialogIndex: number | null = null;
  private ops: Op[] = [];
  private answeredInPage = new WeakSet<object>();
  private replaying = false;
  /** While a menu item runs: the answers still to give, and the question that stopped the run. */
  private interactive: { answers: DialogAnswer[]; stopped: DialogRequest | null } | null = null;
  private functionHelp: FunctionHelp[] | undefined;

  constructor(readonly options: SessionOptions) {
    this.codeFiles = (options.codeFiles ?? defaultCodeFiles(options.buildDir)).map((f) => path.resolve(f));
    this.declared = declaredFunctions(this.codeFiles);
    this.log = options.log ?? ((m) => console.warn(m));
    if (!this.restore()) this.reset(options.start ?? 'sample');
  }

  // ------------------------------------------------------------------------------------------------------
  // Lifecycle

  /** A fresh spreadsheet with the add-on opened in it; 'sample' also sets it up and adds sample candidates. */
  reset(mode: StartMode): void {
    this.rt = createRuntime({ codeFiles: this.codeFiles, htmlDir: this.options.buildDir });
    this.rt.setSpreadsheetName(mode === 'sample' ? 'Hiring — sample workbook' : 'Untitled spreadsheet');
    this.installPromptHook();
    this.toastCursor = this.dialogCursor = this.shownCursor = 0;
    this.events = [];
    this.sidebarIndex = this.dialogIndex = null;
    this.open();
    if (mode === 'sample') {
      loadSample(this.rt);
      // The sample is a file the user then opens: onOpen builds the menu for the set-up workbook.
      this.open();
      try {
        generateSampleDocument(this.rt);
      } catch (error) {
        this.log(`The sample's interview script could not be generated: ${messageOf(error)}`);
      }
      this.rt.select('Candidates', 'B2');
    }
    // Setting up the sample raises its own alerts; the page starts without them.
    this.skipEvents();
    this.record({ op: 'reset', mode }, true);
  }

  /** Opening the spreadsheet: Sheets runs the add-on's onOpen with full authorisation (it is installed). */
  private open(): void {
    this.rt.call('onOpen', { authMode: 'LIMITED', source: this.rt.spreadsheet });
  }

  /** Reloads the spreadsheet: onOpen runs again (menus that depend on the workbook are rebuilt). */
  reload(): void {
    try {
      this.open();
      try {
        generateSampleDocument(this.rt);
      } catch (error) {
        this.log(`The sample's interview script could not be generated: ${messageOf(error)}`);
      }
      this.rt.select('Candidates', 'B2');
    } catch (error) {
      this.scriptError(error);
    }
    this.collect();
    this.record({ op: 'reload' });
  }

  private skipEvents(): void {
    this.toastCursor = this.rt.ui.toasts.length;
    this.dialogCursor = this.rt.ui.dialogs.length;
    this.shownCursor = this.rt.ui.shown.length;
  }

  private record(op: Op, restart = false): void {
    if (this.replaying) return;
    if (restart) this.ops = [];
    const last = this.ops[this.ops.length - 1];
    if (op.op === 'select' && last?.op === 'select') this.ops[this.ops.length - 1] = op;
    else this.ops.push(op);
    this.save();
  }

  private save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    try {
      fs.writeFileSync(file, `${JSON.stringify({ version: 1, ops: this.ops }, null, 1)}\n`);
    } catch (error) {
      this.log(`Could not save the state file ${file}: ${messageOf(error)}`);
    }
  }

  /** Replays the state file's operations; false when there is none (or it cannot be read). */
  private restore(): boolean {
    const file = this.options.stateFile;
    if (!file || !fs.existsSync(file)) return false;
    let ops: Op[];
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; ops?: Op[] };
      if (parsed.version !== 1 || !Array.isArray(parsed.ops) || parsed.ops[0]?.op !== 'reset') {
        throw new Error('not a preview state file (version 1)');
      }
      ops = parsed.ops;
    } catch (error) {
      this.log(`Ignoring the state file ${file}: ${messageOf(error)}. Starting from the sample.`);
      return false;
    }
    this.replaying = true;
    try {
      for (const op of ops) this.apply(op);
    } catch (error) {
      this.log(
        `The state file ${file} could not be replayed (${messageOf(error)}); starting from the sample.`,
      );
      this.replaying = false;
      return false;
    } finally {
      this.replaying = false;
    }
    this.ops = ops;
    this.events = [];
    this.skipEvents();
    return true;
  }

  private apply(op: Op): void {
    switch (op.op) {
      case 'reset':
        return this.reset(op.mode);
      case 'cell':
        try {
          this.editCell(op.sheet, op.a1, op.input);
        } catch (error) {
          if (!(error instanceof CellRejected)) throw error;
        }
        return;
      case 'select':
        return this.select(op.sheet, op.ranges);
      case 'menu':
        this.runMenu(op.functionName, op.answers);
        return;
      case 'run':
        this.runFunction(op.functionName, op.args);
        return;
      case 'user':
        return this.setUser(op.email);
      case 'close':
        return this.closePanel(op.id);
      case 'reload':
        return this.reload();
      case 'triggers':
        return this.fireTriggers();
      case 'deleteSheet':
        return this.deleteSheet(op.sheet);
      case 'rows':
        return this.changeRows(op.sheet, op.action, op.row, op.count);
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Ui: prompts the page answers, events the page shows

  private installPromptHook(): void {
    const ui = this.rt.ui;
    const fake = ui.fake;
    const proto = Object.getPrototypeOf(fake) as typeof fake;
    const ask = (kind: 'prompt' | 'alert', call: () => unknown): unknown => {
      const run = this.interactive;
      if (!run || run.stopped) return call();
      const answer = run.answers.shift();
      if (answer !== undefined) {
        ui.respondWith(toScripted(answer));
        const result = call();
        // The user answered this one in the page: it is not shown again afterwards.
        const record = fake.dialogs[fake.dialogs.length - 1];
        if (record) this.answeredInPage.add(record);
        return result;
      }
      // Ask the runtime what the dialog says (it records it), take the record back and stop the run.
      const before = fake.dialogs.length;
      call();
      const record = fake.dialogs.splice(before)[0];
      run.stopped = {
        kind,
        title: record?.title,
        message: record?.message ?? '',
        buttons: record?.buttons ?? 'OK',
      };
      throw new NeedsInput(run.stopped);
    };
    fake.prompt = ((...args: Parameters<typeof fake.prompt>) =>
      ask('prompt', () => proto.prompt.apply(fake, args))) as typeof fake.prompt;
    fake.alert = ((...args: Parameters<typeof fake.alert>) => {
      const before = fake.dialogs.length;
      // Alerts with only an OK button need no answer: they are shown after the run.
      const probe = proto.alert.apply(fake, args);
      const record = fake.dialogs[before];
      if (!this.interactive || this.interactive.stopped || record?.buttons === 'OK') return probe;
      fake.dialogs.splice(before);
      return ask('alert', () => proto.alert.apply(fake, args));
    }) as typeof fake.alert;
  }

  private pushEvent(event: PreviewEventBody): void {
    this.events.push({ ...event, seq: ++this.seq });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  /** Turns what the last call raised (toasts, alerts, sidebars, dialogs) into events and open panels. */
  private collect(): void {
    const ui = this.rt.ui;
    for (const t of ui.toasts.slice(this.toastCursor)) {
      this.pushEvent({ kind: 'toast', message: t.message, title: t.title, timeoutSeconds: t.timeoutSeconds });
    }
    for (const d of ui.dialogs.slice(this.dialogCursor)) {
      if (d.kind === 'alert' && !this.answeredInPage.has(d))
        this.pushEvent({ kind: 'alert', title: d.title, message: d.message, button: d.button });
    }
    ui.shown.slice(this.shownCursor).forEach((s, i) => {
      const index = this.shownCursor + i;
      if (s.kind === 'sidebar') this.sidebarIndex = index;
      else this.dialogIndex = index;
    });
    this.skipEvents();
  }

  /** Forgets everything an aborted run raised. */
  private discard(): void {
    const ui = this.rt.ui;
    ui.toasts.splice(this.toastCursor);
    ui.dialogs.splice(this.dialogCursor);
    ui.shown.splice(this.shownCursor);
  }

  private scriptError(error: unknown): void {
    this.pushEvent({ kind: 'error', title: 'Script error', message: messageOf(error) });
  }

  // ------------------------------------------------------------------------------------------------------
  // Actions

  private sheetNamed(name: unknown): SheetInfo {
    if (typeof name !== 'string' || name === '')
      throw new PreviewInputError(400, '"sheet" must be a sheet name.');
    const sheet = this.rt.inspect.sheet(name);
    if (!sheet) throw new PreviewInputError(404, `No sheet named "${name}".`);
    return sheet;
  }

  private checkRange(sheet: SheetInfo, a1: unknown, single: boolean): string {
    if (typeof a1 !== 'string' || a1.length > 40)
      throw new PreviewInputError(400, '"a1" must be A1 notation.');
    const g = parseA1(a1);
    if (!g || g.sheetName !== undefined) throw new PreviewInputError(400, `"${a1}" is not A1 notation.`);
    if (single && (g.numRows !== 1 || g.numCols !== 1))
      throw new PreviewInputError(400, `"${a1}" must be one cell.`);
    const lastRow = g.row + (g.numRows ?? 1) - 1;
    const lastCol = g.col + (g.numCols ?? 1) - 1;
    if (lastRow > sheet.maxRows || lastCol > sheet.maxColumns) {
      throw new PreviewInputError(400, `${a1} is outside the sheet "${sheet.name}".`);
    }
    return a1.toUpperCase();
  }

  /**
   * Types into a cell like a user: "=…" is a formula, numbers and TRUE/FALSE are values, "'…" stays text, a
   * date typed as yyyy-mm-dd becomes a date. Invalid data is refused when the cell's validation says so; a
   * successful edit runs the bundle's onEdit trigger.
   */
  editCell(sheetName: unknown, a1: unknown, input: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    const ref = this.checkRange(sheet, a1, true);
    if (typeof input !== 'string') throw new PreviewInputError(400, '"input" must be a string.');
    if (input.length > 50000) throw new PreviewInputError(400, 'A cell holds at most 50,000 characters.');
    const g = parseA1(ref)!;
    const old = this.rt.inspect.cells(sheet.name, ref)[0][0];
    const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input.trim());
    const value: unknown =
      date && old.numberFormat !== '@'
        ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])))
        : input;
    const entry = this.rt.enter(sheet.name, ref, value);
    if (!entry.accepted) throw new CellRejected(entry.message);
    try {
      fireOnEdit(this.rt, sheet.name, g.row, g.col, 1, 1, { value: input, oldValue: old.value });
    } catch (error) {
      this.scriptError(error);
    }
    this.collect();
    this.record({ op: 'cell', sheet: sheet.name, a1: ref, input });
  }

  /**
   * A change the user makes in Sheets' own interface (not through the add-on): not counted as a service call,
   * and no simple trigger runs (Sheets fires onEdit for typing, not for deleting a sheet or inserting rows).
   * What Sheets would refuse (the last sheet, every row) comes back as the refusal's message.
   */
  private asUser(action: () => void): void {
    const counted = this.rt.counters.snapshot();
    try {
      action();
    } catch (error) {
      throw new PreviewInputError(422, messageOf(error).replace(/^Exception: /, ''));
    } finally {
      this.rt.counters.restore(counted);
    }
  }

  /** Right-click a tab ▸ Delete: the sheet and everything on it go. */
  deleteSheet(sheetName: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    this.asUser(() => this.rt.spreadsheet.deleteSheet(this.rt.sheet(sheet.name)));
    this.record({ op: 'deleteSheet', sheet: sheet.name });
  }

  /** Right-click a row number ▸ Insert rows above / below, or Delete rows. */
  changeRows(sheetName: unknown, action: unknown, row: unknown, count: unknown = 1): void {
    const sheet = this.sheetNamed(sheetName);
    if (action !== 'insertAbove' && action !== 'insertBelow' && action !== 'delete') {
      throw new PreviewInputError(400, '"action" is "insertAbove", "insertBelow" or "delete".');
    }
    const n = count ?? 1;
    if (!Number.isInteger(row) || (row as number) < 1 || (row as number) > sheet.maxRows)
      throw new PreviewInputError(
        400,
        `"row" must be a row of the sheet "${sheet.name}" (1 to ${sheet.maxRows}).`,
      );
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 1000)
      throw new PreviewInputError(400, '"count" must be a whole number from 1 to 1000.');
    const r = row as number;
    const k = n as number;
    this.asUser(() => {
      const target = this.rt.sheet(sheet.name);
      if (action === 'insertAbove') target.insertRowsBefore(r, k);
      else if (action === 'insertBelow') target.insertRowsAfter(r, k);
      else target.deleteRows(r, k);
    });
    this.record({ op: 'rows', sheet: sheet.name, action, row: r, count: k });
  }

  /** The custom functions' help, read from their JSDoc in the loaded code, as Sheets shows it while typing. */
  functions(): FunctionHelp[] {
    this.functionHelp ??= this.codeFiles.flatMap((f) => functionHelp(fs.readFileSync(f, 'utf8')));
    return this.functionHelp;
  }

  /** Makes ranges of a sheet the selection (what the add-on sees as the active range and current cell). */
  select(sheetName: unknown, ranges: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    const list = typeof ranges === 'string' ? [ranges] : ranges;
    if (!Array.isArray(list) || list.length === 0 || list.length > 50) {
      throw new PreviewInputError(400, '"a1" must be A1 notation or a list of them.');
    }
    const checked = list.map((a) => this.checkRange(sheet, a, false));
    this.rt.select(sheet.name, checked);
    this.record({ op: 'select', sheet: sheet.name, ranges: checked });
  }

  setUser(email: unknown): void {
    if (typeof email !== 'string' || email.length > 254 || /[\s<>"]/.test(email.trim())) {
      throw new PreviewInputError(400, '"email" must be an email address (or "" for a hidden one).');
    }
    this.rt.setActiveUser(email.trim());
    this.record({ op: 'user', email: email.trim() });
  }

  /** The menu items as built by onOpen: only these can be run from the menu. */
  menuFunctions(): Set<string> {
    return new Set(this.rt.ui.menuItems().map((i) => i.functionName));
  }

  /** Runs a menu item; see the header comment for how prompts reach the user. */
  runMenu(functionName: unknown, answers: unknown = []): MenuOutcome {
    if (typeof functionName !== 'string' || !IDENTIFIER.test(functionName)) {
      throw new PreviewInputError(400, '"functionName" must be the name of a menu function.');
    }
    if (!this.menuFunctions().has(functionName)) {
      throw new PreviewInputError(404, `"${functionName}" is not an item of the add-on menu.`);
    }
    if (!Array.isArray(answers) || answers.length > 20 || !answers.every(isDialogAnswer)) {
      throw new PreviewInputError(
        400,
        '"answers" must be a list of prompt answers (text or {button, text}).',
      );
    }
    const given = [...(answers as DialogAnswer[])];
    const run: { answers: DialogAnswer[]; stopped: DialogRequest | null } = {
      answers: [...given],
      stopped: null,
    };
    this.interactive = run;
    let failure: unknown;
    let failed = false;
    try {
      this.rt.call(functionName);
    } catch (error) {
      failed = true;
      failure = error;
    }
    this.interactive = null;
    if (run.stopped) {
      this.discard();
      return { status: 'needs-input', dialog: run.stopped, answers: given, functionName };
    }
    if (failed) this.scriptError(failure);
    this.collect();
    this.record({ op: 'menu', functionName, answers: given });
    return { status: 'done' };
  }

  /** Whether google.script.run may call this function: a global function of the bundle not ending in "_". */
  callable(functionName: string): boolean {
    return (
      IDENTIFIER.test(functionName) &&
      !functionName.endsWith('_') &&
      this.declared.has(functionName) &&
      this.rt.hasFunction(functionName)
    );
  }

  /**
   * google.script.run: arguments arrive as JSON text (the page's iframe serialised them) and are parsed in the
   * script's realm; the return value goes back through JSON too (Dates become ISO strings, undefined null).
   */
  runFunction(functionName: unknown, argsJson: unknown): RunResponse {
    if (typeof functionName !== 'string' || functionName === '') {
      throw new PreviewInputError(400, '"functionName" must be a function name.');
    }
    if (!this.callable(functionName)) {
      throw new PreviewInputError(
        404,
        functionName.endsWith('_')
          ? `Script function not found: ${functionName} (functions ending in "_" are private to the script).`
          : `Script function not found: ${functionName}`,
      );
    }
    let args: unknown;
    try {
      args = typeof argsJson === 'string' ? JSON.parse(argsJson) : argsJson;
    } catch {
      throw new PreviewInputError(400, '"args" is not valid JSON.');
    }
    if (!Array.isArray(args)) throw new PreviewInputError(400, '"args" must be a list of arguments.');
    const json = JSON.stringify(args);
    let response: RunResponse;
    try {
      const result: unknown = this.rt.call(
        functionName,
        ...this.rt.scriptValue(JSON.parse(json) as unknown[]),
      );
      const text = JSON.stringify(result);
      response = { ok: true, value: text === undefined ? null : (JSON.parse(text) as unknown) };
    } catch (error) {
      response = { ok: false, error: { name: nameOf(error), message: messageOf(error) } };
    }
    this.collect();
    this.record({ op: 'run', functionName, args: json });
    return response;
  }

  /** google.script.host.close() or the panel's close button. */
  closePanel(id: unknown): void {
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw new PreviewInputError(400, '"id" must be a number.');
    if (this.sidebarIndex === id) this.sidebarIndex = null;
    else if (this.dialogIndex === id) this.dialogIndex = null;
    else throw new PreviewInputError(404, `No open sidebar or dialog ${id}.`);
    this.record({ op: 'close', id });
  }

  /** The HTML of an open sidebar or dialog. */
  panelHtml(id: number): string | undefined {
    if (id !== this.sidebarIndex && id !== this.dialogIndex) return undefined;
    return this.rt.ui.shown[id]?.html;
  }

  // ------------------------------------------------------------------------------------------------------
  // Documents

  private documentsApi(): DocumentsLike | undefined {
    const docs = (this.rt as unknown as { documents?: Partial<DocumentsLike> }).documents;
    return docs && typeof docs.list === 'function' && typeof docs.html === 'function'
      ? (docs as DocumentsLike)
      : undefined;
  }

  documents(): DocumentInfo[] {
    const api = this.documentsApi();
    if (!api) return [];
    return api.list().map((d) => ({ id: String(d.id), name: String(d.name), url: String(d.url) }));
  }

  document(id: string): DocumentView | undefined {
    const api = this.documentsApi();
    const info = this.documents().find((d) => d.id === id);
    if (!api || !info) return undefined;
    return { ...info, html: api.html(id), page: api.get?.(id).page ?? LETTER };
  }

  // ------------------------------------------------------------------------------------------------------
  // Mail and triggers

  /** What MailApp sent, as the "Sent mail" list shows it. */
  mail(): MailInfo[] {
    return this.rt.mail.sent().map((m, index) => ({
      index,
      from: m.from,
      to: [...m.to, ...m.cc, ...m.bcc].join(', '),
      subject: m.subject,
      at: new Date(m.at).toISOString(),
      body: m.body,
    }));
  }

  /**
   * Runs every installed time-driven trigger now, as Google would at its hour: as the trigger's owner, with no
   * user at the keyboard (what it says goes to the Reminders sheet, not to a dialog).
   */
  fireTriggers(): void {
    const triggers = this.rt.triggers.list();
    if (triggers.length === 0) {
      this.pushEvent({
        kind: 'toast',
        title: 'Preview',
        message: 'No trigger is installed: choose Extensions ▸ Scorecard ▸ Reminders ▸ Turn on… first.',
        timeoutSeconds: 6,
      });
    }
    const before = this.rt.mail.sent().length;
    for (const trigger of triggers) {
      try {
        this.rt.triggers.fire(trigger.id);
      } catch (error) {
        this.scriptError(error);
      }
    }
    if (triggers.length > 0) {
      const sent = this.rt.mail.sent().length - before;
      this.pushEvent({
        kind: 'toast',
        title: 'Reminder trigger',
        message: `The daily trigger ran as ${triggers.map((t) => t.ownerEmail || t.owner).join(', ')}: ${sent} email${sent === 1 ? '' : 's'} sent. See Sent mail and the Reminders sheet.`,
        timeoutSeconds: 6,
      });
    }
    this.collect();
    this.record({ op: 'triggers' });
  }

  // ------------------------------------------------------------------------------------------------------
  // State

  state(since: number, extraRows = 0): StateView {
    const ss = this.rt.inspect.spreadsheet();
    const shown = this.rt.ui.shown;
    const panel = (index: number | null): HtmlPanelView | null => {
      const s = index === null ? undefined : shown[index];
      if (!s || index === null) return null;
      return { id: index, kind: s.kind, title: s.title, width: s.width, height: s.height };
    };
    return {
      spreadsheetName: ss.name,
      user: this.rt.activeUser,
      users: this.users(),
      sheets: ss.sheets.map((s): SheetTab => ({
        id: s.id,
        name: s.name,
        hidden: s.hidden,
        tabColor: s.tabColor,
      })),
      grid: this.grid(ss.activeSheet, extraRows),
      selection: {
        sheet: ss.selection.sheet,
        ranges: ss.selection.ranges,
        current: ss.selection.currentCell ?? 'A1',
      },
      menus: this.rt.ui.menus.map((m): MenuView => ({
        name: m.name,
        addon: m.addon,
        items: menuItems(m.items),
      })),
      events: this.events.filter((e) => e.seq > since),
      lastSeq: this.seq,
      sidebar: panel(this.sidebarIndex),
      dialog: panel(this.dialogIndex),
      documents: this.documents(),
      documentsSupported: this.documentsApi() !== undefined,
      mail: this.mail(),
      stateFile: this.options.stateFile ?? null,
    };
  }

  /** Emails seen in the Candidates sheet's "Hiring manager" and "Panel" columns, plus the current user. */
  users(): string[] {
    const found = new Set<string>();
    if (this.rt.activeUser) found.add(this.rt.activeUser);
    const sheet = this.rt.inspect.sheet('Candidates');
    if (sheet) {
      const rows = sheet.lastRow;
      const cols = sheet.lastColumn;
      if (rows >= 1 && cols >= 1) {
        const values = this.rt.inspect.values(sheet.name, { row: 1, col: 1, numRows: rows, numCols: cols });
        const header = values[0].map((v) => String(v).trim().toLowerCase());
        for (const key of ['hiring manager', 'panel']) {
          const col = header.indexOf(key);
          if (col < 0) continue;
          for (const row of values.slice(1)) {
            for (const email of String(row[col]).split(/[,;\s]+/)) {
              if (/^[^@\s]+@[^@\s]+$/.test(email)) found.add(email.toLowerCase());
            }
          }
        }
      }
    }
    return [...found].sort();
  }

  /** The used range of a sheet plus a margin, as the page draws it. */
  grid(sheetName: string, extraRows = 0): GridView {
    const sheet = this.rt.inspect.sheet(sheetName);
    if (!sheet) throw new PreviewInputError(404, `No sheet named "${sheetName}".`);
    const rows = Math.min(
      sheet.maxRows,
      Math.max(sheet.lastRow + GRID_MARGIN_ROWS, GRID_MIN_ROWS, sheet.frozenRows + 1) +
        Math.max(0, extraRows),
    );
    const cols = Math.min(
      sheet.maxColumns,
      Math.max(sheet.lastColumn + GRID_MARGIN_COLS, GRID_MIN_COLS, sheet.frozenColumns + 1),
    );
    const infos = this.rt.inspect.cells(sheet.name, { row: 1, col: 1, numRows: rows, numCols: cols });
    const cf = conditionalFormats(
      this.rt,
      sheet.name,
      rows,
      cols,
      (r, c) => infos[r - 1]?.[c - 1]?.value ?? '',
    );
    const lists: string[][] = [];
    const listIndex = new Map<string, number>();
    const helps: string[] = [];
    const helpIndex = new Map<string, number>();
    const cells = infos.map((line, r0) =>
      line.map((info, c0): CellView | null => {
        const cond = cf.get(`${r0 + 1}:${c0 + 1}`);
        if (info.value === '' && !hasContentOrFormat(info) && !cond) return null;
        const { value, text, validation: rule } = info;
        const cell: CellView = {};
        if (text !== '') cell.t = text;
        if (info.formula) cell.f = info.formula;
        if (typeof value === 'number') cell.k = 'n';
        else if (typeof value === 'boolean') {
          cell.k = 'b';
          cell.b = value;
        } else if (info.error) {
          cell.k = 'e';
          cell.err = info.error.message || info.error.error;
        }
        if (info.background) cell.bg = info.background;
        if (info.fontColor) cell.fc = info.fontColor;
        if (info.fontWeight === 'bold') cell.bold = true;
        if (info.fontStyle === 'italic') cell.italic = true;
        if (info.horizontalAlignment) cell.align = info.horizontalAlignment;
        if (info.note) cell.note = info.note;
        if (cond?.background) cell.bg = cond.background;
        if (cond?.fontColor) cell.fc = cond.fontColor;
        if (cond?.bold) cell.bold = true;
        if (cond?.italic) cell.italic = true;
        if (rule) {
          if (rule.criteria === 'CHECKBOX') cell.check = true;
          const options =
            rule.criteria === 'VALUE_IN_RANGE' ? rule.options?.slice(0, MAX_RANGE_OPTIONS) : rule.options;
          if (options) {
            const key = JSON.stringify(options);
            let index = listIndex.get(key);
            if (index === undefined) {
              index = lists.push(options) - 1;
              listIndex.set(key, index);
            }
            cell.list = index;
          }
          if (rule.helpText) {
            let index = helpIndex.get(rule.helpText);
            if (index === undefined) {
              index = helps.push(rule.helpText) - 1;
              helpIndex.set(rule.helpText, index);
            }
            cell.help = index;
          }
          if (!rule.allowInvalid) cell.strict = true;
          if (!rule.valid) {
            cell.invalid = rule.helpText || 'Invalid: this cell’s contents violate its data validation rule.';
          }
        }
        return cell;
      }),
    );
    return {
      sheetId: sheet.id,
      name: sheet.name,
      rows,
      cols,
      maxRows: sheet.maxRows,
      maxCols: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenCols: sheet.frozenColumns,
      colWidths: sheet.columnWidths.slice(0, cols),
      cells,
      lists,
      helps,
      charts: this.charts(sheet.name),
    };
  }

  /**
   * A sheet's charts with their data: the ranges' displayed values, the first row as headers (series names), the
   * first column of the first range as labels; rows whose label is blank are left out, as Sheets draws them.
   */
  charts(sheetName: string): ChartView[] {
    return this.rt.inspect.charts(sheetName).map((chart) => {
      const blocks = chart.ranges.map((a1) => this.rt.inspect.values(sheetName, a1));
      const rows = Math.min(...blocks.map((b) => b.length));
      const columns: { name: string; values: unknown[] }[] = [];
      for (const block of blocks)
        for (let c = 0; c < (block[0]?.length ?? 0); c++)
          columns.push({ name: String(block[0][c] ?? ''), values: block.slice(1, rows).map((r) => r[c]) });
      const [labelColumn, ...dataColumns] = columns;
      const keep = (labelColumn?.values ?? []).map((v) => v !== '' && v !== null && v !== undefined);
      const option = (name: string, fallback: number) => {
        const value = chart.options[name];
        return typeof value === 'number' ? value : fallback;
      };
      return {
        id: chart.id,
        title: typeof chart.options.title === 'string' ? chart.options.title : '',
        type: chart.type,
        anchorRow: chart.position.anchorRow,
        anchorCol: chart.position.anchorColumn,
        offsetX: chart.position.offsetX,
        offsetY: chart.position.offsetY,
        width: option('width', 480),
        height: option('height', 300),
        labels: (labelColumn?.values ?? []).filter((_, i) => keep[i]).map((v) => String(v)),
        series: dataColumns.map((col) => ({
          name: col.name,
          values: col.values
            .filter((_, i) => keep[i])
            .map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
        })),
      };
    });
  }
}

/** Whether a cell holds a formula, or has a format, note or validation of its own (then it is drawn). */
function hasContentOrFormat(cell: CellInfo): boolean {
  return Object.keys(cell).some((key) => key !== 'value' && key !== 'text');
}

function isDialogAnswer(a: unknown): a is DialogAnswer {
  if (typeof a === 'string') return a.length <= 10000;
  if (!a || typeof a !== 'object' || Array.isArray(a)) return false;
  const { button, text } = a as { button?: unknown; text?: unknown };
  const buttonOk = button === undefined || ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'].includes(String(button));
  const textOk = text === undefined || (typeof text === 'string' && text.length <= 10000);
  return buttonOk && textOk && (button === undefined || typeof button === 'string');
}

function menuItems(items: Runtime['ui']['menus'][number]['items']): MenuItemView[] {
  return items.map((e): MenuItemView => {
    if (e.type === 'item') return { type: 'item', caption: e.caption, functionName: e.functionName };
    if (e.type === 'separator') return { type: 'separator' };
    return { type: 'submenu', caption: e.menu.name, items: menuItems(e.menu.items) };
  });
}
