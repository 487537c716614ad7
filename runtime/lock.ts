/**
 * LockService fake. A lock belongs to the execution that acquired it: it is released when that execution ends
 * (Lock.releaseLock reference: "the lock is automatically released when the script terminates") and when it
 * shows an alert or a prompt — "This method suspends the server-side script while the dialog is open. The
 * script resumes after the user dismisses the dialog, but … LockService locks don't persist across the
 * suspension" (https://developers.google.com/apps-script/reference/base/ui#alert(String)). Another execution
 * that asks for a held lock waits out its timeout on the simulated clock and fails, as it would when the holder
 * outlasts the wait; a test can also say another (unseen) execution holds a lock (`hold`).
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

export type LockScope = 'document' | 'script' | 'user';

/** What the runtime tells the locks about the running execution. */
export interface LockHost {
  /** Registers a lock with the running execution, so that it is released with it. */
  track(lock: FakeLock): void;
  untrack(lock: FakeLock): void;
  /** Waiting for a lock takes simulated time. */
  wait(ms: number): void;
}

export class LockState {
  /** Scopes held by "another execution" (test hook). */
  readonly heldElsewhere = new Set<string>();
  /** The Lock object holding each scope. */
  readonly holders = new Map<string, FakeLock>();
  /** Every tryLock/waitLock outcome, in order. */
  readonly attempts: Array<{
    scope: string;
    method: 'tryLock' | 'waitLock';
    timeoutMs: number;
    acquired: boolean;
  }> = [];
}

export class FakeLock implements Api<
  GoogleAppsScript.Lock.Lock,
  'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    private readonly _state: LockState,
    private readonly _scope: string,
    private readonly _host: LockHost,
  ) {}

  private _acquire(method: 'tryLock' | 'waitLock', timeoutInMillis: number): boolean {
    const holder = this._state.holders.get(this._scope);
    const acquired = holder === this || (holder === undefined && !this._state.heldElsewhere.has(this._scope));
    this._state.attempts.push({ scope: this._scope, method, timeoutMs: timeoutInMillis, acquired });
    if (acquired) {
      this._state.holders.set(this._scope, this);
      this._host.track(this);
    } else {
      this._host.wait(Math.max(0, Number(timeoutInMillis) || 0));
    }
    return acquired;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire('tryLock', timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire('waitLock', timeoutInMillis)) {
      throw this._realm.error('Exception: Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    return this._state.holders.get(this._scope) === this;
  }

  releaseLock(): void {
    this._releaseByRuntime();
    this._host.untrack(this);
  }

  /** Releases without a service call (execution end, dialog). */
  _releaseByRuntime(): void {
    if (this._state.holders.get(this._scope) === this) this._state.holders.delete(this._scope);
  }
}
instrument(FakeLock, 'Lock');

export class FakeLockService implements Api<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    readonly _state: LockState,
    private readonly _account: () => string,
    private readonly _host: LockHost,
  ) {}

  getDocumentLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, 'document', this._host);
  }

  getScriptLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, 'script', this._host);
  }

  getUserLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, `user:${this._account()}`, this._host);
  }
}
instrument(FakeLockService, 'LockService');
