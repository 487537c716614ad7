/**
 * Values crossing between the fakes (this Node realm) and the bundle (a node:vm context) are copied into the
 * context's own Array/Date/Error, so `x instanceof Array`, `x instanceof Date` and `e instanceof Error` in the
 * bundle behave as they do in Apps Script.
 */
import * as vm from 'node:vm';

export interface Realm {
  context: vm.Context;
  /** Deep-copies arrays, plain objects and Dates into the context realm; primitives pass through. */
  copy<T>(value: T): T;
  /** An Error created in the context realm (what Apps Script services throw). */
  error(message: string): Error;
  date(ms: number): Date;
}

const COPY_SOURCE = `(function () {
  var toString = Object.prototype.toString;
  function copy(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      var a = new Array(v.length);
      for (var i = 0; i < v.length; i++) a[i] = copy(v[i]);
      return a;
    }
    if (toString.call(v) === '[object Date]') return new Date(v.getTime());
    var proto = Object.getPrototypeOf(v);
    if (proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null) {
      var o = {};
      for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) o[k] = copy(v[k]);
      return o;
    }
    return v;
  }
  return {
    copy: copy,
    error: function (m) { return new Error(m); },
    date: function (ms) { return new Date(ms); },
  };
})()`;

export function createRealm(context: vm.Context): Realm {
  const helpers = vm.runInContext(COPY_SOURCE, context) as {
    copy: (v: unknown) => unknown;
    error: (m: string) => Error;
    date: (ms: number) => Date;
  };
  return {
    context,
    copy: <T>(v: T) => helpers.copy(v) as T,
    error: helpers.error,
    date: helpers.date,
  };
}

/** True for Dates from any realm. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
