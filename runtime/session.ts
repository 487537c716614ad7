/** Session fake: active/effective user, script time zone, temporary user key. */
import { createHash } from 'node:crypto';
import { Counters, instrument } from './counters';
import { FakeUser } from './spreadsheet';

export class FakeSession {
  constructor(
    readonly _counters: Counters,
    private readonly _state: { activeUser: string; effectiveUser: string; scriptTimeZone: string },
  ) {}

  getActiveUser(): FakeUser {
    return new FakeUser(this._counters, this._state.activeUser);
  }

  getEffectiveUser(): FakeUser {
    return new FakeUser(this._counters, this._state.effectiveUser);
  }

  getScriptTimeZone(): string {
    return this._state.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    const who = this._state.activeUser || this._state.effectiveUser;
    return createHash('sha256').update(`scorecard-temp-key:${who}`).digest('base64').slice(0, 43);
  }
}
instrument(FakeSession, 'Session');
