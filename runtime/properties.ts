/**
 * PropertiesService fake: document, script and per-user stores of string values, with Apps Script's limits
 * (https://developers.google.com/apps-script/guides/services/quotas: "Properties value size 9 KB / val",
 * "Properties total storage 500 KB / property store"). A value over 9 KB fails with "Argument too large:
 * value"; a write that would take the store past 500 KB (keys and values, UTF-8) fails with "You have exceeded
 * the property storage quota. Please remove some properties and try again." and changes nothing. User stores are
 * per account (for an add-on, one store per user across every document where it is used).
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
const QUOTA_MESSAGE =
  'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(store: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

export class FakeProperties implements Api<
  GoogleAppsScript.Properties.Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    readonly _store: Map<string, string>,
  ) {}

  private _check(key: string, value: string): void {
    if (key === '' || key === 'undefined' || key === 'null')
      throw this._realm.error('Exception: Invalid argument: key');
    if (bytes(value) > MAX_VALUE_BYTES) throw this._realm.error('Exception: Argument too large: value');
  }

  /** Applies the entries if the store stays within its quota. */
  private _apply(entries: ReadonlyArray<readonly [string, string]>, clear: boolean): void {
    const next = new Map(clear ? [] : this._store);
    for (const [k, v] of entries) next.set(k, v);
    if (storeBytes(next) > MAX_STORE_BYTES) throw this._realm.error(QUOTA_MESSAGE);
    if (clear) this._store.clear();
    for (const [k, v] of entries) this._store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): FakeProperties {
    const k = String(key);
    const v = String(value);
    this._check(k, v);
    this._apply([[k, v]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) this._check(k, v);
    this._apply(entries, deleteAllOthers);
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

export class FakePropertiesService implements Api<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  /** The stores themselves, for tests to seed or inspect (user stores keyed by account email). */
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly users = new Map<string, Map<string, string>>();

  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
    private readonly _account: () => string,
  ) {}

  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this.document);
  }

  getScriptProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this.script);
  }

  getUserProperties(): FakeProperties {
    return new FakeProperties(this._counters, this._realm, this._userStore(this._account()));
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
