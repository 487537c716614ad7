/**
 * Session fake: the running execution's user, the script's time zone (appsscript.json `timeZone`, not the
 * spreadsheet's: "spreadsheets have a separate time zone … Time zones that differ from the script's time zone are
 * a frequent source of scripting bugs", https://developers.google.com/apps-script/reference/base/session), a
 * temporary key per user.
 */
import { createHash } from 'node:crypto';
import type { Api } from './api';
import { Counters, instrument } from './counters';
import { FakeUser } from './spreadsheet';

export interface SessionState {
  /** The email the script may see; '' when Google does not share it. */
  activeUser(): string;
  effectiveUser(): string;
  account(): string;
  readonly scriptTimeZone: string;
}

export class FakeSession implements Api<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _state: SessionState,
  ) {}

  getActiveUser(): FakeUser {
    return new FakeUser(this._counters, this._state.activeUser());
  }

  getEffectiveUser(): FakeUser {
    return new FakeUser(this._counters, this._state.effectiveUser());
  }

  getScriptTimeZone(): string {
    return this._state.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`scorecard-temp-key:${this._state.account()}`)
      .digest('base64')
      .slice(0, 43);
  }
}
instrument(FakeSession, 'Session');
