/**
 * The JSON contract between the preview server (preview/server.ts) and the page (preview/page/app.ts). Types
 * only: both sides import this file, so the two cannot drift apart.
 */

/** One cell as the page draws it. Empty fields are omitted to keep the payload small. */
export interface CellView {
  /** Displayed text (number formats applied). */
  t?: string;
  /** Formula text, when the cell holds one. */
  f?: string;
  /** Raw value kind: number (right-aligned), boolean (centred / checkbox), error. */
  k?: 'n' | 'b' | 'e';
  /** Boolean value (for checkboxes). */
  b?: boolean;
  bg?: string;
  fc?: string;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  note?: string;
  /** Tooltip of an error cell (the thrown Error's message for custom functions). */
  err?: string;
  /** The validation help text when the value violates the cell's data validation (Sheets' red corner). */
  invalid?: string;
  /** The cell has a checkbox validation. */
  check?: boolean;
  /** Index into GridView.lists: the cell has a dropdown (VALUE_IN_LIST). */
  list?: number;
  /** Index into GridView.helps: the validation help text (shown while editing). */
  help?: number;
  /** Rejects invalid input (allowInvalid=false). */
  strict?: boolean;
}

export interface SheetTab {
  id: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
}

export interface GridView {
  sheetId: number;
  name: string;
  /** Rows/columns sent: the used range plus a margin (never more than the sheet has). */
  rows: number;
  cols: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** Width in px of each sent column. */
  colWidths: number[];
  /** cells[row][col], 0-based; null for an empty, unformatted cell. */
  cells: (CellView | null)[][];
  /** Dropdown options referenced by CellView.list. */
  lists: string[][];
  /** Validation help texts referenced by CellView.help. */
  helps: string[];
  /** The sheet's embedded charts, with the data their ranges show now. */
  charts?: ChartView[];
}

/** An embedded chart as the page draws it: labels from its first column, one series per other column. */
export interface ChartView {
  id: number;
  title: string;
  /** 'COLUMN' draws vertical bars, 'BAR' horizontal ones; anything else is drawn as columns. */
  type: string;
  /** 1-based anchor cell and pixel offsets from it. */
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export type MenuItemView =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuItemView[] };

export interface MenuView {
  name: string;
  /** Added with createAddonMenu(): shown under Extensions. */
  addon: boolean;
  items: MenuItemView[];
}

export type PreviewEventBody =
  | { kind: 'toast'; message: string; title?: string; timeoutSeconds?: number }
  | { kind: 'alert'; title?: string; message: string; button: string }
  | { kind: 'error'; title?: string; message: string };

export type PreviewEvent = { seq: number } & PreviewEventBody;

export interface HtmlPanelView {
  /** Address of the panel's document: GET /panel/<id>. */
  id: number;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width?: number;
  height?: number;
}

/** An email the add-on sent (MailApp): the preview delivers nothing, it lists what would have left. */
export interface MailInfo {
  index: number;
  from: string;
  to: string;
  subject: string;
  /** ISO time it was sent (the simulated clock). */
  at: string;
  body: string;
}

export interface DocumentInfo {
  id: string;
  name: string;
  url: string;
}

export interface SelectionView {
  sheet: string;
  /** A1 notation of each selected range (the last one is the active range). */
  ranges: string[];
  /** The current cell (top-left of the active range). */
  current: string;
}

export interface StateView {
  spreadsheetName: string;
  user: string;
  /** Emails to offer in "Signed in as": hiring managers and panel members found on the Candidates sheet. */
  users: string[];
  sheets: SheetTab[];
  /** The active sheet's grid. */
  grid: GridView;
  selection: SelectionView;
  menus: MenuView[];
  /** Toasts, alerts and errors raised since the `since` sequence number of the request. */
  events: PreviewEvent[];
  lastSeq: number;
  /** The sidebar currently open, if any. */
  sidebar: HtmlPanelView | null;
  /** The modal or modeless dialog currently open, if any. */
  dialog: HtmlPanelView | null;
  documents: DocumentInfo[];
  /** Whether runtime.documents is available (the document fake has landed). */
  documentsSupported: boolean;
  /** Every email the add-on sent, oldest first (Reminders ▸ Send reminders now, the daily trigger). */
  mail: MailInfo[];
  /** The state file, when started with --state. */
  stateFile: string | null;
}

/** An answer to a prompt or alert: prompt text (button OK), or a button with optional text. */
export type DialogAnswer = string | { button?: string; text?: string };

export interface DialogRequest {
  kind: 'prompt' | 'alert';
  title?: string;
  message: string;
  /** Button set: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  buttons: string;
}

export type MenuResponse =
  | { status: 'done'; state: StateView }
  /** The action asked the user something: answer it, then POST /api/menu again with answers + the answer. */
  | { status: 'needs-input'; dialog: DialogRequest; answers: DialogAnswer[]; functionName: string };

export type RunResponse =
  { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

export interface ErrorResponse {
  error: string;
}

export type CellResponse = { ok: true; state: StateView } | { ok: false; rejected: true; error: string };

/** What right-clicking a row number offers. */
export type RowAction = 'insertAbove' | 'insertBelow' | 'delete';

/** A custom function's help, from its JSDoc (what Sheets shows while you type =NAME( ). */
export interface FunctionHelp {
  name: string;
  description: string;
  params: { name: string; optional: boolean; description: string }[];
  returns: string;
}

/** A document's page in points, as Google Docs lays it out. */
export interface PageView {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export interface DocumentView extends DocumentInfo {
  html: string;
  /** Page size and margins (points); the page draws the document to scale. */
  page: PageView;
}

/** Messages between a sidebar/dialog iframe (sandboxed, opaque origin) and the page. */
export type PanelToPage =
  { type: 'scorecard-run'; callId: number; functionName: string; args: string } | { type: 'scorecard-close' };

export type PageToPanel = { type: 'scorecard-result'; callId: number; response: RunResponse };
