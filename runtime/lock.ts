/**
 * LockService fake. Within one runtime there is only one execution, so a lock is free unless a test says
 * another execution holds it (`hold`), or one Lock object of this execution already holds it.
 */
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

export type LockScope = 'document' | 'script' | 'user';

export class LockState {
  /** Scopes held by "another execution" (test hook). */
  readonly heldElsewhere = new Set<string>();
  /** Scopes held by a Lock of this execution. */
  readonly heldHere = new Set<string>();
  /** Every tryLock/waitLock outcome, in order. */
  readonly attempts: Array<{
    scope: string;
    method: 'tryLock' | 'waitLock';
    timeoutMs: number;
    acquired: boolean;
  }> = [];
}

export class FakeLock {
  private _has = false;

  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    private readonly _state: LockState,
    private readonly _scope: string,
  ) {}

  private _acquire(method: 'tryLock' | 'waitLock', timeoutInMillis: number): boolean {
    const acquired =
      this._has || (!this._state.heldElsewhere.has(this._scope) && !this._state.heldHere.has(this._scope));
    this._state.attempts.push({ scope: this._scope, method, timeoutMs: timeoutInMillis, acquired });
    if (acquired) {
      this._has = true;
      this._state.heldHere.add(this._scope);
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
    return this._has;
  }

  releaseLock(): void {
    if (this._has) {
      this._has = false;
      this._state.heldHere.delete(this._scope);
    }
  }
}
instrument(FakeLock, 'Lock');

export class FakeLockService {
  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    readonly _state: LockState,
    private readonly _activeUser: () => string,
  ) {}

  getDocumentLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, 'document');
  }

  getScriptLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, 'script');
  }

  getUserLock(): FakeLock {
    return new FakeLock(this._counters, this._realm, this._state, `user:${this._activeUser()}`);
  }
}
instrument(FakeLockService, 'LockService');
