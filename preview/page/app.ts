/**
 * The preview page: a spreadsheet-like shell around the add-on — menu bar with the add-on's real menu, formula
 * bar, the active sheet as a grid, sheet tabs, the 300 px sidebar host, toasts/alerts/prompts, documents and
 * the "Signed in as" switch. Everything it shows comes from the preview server's JSON API (preview/server.ts).
 */
import { columnToLetters as columnLetters } from '../../runtime/a1';
import { placeCharts } from './charts';
import type {
  CellResponse,
  CellView,
  DialogAnswer,
  DialogRequest,
  DocumentView,
  ErrorResponse,
  FunctionHelp,
  GridView,
  HtmlPanelView,
  MailInfo,
  MenuItemView,
  MenuResponse,
  PageToPanel,
  PanelToPage,
  PreviewEvent,
  RowAction,
  RunResponse,
  StateView,
} from '../protocol';

// ---------------------------------------------------------------------------------------------------------
// Small helpers

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing #${id}`);
  return el as T;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

interface Pos {
  r: number;
  c: number;
}

// ---------------------------------------------------------------------------------------------------------
// State and API

let state: StateView | null = null;
let lastSeq = 0;
let extraRows = 0;
let showHidden = false;
let anchor: Pos = { r: 1, c: 1 };
let focus: Pos = { r: 1, c: 1 };
let editing: { pos: Pos; input: HTMLInputElement; cancelled: boolean } | null = null;
let inFlight = 0;
let loaded = false;
const rememberedSelection = new Map<string, { anchor: Pos; focus: Pos }>();

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function withQuery(path: string): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}since=${lastSeq}&rows=${extraRows}`;
}

async function api<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  inFlight++;
  const timer = setTimeout(() => setBusy(true), 250);
  try {
    const response = await fetch(withQuery(path), {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json()) as T;
    if (!response.ok && response.status !== 422) {
      throw new ApiError(response.status, (data as unknown as ErrorResponse).error ?? response.statusText);
    }
    return { status: response.status, data };
  } finally {
    clearTimeout(timer);
    inFlight--;
    if (inFlight === 0) setBusy(false);
  }
}

function setBusy(on: boolean): void {
  byId('busy').hidden = !on;
  document.body.classList.toggle('busy', on);
}

async function refresh(): Promise<void> {
  const { data } = await api<StateView>('GET', '/api/state');
  applyState(data);
}

function report(error: unknown): void {
  showError(error instanceof Error ? error.message : String(error));
}

function showError(message: string): void {
  byId('error-text').textContent = message;
  byId('error-bar').hidden = false;
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

function applyState(next: StateView): void {
  const sheetChanged = !state || state.grid.sheetId !== next.grid.sheetId;
  state = next;
  document.body.dataset.user = next.user;
  byId('doc-title').textContent = next.spreadsheetName;
  document.title = `${next.spreadsheetName} — Scorecard preview`;
  if (sheetChanged || !sameSelection(next)) adoptSelection(next);
  renderUser(next);
  renderMenus(next);
  renderTabs(next);
  renderGrid(next.grid);
  renderFormulaBar();
  renderPanels(next);
  renderDocuments(next);
  renderMail(next);
  // On first load, what happened before the page opened is history: show only what happens from now on.
  if (loaded) handleEvents(next.events);
  loaded = true;
  lastSeq = Math.max(lastSeq, next.lastSeq);
}

function sameSelection(next: StateView): boolean {
  const current = a1(anchor.r, anchor.c);
  return next.selection.sheet === state?.grid.name && next.selection.current === current;
}

function parseCell(ref: string): Pos | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]), c };
}

/** Takes the server's selection (the add-on may have moved it) when it differs from the page's. */
function adoptSelection(next: StateView): void {
  const remembered = rememberedSelection.get(next.grid.name);
  const current = parseCell(next.selection.current) ?? { r: 1, c: 1 };
  if (remembered && a1(remembered.anchor.r, remembered.anchor.c) === next.selection.current) {
    anchor = remembered.anchor;
    focus = remembered.focus;
  } else {
    anchor = current;
    const last = next.selection.ranges[next.selection.ranges.length - 1] ?? '';
    const end = parseCell(last.split(':')[1] ?? '');
    focus = end ?? current;
  }
}

function renderUser(s: StateView): void {
  const input = byId<HTMLInputElement>('user-input');
  if (document.activeElement !== input) input.value = s.user;
  byId('user-avatar').textContent = (s.user || '?').charAt(0);
  byId('user-avatar').title = s.user || 'Email hidden';
  const list = byId('user-list');
  list.replaceChildren(...s.users.map((u) => h('option', { value: u })));
}

function renderMenuItems(items: MenuItemView[], container: HTMLElement): void {
  for (const item of items) {
    if (item.type === 'separator') {
      container.append(h('div', { class: 'menu-separator', role: 'separator' }));
    } else if (item.type === 'item') {
      const button = h('button', {
        type: 'button',
        role: 'menuitem',
        'data-function': item.functionName,
        text: item.caption,
      });
      button.addEventListener('click', () => {
        closeMenus();
        void runMenu(item.functionName, []);
      });
      container.append(button);
    } else {
      const sub = h('div', { class: 'menu-sub' });
      const button = h('button', {
        type: 'button',
        role: 'menuitem',
        'aria-haspopup': 'menu',
        text: item.caption,
      });
      const list = h('div', { class: 'menu-list', role: 'menu' });
      list.hidden = true;
      renderMenuItems(item.items, list);
      const open = () => {
        const siblings = sub.parentElement?.querySelectorAll<HTMLElement>(':scope > .menu-sub > .menu-list');
        for (const other of Array.from(siblings ?? [])) if (other !== list) other.hidden = true;
        list.hidden = false;
      };
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        open();
      });
      sub.addEventListener('mouseenter', open);
      sub.append(button, list);
      container.append(sub);
    }
  }
}

let menuSignature = '';

function renderMenus(s: StateView): void {
  const signature = JSON.stringify(s.menus);
  if (signature === menuSignature) return;
  menuSignature = signature;
  const list = byId('menu-extensions-list');
  list.replaceChildren();
  const extra = byId('menu-extra');
  extra.replaceChildren();
  for (const menu of s.menus) {
    // Add-on menus live under Extensions; a script's own createMenu() menus sit in the menu bar.
    if (menu.addon) renderMenuItems([{ type: 'submenu', caption: menu.name, items: menu.items }], list);
    else {
      const root = h('div', { class: 'menu-root' });
      const button = h('button', {
        type: 'button',
        class: 'menu-button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        text: menu.name,
      });
      const items = h('div', { class: 'menu-list', role: 'menu' });
      items.hidden = true;
      renderMenuItems(menu.items, items);
      wireMenuButton(button, items);
      root.append(button, items);
      extra.append(root);
    }
  }
  if (s.menus.length === 0) {
    list.append(
      h('div', { class: 'muted', style: 'padding:8px 16px', text: 'No add-on menu (onOpen added none).' }),
    );
  }
}

function closeMenus(): void {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('.menu-list'))) el.hidden = true;
  for (const b of Array.from(document.querySelectorAll<HTMLElement>('.menu-button')))
    b.setAttribute('aria-expanded', 'false');
}

function wireMenuButton(button: HTMLElement, list: HTMLElement): void {
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    const open = list.hidden;
    closeMenus();
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
}

function renderTabs(s: StateView): void {
  const tabs = byId('tabs');
  tabs.replaceChildren(
    ...s.sheets
      .filter((sheet) => showHidden || !sheet.hidden)
      .map((sheet) => {
        const tab = h('button', {
          type: 'button',
          role: 'tab',
          class: sheet.hidden ? 'tab hidden-sheet' : 'tab',
          'aria-selected': String(sheet.name === s.grid.name),
          'data-sheet': sheet.name,
          title: sheet.hidden ? `${sheet.name} (hidden sheet)` : sheet.name,
          text: sheet.name,
        });
        if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
        tab.addEventListener('click', () => void switchSheet(sheet.name));
        tab.addEventListener('contextmenu', (e) => {
          e.preventDefault();
          showContextMenu(e.clientX, e.clientY, [
            { label: 'Delete', action: () => void deleteSheet(sheet.name) },
          ]);
        });
        return tab;
      }),
  );
}

function cellAt(grid: GridView, pos: Pos): CellView | null {
  return grid.cells[pos.r - 1]?.[pos.c - 1] ?? null;
}

function inRange(pos: Pos): boolean {
  return (
    pos.r >= Math.min(anchor.r, focus.r) &&
    pos.r <= Math.max(anchor.r, focus.r) &&
    pos.c >= Math.min(anchor.c, focus.c) &&
    pos.c <= Math.max(anchor.c, focus.c)
  );
}

function renderGrid(grid: GridView): void {
  const table = byId<HTMLTableElement>('grid');
  const rowHeight = 24;
  const headHeight = 24;
  const rowHeadWidth = 46;
  const colgroup = h('colgroup', {}, h('col', { style: `width:${rowHeadWidth}px` }));
  const lefts: number[] = [];
  let left = rowHeadWidth;
  let total = rowHeadWidth;
  grid.colWidths.forEach((w) => {
    lefts.push(left);
    const width = w === 0 ? 4 : w;
    left += width;
    total += width;
    colgroup.append(h('col', { style: `width:${width}px` }));
  });
  table.style.width = `${total}px`;
  const headRow = h('tr', {}, h('th', { class: 'corner' }));
  for (let c = 1; c <= grid.cols; c++) {
    const th = h('th', { class: 'col-head', 'data-col': String(c), text: columnLetters(c) });
    if (c >= Math.min(anchor.c, focus.c) && c <= Math.max(anchor.c, focus.c))
      th.classList.add('head-selected');
    th.addEventListener('mousedown', (e) => {
      e.preventDefault();
      selectWhole('col', c);
    });
    headRow.append(th);
  }
  const body = h('tbody');
  for (let r = 1; r <= grid.rows; r++) {
    const tr = h('tr');
    const rh = h('th', { 'data-row': String(r), text: String(r) });
    if (r >= Math.min(anchor.r, focus.r) && r <= Math.max(anchor.r, focus.r))
      rh.classList.add('head-selected');
    rh.addEventListener('mousedown', (e) => {
      e.preventDefault();
      if (e.button === 2 && r >= Math.min(anchor.r, focus.r) && r <= Math.max(anchor.r, focus.r)) return;
      selectWhole('row', r);
    });
    rh.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      rowMenu(grid.name, e.clientX, e.clientY);
    });
    if (r <= grid.frozenRows) {
      rh.style.top = `${headHeight + (r - 1) * rowHeight}px`;
      rh.style.zIndex = '4';
    }
    tr.append(rh);
    for (let c = 1; c <= grid.cols; c++) {
      const td = renderCell(grid, { r, c });
      if (r <= grid.frozenRows) {
        td.classList.add('frozen-row');
        td.style.top = `${headHeight + (r - 1) * rowHeight}px`;
        if (r === grid.frozenRows) td.classList.add('frozen-row-last');
      }
      if (c <= grid.frozenCols) {
        td.classList.add('frozen-col');
        td.style.left = `${lefts[c - 1]}px`;
        if (c === grid.frozenCols) td.classList.add('frozen-col-last');
      }
      tr.append(td);
    }
    spill(grid, r, tr);
    body.append(tr);
  }
  table.replaceChildren(colgroup, h('thead', {}, headRow), body);
  let layer = document.getElementById('chart-layer');
  if (!layer) {
    layer = h('div', { class: 'chart-layer' });
    layer.id = 'chart-layer';
    table.after(layer);
  }
  placeCharts(layer, grid.charts ?? [], { rowHeadWidth, headHeight, rowHeight, colWidths: grid.colWidths });
  byId('more-rows').hidden = grid.rows >= grid.maxRows;
}

/**
 * Text that does not fit its cell runs on over the empty cells to its right, as in Sheets (left-aligned text
 * that is not a number, a checkbox or a dropdown); it stops at the first cell that holds something.
 */
function spill(grid: GridView, r: number, tr: HTMLTableRowElement): void {
  const empty = (c: number) => {
    const cell = cellAt(grid, { r, c });
    return !cell || ((cell.t ?? '') === '' && !cell.check && cell.list === undefined);
  };
  for (let c = 1; c <= grid.cols; c++) {
    const cell = cellAt(grid, { r, c });
    if (!cell?.t || cell.k || cell.check || cell.list !== undefined || (cell.align && cell.align !== 'left'))
      continue;
    if (grid.colWidths[c - 1] === 0) continue; // a hidden column's text stays hidden
    let width = grid.colWidths[c - 1] ?? 100;
    let next = c + 1;
    while (next <= grid.cols && empty(next)) width += grid.colWidths[next++ - 1] ?? 100;
    if (next === c + 1) continue;
    const td = tr.children[c] as HTMLElement;
    const text = td.firstChild;
    if (!(text instanceof Text)) continue;
    td.classList.add('spill');
    td.replaceChild(h('span', { class: 'spill-text', style: `width:${width - 9}px`, text: cell.t }), text);
  }
}

function renderCell(grid: GridView, pos: Pos): HTMLTableCellElement {
  const cell = cellAt(grid, pos);
  const ref = a1(pos.r, pos.c);
  const td = h('td', { 'data-a1': ref });
  if (inRange(pos)) td.classList.add('in-range');
  if (pos.r === anchor.r && pos.c === anchor.c) td.classList.add('current');
  if (!cell) return td;
  if (cell.k === 'n') td.classList.add('num');
  if (cell.k === 'b' || cell.check) td.classList.add('bool');
  if (cell.align) td.style.textAlign = cell.align;
  if (cell.bg) td.style.background = cell.bg;
  if (cell.fc) td.style.color = cell.fc;
  if (cell.bold) td.style.fontWeight = 'bold';
  if (cell.italic) td.style.fontStyle = 'italic';
  const tips: string[] = [];
  if (cell.err) {
    td.classList.add('has-error');
    tips.push(`Error: ${cell.err}`);
  }
  if (cell.invalid) {
    td.classList.add('invalid');
    tips.push(`Invalid: ${cell.invalid}`);
  }
  if (cell.note) {
    td.classList.add('has-note');
    tips.push(cell.note);
  }
  if (cell.check) {
    const box = h('input', { type: 'checkbox', tabindex: '-1', 'aria-label': `Checkbox ${ref}` });
    box.checked = cell.b === true;
    box.addEventListener('mousedown', (e) => e.stopPropagation());
    box.addEventListener('click', (e) => {
      e.preventDefault();
      anchor = focus = pos;
      void commit(pos, cell.b === true ? 'FALSE' : 'TRUE');
    });
    td.append(box);
  } else {
    const text = cell.t ?? '';
    const doc = state?.documents.find((d) => d.url === text);
    if (doc) {
      const link = h('a', { class: 'link', href: '#', text: doc.name || text });
      link.addEventListener('click', (e) => {
        e.preventDefault();
        void openDocument(doc.id);
      });
      td.append(link);
    } else td.append(text);
    if (!tips.length && text.length > 12) tips.push(text);
  }
  if (cell.list !== undefined && (cell.t || (pos.r === anchor.r && pos.c === anchor.c))) {
    td.classList.add('dropdown');
    td.append(h('span', { class: 'chevron', 'aria-hidden': 'true', text: '▼' }));
  }
  if (tips.length) td.title = tips.join('\n');
  return td;
}

function renderFormulaBar(): void {
  if (!state) return;
  byId('name-box').textContent = a1(anchor.r, anchor.c);
  const input = byId<HTMLInputElement>('formula-input');
  if (document.activeElement !== input) input.value = editText(cellAt(state.grid, anchor));
}

function editText(cell: CellView | null): string {
  if (!cell) return '';
  if (cell.f) return cell.f;
  if (cell.k === 'b') return cell.b ? 'TRUE' : 'FALSE';
  return cell.t ?? '';
}

let sidebarLoaded: number | null = null;
let dialogLoaded: number | null = null;

function renderPanels(s: StateView): void {
  const host = byId('sidebar-host');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  document.body.classList.toggle('sidebar-open', s.sidebar !== null);
  if (s.sidebar) {
    host.hidden = false;
    byId('sidebar-title').textContent = s.sidebar.title || 'Add-on';
    if (sidebarLoaded !== s.sidebar.id) {
      sidebarLoaded = s.sidebar.id;
      frame.src = `/panel/${s.sidebar.id}`;
    }
  } else {
    host.hidden = true;
    if (sidebarLoaded !== null) frame.src = 'about:blank';
    sidebarLoaded = null;
  }
  const dialog = byId('html-dialog');
  const dframe = byId<HTMLIFrameElement>('html-dialog-frame');
  if (s.dialog) {
    dialog.hidden = false;
    byId('html-dialog-title').textContent = s.dialog.title;
    dframe.style.width = `${s.dialog.width ?? 600}px`;
    dframe.style.height = `${s.dialog.height ?? 400}px`;
    if (dialogLoaded !== s.dialog.id) {
      dialogLoaded = s.dialog.id;
      dframe.src = `/panel/${s.dialog.id}`;
    }
  } else {
    dialog.hidden = true;
    if (dialogLoaded !== null) dframe.src = 'about:blank';
    dialogLoaded = null;
  }
}

function renderDocuments(s: StateView): void {
  byId('documents-count').textContent = String(s.documents.length);
  const list = byId('documents-list');
  list.replaceChildren(
    ...s.documents.map((d) => {
      const button = h('button', { type: 'button', 'data-document': d.id, text: d.name || d.id });
      button.addEventListener('click', () => void openDocument(d.id));
      return h('li', {}, button);
    }),
  );
  byId('documents-empty').hidden = s.documents.length > 0;
}

/** The "Sent mail" list: who, when, the subject; a click shows the message as text. */
function renderMail(s: StateView): void {
  byId('mail-count').textContent = String(s.mail.length);
  const list = byId('mail-list');
  list.replaceChildren(
    ...s.mail.map((m) => {
      const button = h('button', {
        type: 'button',
        'data-mail': String(m.index),
        text: `${m.to} · ${m.subject}`,
      });
      button.addEventListener('click', () => openMail(m));
      return h('li', {}, button);
    }),
  );
  byId('mail-empty').hidden = s.mail.length > 0;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Shows a sent email in the document viewer: its headers and plain-text body, escaped (never as HTML). */
function openMail(m: MailInfo): void {
  byId('doc-title-text').textContent = m.subject;
  const head = [`From: ${m.from}`, `To: ${m.to}`, `Sent: ${m.at}`, `Subject: ${m.subject}`]
    .map(escapeText)
    .join('<br>');
  byId<HTMLIFrameElement>('doc-frame').srcdoc =
    '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:24px;background:#fff;' +
    'font:14px/1.5 Arial,sans-serif;color:#202124}.head{color:#5f6368;border-bottom:1px solid #dadce0;' +
    'padding-bottom:8px;margin-bottom:12px}pre{white-space:pre-wrap;font:inherit}</style></head><body>' +
    `<div class="head">${head}</div><pre>${escapeText(m.body)}</pre></body></html>`;
  byId('doc-viewer').hidden = false;
  byId('mail-panel').hidden = true;
}

// ---------------------------------------------------------------------------------------------------------
// Events from the server: toasts, alerts, script errors

const alertQueue: PreviewEvent[] = [];
let alertShowing = false;

function handleEvents(events: PreviewEvent[]): void {
  for (const event of events) {
    if (event.seq <= lastSeq) continue;
    if (event.kind === 'toast') showToast(event.message, event.title, event.timeoutSeconds);
    else if (event.kind === 'error') showError(`${event.title ?? 'Error'}: ${event.message}`);
    else alertQueue.push(event);
  }
  void drainAlerts();
}

async function drainAlerts(): Promise<void> {
  if (alertShowing) return;
  alertShowing = true;
  try {
    for (let next = alertQueue.shift(); next; next = alertQueue.shift()) {
      if (next.kind !== 'alert') continue;
      await ask({ kind: 'alert', title: next.title, message: next.message, buttons: 'OK' });
    }
  } finally {
    alertShowing = false;
  }
}

function showToast(message: string, title?: string, timeoutSeconds?: number): void {
  const close = h('button', { type: 'button', 'aria-label': 'Dismiss', text: '×' });
  const toast = h(
    'div',
    { class: 'toast', role: 'status' },
    h('div', {}, ...(title ? [h('strong', { text: title })] : []), message),
    close,
  );
  close.addEventListener('click', () => toast.remove());
  // Sheets shows one toast at a time: a new one replaces the one on screen.
  byId('toasts').replaceChildren(toast);
  const seconds = timeoutSeconds === undefined || timeoutSeconds === null ? 5 : timeoutSeconds;
  if (seconds >= 0) setTimeout(() => toast.remove(), Math.max(1, seconds) * 1000);
}

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};

const LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

/** Shows an alert or prompt in the page and resolves with the button pressed (and the text typed). */
function ask(dialog: DialogRequest): Promise<{ button: string; text: string }> {
  return new Promise((resolve) => {
    const modal = byId('modal');
    byId('modal-title').textContent = dialog.title ?? '';
    byId('modal-title').hidden = !dialog.title;
    byId('modal-message').textContent = dialog.message;
    const input = byId<HTMLInputElement>('modal-input');
    input.hidden = dialog.kind !== 'prompt';
    input.value = '';
    const buttons = BUTTONS[dialog.buttons] ?? ['OK'];
    const done = (button: string) => {
      modal.hidden = true;
      modal.onkeydown = null;
      resolve({ button, text: input.value });
    };
    byId('modal-buttons').replaceChildren(
      ...buttons.map((b, i) => {
        const el = h('button', {
          type: 'button',
          class: i === buttons.length - 1 ? 'primary' : '',
          'data-button': b,
          text: LABELS[b] ?? b,
        });
        el.addEventListener('click', () => done(b));
        return el;
      }),
    );
    modal.onkeydown = (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        done(buttons[buttons.length - 1]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        done(buttons.includes('CANCEL') ? 'CANCEL' : buttons.includes('NO') ? 'NO' : buttons[0]);
      }
    };
    modal.hidden = false;
    if (dialog.kind === 'prompt') input.focus();
    else (byId('modal-buttons').lastElementChild as HTMLElement | null)?.focus();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Actions

async function runMenu(functionName: string, answers: DialogAnswer[]): Promise<void> {
  try {
    const { data } = await api<MenuResponse>('POST', '/api/menu', { functionName, answers });
    if (data.status === 'done') {
      applyState(data.state);
      return;
    }
    const answer = await ask(data.dialog);
    await runMenu(functionName, [...data.answers, { button: answer.button, text: answer.text }]);
  } catch (error) {
    report(error);
  }
}

async function commit(pos: Pos, input: string): Promise<boolean> {
  if (!state) return false;
  try {
    const { data } = await api<CellResponse>('POST', '/api/cell', {
      sheet: state.grid.name,
      a1: a1(pos.r, pos.c),
      input,
    });
    if (!data.ok) {
      await ask({ kind: 'alert', title: 'There was a problem', message: data.error, buttons: 'OK' });
      renderGrid(state.grid);
      renderFormulaBar();
      return false;
    }
    applyState(data.state);
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

async function sendSelection(): Promise<void> {
  if (!state) return;
  const sheet = state.grid.name;
  rememberedSelection.set(sheet, { anchor, focus });
  const range =
    anchor.r === focus.r && anchor.c === focus.c
      ? a1(anchor.r, anchor.c)
      : `${a1(Math.min(anchor.r, focus.r), Math.min(anchor.c, focus.c))}:${a1(
          Math.max(anchor.r, focus.r),
          Math.max(anchor.c, focus.c),
        )}`;
  try {
    await api('POST', '/api/select', { sheet, a1: range });
  } catch (error) {
    report(error);
  }
}

function setSelection(next: Pos, extend: boolean): void {
  if (!state) return;
  const grid = state.grid;
  const clamped = {
    r: Math.max(1, Math.min(grid.maxRows, next.r)),
    c: Math.max(1, Math.min(grid.cols, next.c)),
  };
  if (extend) focus = clamped;
  else anchor = focus = clamped;
  if (clamped.r > grid.rows) {
    extraRows += 50;
    void sendSelection().then(refresh);
    return;
  }
  renderGrid(grid);
  renderFormulaBar();
  scrollIntoView(focus);
  void sendSelection();
}

function selectWhole(kind: 'row' | 'col', index: number): void {
  if (!state) return;
  finishEditing(true);
  const grid = state.grid;
  if (kind === 'row') {
    anchor = { r: index, c: 1 };
    focus = { r: index, c: grid.cols };
  } else {
    anchor = { r: 1, c: index };
    focus = { r: grid.rows, c: index };
  }
  rememberedSelection.set(grid.name, { anchor, focus });
  renderGrid(grid);
  renderFormulaBar();
  const range = kind === 'row' ? `${index}:${index}` : `${columnLetters(index)}:${columnLetters(index)}`;
  void api('POST', '/api/select', { sheet: grid.name, a1: range }).catch(report);
}

function scrollIntoView(pos: Pos): void {
  const td = document.querySelector<HTMLElement>(`td[data-a1="${a1(pos.r, pos.c)}"]`);
  td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

async function switchSheet(name: string): Promise<void> {
  if (!state || name === state.grid.name) return;
  finishEditing(true);
  if (state) rememberedSelection.set(state.grid.name, { anchor, focus });
  const remembered = rememberedSelection.get(name);
  const ref = remembered ? a1(remembered.anchor.r, remembered.anchor.c) : 'A1';
  extraRows = 0;
  try {
    const { data } = await api<{ ok: true; state: StateView }>('POST', '/api/select?state=1', {
      sheet: name,
      a1: ref,
    });
    applyState(data.state);
    byId('grid-scroll').scrollTo(0, 0);
    if (remembered) scrollIntoView(remembered.anchor);
  } catch (error) {
    report(error);
  }
}

function startEditing(initial?: string): void {
  if (!state || editing) return;
  const pos = anchor;
  const cell = cellAt(state.grid, pos);
  if (cell?.check) {
    void commit(pos, cell.b === true ? 'FALSE' : 'TRUE');
    return;
  }
  const td = document.querySelector<HTMLElement>(`td[data-a1="${a1(pos.r, pos.c)}"]`);
  if (!td) return;
  const input = h('input', {
    class: 'cell-editor',
    spellcheck: 'false',
    autocomplete: 'off',
    id: 'cell-editor',
  });
  input.value = initial ?? editText(cell);
  if (cell?.list !== undefined) {
    const listId = 'cell-editor-options';
    input.setAttribute('list', listId);
    td.append(
      h(
        'datalist',
        { id: listId },
        ...(state.grid.lists[cell.list] ?? []).map((o) => h('option', { value: o })),
      ),
    );
  }
  td.classList.add('editing');
  td.append(input);
  editing = { pos, input, cancelled: false };
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  showHelp(td, cell);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const move = e.key === 'Enter' ? { r: pos.r + 1, c: pos.c } : { r: pos.r, c: pos.c + 1 };
      void finishEditing(false).then((ok) => {
        if (ok) setSelection(move, false);
      });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finishEditing(true);
    }
    e.stopPropagation();
  });
  input.addEventListener('input', () => {
    byId<HTMLInputElement>('formula-input').value = input.value;
    showFormulaHelp(input, td, cell);
  });
  input.addEventListener('keyup', () => showFormulaHelp(input, td, cell));
  input.addEventListener('click', () => showFormulaHelp(input, td, cell));
  input.addEventListener('blur', () => {
    if (editing?.input === input) void finishEditing(false);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Formula help: what Sheets shows under a cell while you type =PASSES( — from the custom functions' JSDoc

let functionHelps: FunctionHelp[] = [];

/** The innermost function call the caret is in ("=IF(PASSES(C3:E3, |"), and which of its arguments. */
function callAtCaret(text: string, caret: number): { name: string; argument: number } | null {
  if (!text.startsWith('=')) return null;
  const stack: { name: string; argument: number }[] = [];
  let quoted = false;
  for (let i = 1; i < caret; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') {
      const name = /([A-Za-z_][\w.]*)\s*$/.exec(text.slice(0, i))?.[1] ?? '';
      stack.push({ name: name.toUpperCase(), argument: 0 });
    } else if (ch === ')') stack.pop();
    else if (ch === ',' && stack.length > 0) stack[stack.length - 1].argument++;
  }
  return stack[stack.length - 1] ?? null;
}

/** Shows the help of the custom function being typed, or the cell's validation help, under the cell. */
function showFormulaHelp(input: HTMLInputElement, anchorEl: HTMLElement, cell: CellView | null): void {
  const call = callAtCaret(input.value, input.selectionStart ?? input.value.length);
  const help = call ? functionHelps.find((f) => f.name === call.name) : undefined;
  if (!help || !call) {
    if (anchorEl.tagName === 'TD') showHelp(anchorEl, cell);
    else byId('help-pop').hidden = true;
    return;
  }
  const pop = byId('help-pop');
  pop.classList.remove('bad');
  pop.classList.add('formula-help');
  const current = help.params[Math.min(call.argument, help.params.length - 1)];
  const signature = h(
    'div',
    { class: 'fh-signature' },
    `${help.name}(`,
    ...help.params.flatMap((p, i) => {
      const text = p.optional ? `[${p.name}]` : p.name;
      const part = p === current ? h('strong', { text }) : text;
      return i === 0 ? [part] : [', ', part];
    }),
    ')',
  );
  pop.replaceChildren(
    signature,
    h('div', { class: 'fh-summary', text: help.description }),
    ...(current
      ? [h('div', { class: 'fh-param' }, h('strong', { text: current.name }), ` — ${current.description}`)]
      : []),
    ...(help.returns ? [h('div', { class: 'fh-returns', text: `Returns: ${help.returns}` })] : []),
  );
  const rect = anchorEl.getBoundingClientRect();
  pop.style.left = `${rect.left}px`;
  pop.style.top = `${rect.bottom + 4}px`;
  pop.hidden = false;
}

// ---------------------------------------------------------------------------------------------------------
// Right-click menus: delete a sheet, insert or delete rows (as Sheets' own menus do, without the add-on)

function showContextMenu(x: number, y: number, items: { label: string; action: () => void }[]): void {
  const menu = byId('context-menu');
  menu.replaceChildren(
    ...items.map((item) => {
      const button = h('button', { type: 'button', role: 'menuitem', text: item.label });
      button.addEventListener('click', () => {
        menu.hidden = true;
        item.action();
      });
      return button;
    }),
  );
  menu.style.left = `${x}px`;
  menu.style.top = `${y}px`;
  menu.hidden = false;
  menu.querySelector('button')?.focus();
}

function rowMenu(sheet: string, x: number, y: number): void {
  const first = Math.min(anchor.r, focus.r);
  const count = Math.abs(focus.r - anchor.r) + 1;
  const rows = count === 1 ? 'row' : `${count} rows`;
  const change = (action: RowAction, row: number) =>
    void api<{ ok: true; state: StateView }>('POST', '/api/rows', { sheet, action, row, count })
      .then(({ data }) => applyState(data.state))
      .catch(report);
  showContextMenu(x, y, [
    { label: `Insert ${rows} above`, action: () => change('insertAbove', first) },
    { label: `Insert ${rows} below`, action: () => change('insertBelow', first + count - 1) },
    {
      label: count === 1 ? `Delete row ${first}` : `Delete rows ${first}–${first + count - 1}`,
      action: () => change('delete', first),
    },
  ]);
}

async function deleteSheet(name: string): Promise<void> {
  const answer = await ask({
    kind: 'alert',
    title: `Delete "${name}"?`,
    message: 'The sheet and everything on it are removed. Formulas that point at it show #REF!.',
    buttons: 'OK_CANCEL',
  });
  if (answer.button !== 'OK') return;
  try {
    const { data } = await api<{ ok: true; state: StateView }>('POST', '/api/sheet/delete', { sheet: name });
    applyState(data.state);
  } catch (error) {
    report(error);
  }
}

function showHelp(td: HTMLElement, cell: CellView | null): void {
  const pop = byId('help-pop');
  const help = cell?.help !== undefined ? state?.grid.helps[cell.help] : undefined;
  if (!help) {
    pop.hidden = true;
    return;
  }
  const rect = td.getBoundingClientRect();
  pop.textContent = help;
  pop.classList.remove('formula-help');
  pop.style.left = `${rect.left}px`;
  pop.style.top = `${rect.bottom + 4}px`;
  pop.hidden = false;
}

/** Ends inline editing: commits the value (unless cancelled) and redraws. Resolves whether it was saved. */
function finishEditing(cancel: boolean): Promise<boolean> {
  const current = editing;
  if (!current) return Promise.resolve(true);
  editing = null;
  byId('help-pop').hidden = true;
  const value = current.input.value;
  const before = state ? editText(cellAt(state.grid, current.pos)) : '';
  if (cancel || value === before) {
    if (state) renderGrid(state.grid);
    renderFormulaBar();
    byId('grid-scroll').focus();
    return Promise.resolve(true);
  }
  byId('grid-scroll').focus();
  return commit(current.pos, value);
}

/**
 * A document drawn to scale as Google Docs lays it out: the page's width and margins in points (CSS pt is the
 * same 1/72 inch), Docs' default fonts (Arial 11 pt; Title 26, Heading 1 20, Heading 2 16), tables with 1 pt
 * borders and 5 pt cell padding, and a faint line wherever a page ends.
 */
function documentPage(doc: DocumentView): string {
  const p = doc.page;
  const n = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0);
  const text = n(p.width - p.marginLeft - p.marginRight);
  const style = `<style>
      body{margin:0;padding:24px 0;background:#f1f3f4;color:#000;font:11pt/1.15 Arial,sans-serif}
      main{box-sizing:content-box;width:${text}pt;min-height:${n(p.height - p.marginTop - p.marginBottom)}pt;
        margin:0 auto;padding:${n(p.marginTop)}pt ${n(p.marginRight)}pt ${n(p.marginBottom)}pt ${n(p.marginLeft)}pt;
        background:#fff repeating-linear-gradient(to bottom,transparent 0,transparent calc(${n(p.height)}pt - 1px),#9aa0a6 calc(${n(p.height)}pt - 1px),#9aa0a6 ${n(p.height)}pt);
        box-shadow:0 1px 3px rgba(0,0,0,.25)}
      h1{font-size:26pt;font-weight:normal;margin:0 0 3pt}h2{font-size:20pt;font-weight:normal;margin:20pt 0 6pt}
      h3{font-size:16pt;font-weight:normal;margin:18pt 0 4pt}p{margin:0 0 6pt}ul{margin:0 0 6pt;padding-left:24pt}
      table{border-collapse:collapse;table-layout:fixed;width:${text}pt;margin:0 0 8pt}
      td{border:1pt solid #000;padding:5pt;text-align:left;vertical-align:top;overflow-wrap:anywhere;white-space:pre-wrap}
      a{color:#1155cc}</style>`;
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank">${style}</head><body><main data-page-width="${n(p.width)}">${doc.html}</main></body></html>`;
}

async function openDocument(id: string): Promise<void> {
  try {
    const { data } = await api<DocumentView>('GET', `/api/document/${encodeURIComponent(id)}`);
    byId('doc-title-text').textContent = data.name;
    byId<HTMLIFrameElement>('doc-frame').srcdoc = documentPage(data);
    byId('doc-viewer').hidden = false;
    byId('documents-panel').hidden = true;
  } catch (error) {
    report(error);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sidebar / dialog bridge

function panelFor(
  source: MessageEventSource | null,
): { frame: HTMLIFrameElement; panel: HtmlPanelView } | null {
  if (!state) return null;
  const sidebar = byId<HTMLIFrameElement>('sidebar-frame');
  const dialog = byId<HTMLIFrameElement>('html-dialog-frame');
  if (state.sidebar && source === sidebar.contentWindow) return { frame: sidebar, panel: state.sidebar };
  if (state.dialog && source === dialog.contentWindow) return { frame: dialog, panel: state.dialog };
  return null;
}

window.addEventListener('message', (event: MessageEvent) => {
  const target = panelFor(event.source);
  if (!target) return;
  const data = event.data as PanelToPage | undefined;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'scorecard-close') {
    void api<{ ok: true; state: StateView }>('POST', '/api/panel/close', { id: target.panel.id })
      .then(({ data: r }) => applyState(r.state))
      .catch(report);
    return;
  }
  if (data.type !== 'scorecard-run') return;
  const reply = (response: RunResponse) => {
    const message: PageToPanel = { type: 'scorecard-result', callId: data.callId, response };
    target.frame.contentWindow?.postMessage(message, '*');
  };
  api<RunResponse>('POST', '/api/run', { functionName: data.functionName, args: data.args })
    .then(({ data: response }) => {
      reply(response);
      return refresh();
    })
    .catch((error: unknown) => {
      reply({
        ok: false,
        error: { name: 'Error', message: error instanceof Error ? error.message : String(error) },
      });
    });
});

// ---------------------------------------------------------------------------------------------------------
// Wiring

function cellFromEvent(target: EventTarget | null): Pos | null {
  const td = (target as HTMLElement | null)?.closest?.('td[data-a1]');
  return td ? parseCell(td.getAttribute('data-a1') ?? '') : null;
}

function wire(): void {
  const grid = byId('grid');
  grid.addEventListener('mousedown', (e) => {
    const pos = cellFromEvent(e.target);
    if (!pos || (editing && editing.pos.r === pos.r && editing.pos.c === pos.c)) return;
    e.preventDefault();
    void finishEditing(false);
    setSelection(pos, e.shiftKey);
    byId('grid-scroll').focus();
  });
  grid.addEventListener('dblclick', (e) => {
    const pos = cellFromEvent(e.target);
    if (pos) startEditing();
  });
  byId('grid-scroll').addEventListener('keydown', (e) => {
    if (editing || !state || e.target !== byId('grid-scroll')) return;
    const moves: Record<string, Pos> = {
      ArrowUp: { r: -1, c: 0 },
      ArrowDown: { r: 1, c: 0 },
      ArrowLeft: { r: 0, c: -1 },
      ArrowRight: { r: 0, c: 1 },
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const from = e.shiftKey ? focus : anchor;
      setSelection({ r: from.r + move.r, c: from.c + move.c }, e.shiftKey);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      setSelection({ r: anchor.r, c: anchor.c + (e.shiftKey ? -1 : 1) }, false);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEditing();
    } else if (e.key === ' ' && cellAt(state.grid, anchor)?.check) {
      e.preventDefault();
      startEditing();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void commit(anchor, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEditing(e.key);
    }
  });

  const formula = byId<HTMLInputElement>('formula-input');
  for (const event of ['input', 'keyup', 'click', 'focus'])
    formula.addEventListener(event, () => showFormulaHelp(formula, byId('formula-bar'), null));
  formula.addEventListener('blur', () => (byId('help-pop').hidden = true));
  formula.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const pos = anchor;
      void commit(pos, formula.value).then((ok) => {
        formula.blur();
        if (ok) setSelection({ r: pos.r + 1, c: pos.c }, false);
        byId('grid-scroll').focus();
      });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      formula.blur();
      renderFormulaBar();
    }
  });

  wireMenuButton(byId('menu-extensions'), byId('menu-extensions-list'));
  wireMenuButton(byId('menu-preview'), byId('menu-preview-list'));
  document.addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('#context-menu')) byId('context-menu').hidden = true;
    if (!(e.target as HTMLElement).closest('.menu-root')) closeMenus();
    if (!(e.target as HTMLElement).closest('#mail-panel, #mail-button')) {
      byId('mail-panel').hidden = true;
      byId('mail-button').setAttribute('aria-expanded', 'false');
    }
    if (!(e.target as HTMLElement).closest('#documents-panel, #documents-button')) {
      byId('documents-panel').hidden = true;
      byId('documents-button').setAttribute('aria-expanded', 'false');
    }
  });

  const reset = async (mode: 'sample' | 'blank') => {
    closeMenus();
    const answer = await ask({
      kind: 'alert',
      title: mode === 'sample' ? 'Reset the sample workbook?' : 'Start with a blank spreadsheet?',
      message:
        mode === 'sample'
          ? 'The workbook goes back to the sample candidates and scores. Your changes in this preview are lost.'
          : 'You get an empty spreadsheet with the add-on installed; run Extensions ▸ Scorecard ▸ Set up workbook to begin. Your changes in this preview are lost.',
      buttons: 'OK_CANCEL',
    });
    if (answer.button !== 'OK') return;
    try {
      const { data } = await api<{ ok: true; state: StateView }>('POST', '/api/reset', { mode });
      rememberedSelection.clear();
      extraRows = 0;
      state = null;
      applyState(data.state);
      showToast(mode === 'sample' ? 'Sample workbook restored.' : 'Blank spreadsheet ready.', 'Preview', 4);
    } catch (error) {
      report(error);
    }
  };
  byId('reset-sample').addEventListener('click', () => void reset('sample'));
  byId('preview-reload').addEventListener('click', () => {
    closeMenus();
    api<{ ok: true; state: StateView }>('POST', '/api/reload', {})
      .then(({ data }) => applyState(data.state))
      .catch(report);
  });
  byId('preview-triggers').addEventListener('click', () => {
    closeMenus();
    api<{ ok: true; state: StateView }>('POST', '/api/triggers', {})
      .then(({ data }) => applyState(data.state))
      .catch(report);
  });
  byId('mail-button').addEventListener('click', () => {
    const panel = byId('mail-panel');
    panel.hidden = !panel.hidden;
    byId('mail-button').setAttribute('aria-expanded', String(!panel.hidden));
  });
  byId('preview-reset-sample').addEventListener('click', () => void reset('sample'));
  byId('preview-reset-blank').addEventListener('click', () => void reset('blank'));
  byId<HTMLInputElement>('show-hidden').addEventListener('change', (e) => {
    showHidden = (e.target as HTMLInputElement).checked;
    if (state) renderTabs(state);
  });

  byId('user-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const email = byId<HTMLInputElement>('user-input').value.trim();
    api<{ ok: true; state: StateView }>('POST', '/api/user', { email })
      .then(({ data }) => {
        applyState(data.state);
        byId<HTMLInputElement>('user-input').blur();
        showToast(`You are now ${email || 'a user whose email is hidden'}.`, 'Signed in', 3);
      })
      .catch(report);
  });

  byId('documents-button').addEventListener('click', () => {
    const panel = byId('documents-panel');
    panel.hidden = !panel.hidden;
    byId('documents-button').setAttribute('aria-expanded', String(!panel.hidden));
  });
  byId('doc-close').addEventListener('click', () => {
    byId('doc-viewer').hidden = true;
  });
  byId('sidebar-close').addEventListener('click', () => {
    if (state?.sidebar)
      void api<{ ok: true; state: StateView }>('POST', '/api/panel/close', { id: state.sidebar.id })
        .then(({ data }) => applyState(data.state))
        .catch(report);
  });
  byId('html-dialog-close').addEventListener('click', () => {
    if (state?.dialog)
      void api<{ ok: true; state: StateView }>('POST', '/api/panel/close', { id: state.dialog.id })
        .then(({ data }) => applyState(data.state))
        .catch(report);
  });
  byId('error-close').addEventListener('click', () => {
    byId('error-bar').hidden = true;
  });
  byId('more-rows').addEventListener('click', () => {
    extraRows += 50;
    void refresh().catch(report);
  });
}

wire();
void api<FunctionHelp[]>('GET', '/api/functions')
  .then(({ data }) => (functionHelps = data))
  .catch(report);
refresh()
  .then(() => {
    document.body.dataset.ready = 'true';
    byId('grid-scroll').focus();
  })
  .catch(report);
