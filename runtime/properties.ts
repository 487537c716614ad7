/** PropertiesService fake: document, script and per-user stores of string values. */
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

const MAX_VALUE_BYTES = 9 * 1024;

export class FakeProperties {
  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    readonly _store: Map<string, string>,
  ) {}

  private _check(key: string, value: string): void {
    if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES)
      throw this._realm.error(`Exception: Argument too large: value`);
    if (key === '' || key === undefined || key === null)
      throw this._realm.error('Exception: Invalid argument: key');
  }

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): FakeProperties {
    const v = String(value);
    this._check(String(key), v);
    this._store.set(String(key), v);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) this._check(k, v);
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of entries) this._store.set(k, v);
    return this;
  }

  getProperties(): Record<string, string> {
    return this._realm.copy(Object.fromEntries(this._store));
  }

  getKeys(): string[] {
    return this._realm.copy([...this._store.keys()]);
  }

  deleteProperty(key: string): FakeProperties {
    this._store.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this._store.clear();
    return this;
  }
}
instrument(FakeProperties, 'Properties');

export class FakePropertiesService {
  /** The stores themselves, for tests to seed or inspect (user stores keyed by email). */
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly users = new Map<string, Map<string, string>>();

  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    private readonly _activeUser: () => string,
  ) {}

  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this.document);
  }

  getScriptProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this.script);
  }

  getUserProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this._userStore(this._activeUser()));
  }

  _userStore(email: string): Map<string, string> {
    let store = this.users.get(email);
    if (!store) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }
}
instrument(FakePropertiesService, 'PropertiesService');
