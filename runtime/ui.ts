/**
 * SpreadsheetApp.getUi() fake: records menus, toasts, alerts, prompts, sidebars and dialogs.
 *
 * alert and prompt suspend the script while the dialog is open, and the execution's LockService locks are
 * released then ("The script resumes after the user dismisses the dialog, but … LockService locks don't persist
 * across the suspension", https://developers.google.com/apps-script/reference/base/ui#alert(String)). A scripted
 * answer may be a function: it runs while the dialog is open (after the locks were released), so a test can run
 * another execution there — another user's action — and then answer. showModalDialog, showModelessDialog and
 * showSidebar do not suspend the script (their reference says so); the execution goes on and ends, and what the
 * dialog calls later runs as new executions.
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { FakeHtmlOutput } from './html';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const Button: Record<ButtonName, ButtonName> = {
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
  CLOSE: 'CLOSE',
};
export const ButtonSet: Record<ButtonSetName, ButtonSetName> = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
};

const DEFAULT_BUTTON: Record<ButtonSetName, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** The menu's caption; "Scorecard"-style add-on menus carry the add-on name given to createRuntime. */
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface ToastRecord {
  message: string;
  title?: string;
  timeoutSeconds?: number;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title?: string;
  message: string;
  buttons: ButtonSetName;
  /** What the fake answered. */
  button: ButtonName;
  text?: string;
}

export interface HtmlShownRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
  output: FakeHtmlOutput;
}

/** An answer for the next alert/prompt: a button name, or a button plus prompt text. */
export type ScriptedAnswer = ButtonName | { button?: ButtonName; text?: string };
/**
 * A scripted answer, or a function that runs while the dialog is open (other executions may run in it) and
 * returns the answer.
 */
export type ScriptedResponse = ScriptedAnswer | (() => ScriptedAnswer);

export class FakeMenu implements Api<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _ui: FakeUi,
    readonly _record: MenuRecord,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this._record.items.push({ type: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this._record.items.push({ type: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this._record.items.push({ type: 'submenu', menu: menu._record });
    return this;
  }

  addToUi(): void {
    const existing = this._ui.menus.findIndex(
      (m) => m.name === this._record.name && m.addon === this._record.addon,
    );
    if (existing >= 0) this._ui.menus.splice(existing, 1, this._record);
    else this._ui.menus.push(this._record);
  }
}
instrument(FakeMenu, 'Menu');

/** Checked against @types/google-apps-script (api.ts) except: getSelectedButton (Button enum: the fake uses strings). */
export class FakePromptResponse implements Api<GoogleAppsScript.Base.PromptResponse, 'getResponseText'> {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): ButtonName {
    return this.button;
  }
}

/** Ui.alert and Ui.prompt take (message), (message, buttons), (title, message) or (title, message, buttons). */
function dialogArgs(
  a: string,
  b?: string | ButtonSetName,
  c?: ButtonSetName,
): { title: string | undefined; message: string; buttons: ButtonSetName } {
  if (c !== undefined) return { title: a, message: String(b), buttons: c };
  if (b === undefined) return { title: undefined, message: a, buttons: 'OK' };
  if ((Object.keys(ButtonSet) as string[]).includes(b))
    return { title: undefined, message: a, buttons: b as ButtonSetName };
  return { title: a, message: b, buttons: 'OK' };
}

/** Checked against @types/google-apps-script (api.ts) except: alert (ButtonSet/Button enums: the fake uses strings); prompt (ButtonSet/Button enums). */
export class FakeUi implements Api<
  GoogleAppsScript.Base.Ui,
  'createAddonMenu' | 'createMenu' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar'
> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus added with addToUi (a menu added again under the same name replaces the old one). */
  readonly menus: MenuRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly shown: HtmlShownRecord[] = [];
  private readonly responses: ScriptedResponse[] = [];

  constructor(
    readonly _counters: Counters,
    private readonly _addonName: string,
    /** Suspends the running execution while a dialog is open: releases its locks, then gets the answer. */
    private readonly _suspend: <T>(whileOpen: () => T) => T = (whileOpen) => whileOpen(),
  ) {}

  /** Queues answers for the next alerts/prompts, in order. Without one, the first button of the set is pressed. */
  _respondWith(...responses: ScriptedResponse[]): void {
    this.responses.push(...responses);
  }

  private _next(buttons: ButtonSetName): { button: ButtonName; text: string } {
    return this._suspend(() => {
      const queued = this.responses.shift();
      return this._answer(buttons, typeof queued === 'function' ? queued() : queued);
    });
  }

  private _answer(
    buttons: ButtonSetName,
    r: ScriptedAnswer | undefined,
  ): { button: ButtonName; text: string } {
    if (r === undefined) return { button: DEFAULT_BUTTON[buttons], text: '' };
    if (typeof r === 'string') return { button: r, text: '' };
    return { button: r.button ?? DEFAULT_BUTTON[buttons], text: r.text ?? '' };
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this._counters, this, { name: caption, addon: false, items: [] });
  }

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this._counters, this, { name: this._addonName, addon: true, items: [] });
  }

  alert(a: string, b?: string | ButtonSetName, c?: ButtonSetName): ButtonName {
    const { title, message, buttons } = dialogArgs(a, b, c);
    const { button } = this._next(buttons);
    this.dialogs.push({ kind: 'alert', title, message, buttons, button });
    return button;
  }

  prompt(a: string, b?: string | ButtonSetName, c?: ButtonSetName): FakePromptResponse {
    const { title, message, buttons } = dialogArgs(a, b, c);
    const { button, text } = this._next(buttons);
    this.dialogs.push({ kind: 'prompt', title, message, buttons, button, text });
    return new FakePromptResponse(button, text);
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.shown.push({
      kind: 'sidebar',
      title: output._title,
      html: output._content,
      width: output._width,
      output,
    });
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.shown.push({
      kind: 'modal',
      title,
      html: output._content,
      width: output._width,
      height: output._height,
      output,
    });
  }

  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this.shown.push({
      kind: 'modeless',
      title,
      html: output._content,
      width: output._width,
      height: output._height,
      output,
    });
  }

  /** Records a toast (called by Spreadsheet.toast). */
  _toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.toasts.push({ message: String(message), title, timeoutSeconds });
  }

  /** Every menu item, flattened, with its path ("Scorecard ▸ Generate ▸ Stage 1"). */
  _menuItems(): Array<{ path: string; caption: string; functionName: string }> {
    const out: Array<{ path: string; caption: string; functionName: string }> = [];
    const walk = (menu: MenuRecord, prefix: string) => {
      for (const e of menu.items) {
        if (e.type === 'item')
          out.push({ path: `${prefix} ▸ ${e.caption}`, caption: e.caption, functionName: e.functionName });
        else if (e.type === 'submenu') walk(e.menu, `${prefix} ▸ ${e.menu.name}`);
      }
    };
    for (const m of this.menus) walk(m, m.name);
    return out;
  }
}
instrument(FakeUi, 'Ui');
