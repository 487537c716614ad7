/**
 * ScriptApp: the AuthMode enum, and installable time-driven triggers as an add-on gets them.
 *
 * Sources (Apps Script reference and guides, read through the `search` tool):
 * - ScriptApp, https://developers.google.com/apps-script/reference/script/script-app — newTrigger(functionName),
 *   getProjectTriggers() ("all installable triggers associated with the current project and current user"),
 *   getUserTriggers(spreadsheet) (the user's triggers in that spreadsheet, for this script or add-on only),
 *   deleteTrigger(trigger).
 * - ClockTriggerBuilder, https://developers.google.com/apps-script/reference/script/clock-trigger-builder —
 *   everyDays(n), atHour(hour) (0–23; the time is randomised within that hour), inTimezone(tz) (default: the
 *   script's time zone), create().
 * - Installable triggers, https://developers.google.com/apps-script/guides/triggers/installable — "Installable
 *   triggers always run under the account of the person who created them"; "A given account cannot see triggers
 *   installed from a second account, even though the first account can still activate those triggers"; "add-ons
 *   can only use time-based triggers once an hour at most".
 * - Add-on trigger restrictions, https://developers.google.com/workspace/add-ons/concepts/editor-triggers —
 *   "Each add-on can only have one trigger of each type, per user, per document"; a second one fails.
 * - A trigger's function runs without a user at the keyboard: SpreadsheetApp.getUi() fails there with "Cannot
 *   call SpreadsheetApp.getUi() from this context." (the runtime enforces it for executions of kind 'trigger').
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export const TOO_MANY_CLOCK_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

/** A trigger as the runtime keeps it (plain data; `rt.triggers.list()`). */
export interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  readonly eventType: 'CLOCK';
  /** The account that created it: it runs as that account, and only that account sees it. */
  readonly owner: string;
  /** The email the creating execution could see ('' when Google hid it). */
  readonly ownerEmail: string;
  /** The spreadsheet the add-on created it in. */
  readonly documentId: string;
  readonly everyDays: number | null;
  readonly everyHours: number | null;
  readonly atHour: number | null;
  readonly timeZone: string;
}

export interface TriggerHost {
  readonly counters: Counters;
  readonly realm: Realm;
  /** The running execution's account and visible email. */
  account(): string;
  email(): string;
  readonly documentId: string;
  readonly scriptTimeZone: string;
  readonly triggers: TriggerRecord[];
  nextId(): string;
}

function err(host: TriggerHost, message: string): Error {
  return host.realm.error(`Exception: ${message}`);
}

/** Checked against @types/google-apps-script (api.ts) except getEventType/getTriggerSource (enums as strings). */
export class FakeTrigger implements Api<
  GoogleAppsScript.Script.Trigger,
  'getHandlerFunction' | 'getUniqueId' | 'getTriggerSourceId'
> {
  constructor(
    readonly _counters: Counters,
    readonly _record: TriggerRecord,
  ) {}

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getUniqueId(): string {
    return this._record.id;
  }

  getTriggerSourceId(): string {
    return '';
  }

  getEventType(): string {
    return this._record.eventType;
  }

  getTriggerSource(): string {
    return 'CLOCK';
  }
}
instrument(FakeTrigger, 'Trigger');

/** Checked against @types/google-apps-script (api.ts): the builder methods the add-on uses. */
export class FakeClockTriggerBuilder implements Api<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  'everyDays' | 'everyHours' | 'atHour' | 'inTimezone' | 'create'
> {
  _everyDays: number | null = null;
  _everyHours: number | null = null;
  _atHour: number | null = null;
  _timeZone: string;

  constructor(
    readonly _counters: Counters,
    readonly _host: TriggerHost,
    readonly _handler: string,
  ) {
    this._timeZone = _host.scriptTimeZone;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw err(this._host, `Invalid argument: ${n}`);
    this._everyDays = n;
    return this;
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw err(this._host, `Invalid argument: ${n}`);
    this._everyHours = n;
    return this;
  }

  atHour(hour: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw err(this._host, `Invalid argument: hour`);
    this._atHour = hour;
    return this;
  }

  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this._timeZone = timezone;
    return this;
  }

  create(): FakeTrigger {
    const host = this._host;
    if (this._everyDays === null && this._everyHours === null)
      throw err(host, 'The trigger has no schedule: call everyDays, everyHours, … before create().');
    const account = host.account();
    const mine = host.triggers.filter(
      (t) => t.owner === account && t.documentId === host.documentId && t.eventType === 'CLOCK',
    );
    if (mine.length > 0) throw err(host, TOO_MANY_CLOCK_TRIGGERS);
    const record: TriggerRecord = {
      id: host.nextId(),
      handler: this._handler,
      eventType: 'CLOCK',
      owner: account,
      ownerEmail: host.email(),
      documentId: host.documentId,
      everyDays: this._everyDays,
      everyHours: this._everyHours,
      atHour: this._atHour,
      timeZone: this._timeZone,
    };
    host.triggers.push(record);
    return new FakeTrigger(this._counters, record);
  }
}
instrument(FakeClockTriggerBuilder, 'ClockTriggerBuilder');

/** Checked against @types/google-apps-script (api.ts): timeBased only (the add-on makes no other kind). */
export class FakeTriggerBuilder implements Api<GoogleAppsScript.Script.TriggerBuilder, 'timeBased'> {
  constructor(
    readonly _counters: Counters,
    readonly _host: TriggerHost,
    readonly _handler: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this._counters, this._host, this._handler);
  }
}
instrument(FakeTriggerBuilder, 'TriggerBuilder');

/**
 * Checked against @types/google-apps-script (api.ts) except getUserTriggers (its overloads take a Document, Form
 * or Spreadsheet; only the spreadsheet one is modelled).
 */
export class FakeScriptApp implements Api<
  GoogleAppsScript.Script.ScriptApp,
  'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getScriptId'
> {
  readonly AuthMode = AuthMode;

  constructor(
    readonly _counters: Counters,
    readonly _host: TriggerHost,
  ) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this._counters, this._host, functionName);
  }

  /** The running account's triggers of this project (never another account's). */
  getProjectTriggers(): FakeTrigger[] {
    const account = this._host.account();
    return this._host.triggers
      .filter((t) => t.owner === account)
      .map((t) => new FakeTrigger(this._counters, t));
  }

  /** The running account's triggers in this spreadsheet. */
  getUserTriggers(spreadsheet: { getId(): string }): FakeTrigger[] {
    const account = this._host.account();
    const id = spreadsheet.getId();
    return this._host.triggers
      .filter((t) => t.owner === account && t.documentId === id)
      .map((t) => new FakeTrigger(this._counters, t));
  }

  deleteTrigger(trigger: FakeTrigger): void {
    const at = this._host.triggers.findIndex(
      (t) => t.id === trigger._record.id && t.owner === this._host.account(),
    );
    if (at >= 0) this._host.triggers.splice(at, 1);
  }

  getScriptId(): string {
    return 'fake-script-id';
  }
}
instrument(FakeScriptApp, 'ScriptApp');
