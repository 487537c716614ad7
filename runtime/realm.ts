/**
 * Values crossing between the fakes (this Node realm) and the bundle (a node:vm context) are copied into the
 * context's own Array/Date/Error, so `x instanceof Array`, `x instanceof Date` and `e instanceof Error` in the
 * bundle behave as they do in Apps Script.
 *
 * Each context's `Date` is the runtime's: `new Date()` and `Date.now()` read the simulated clock (clock.ts),
 * and the local-time parts of a Date (`new Date(2024, 0, 5)`, `getHours()`, `setDate()`, `toString()`, and
 * `Date.parse` of a string without an offset) are in the *script's* time zone, as Apps Script's V8 runs them
 * (appsscript.json `timeZone`; Session.getScriptTimeZone). The Node process's own zone never leaks in.
 */
import * as vm from 'node:vm';

export interface Realm {
  /** Deep-copies arrays, plain objects and Dates into the context realm; primitives pass through. */
  copy<T>(value: T): T;
  /** An Error created in the context realm (what Apps Script services throw). */
  error(message: string): Error;
  date(ms: number): Date;
}

export interface ContextRealm extends Realm {
  readonly context: vm.Context;
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

/**
 * Replaces the context's Date (run before the bundle). Wall-clock arithmetic uses the context's own Intl, so
 * the zone is the script's whatever the process's TZ is.
 */
const DATE_SOURCE = `(function (nowMs, zone) {
  var RealDate = Date;
  var proto = RealDate.prototype;
  var getTime = proto.getTime;
  var setTime = proto.setTime;
  var toLocaleString = proto.toLocaleString;
  var toLocaleDateString = proto.toLocaleDateString;
  var toLocaleTimeString = proto.toLocaleTimeString;
  var realParse = RealDate.parse;
  var realOffset = proto.getTimezoneOffset;
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var fmt = null;
  var nameFmt = null;
  function wall(ms) {
    if (!isFinite(ms)) return null;
    fmt = fmt || new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    var p = {};
    var parts = fmt.formatToParts(new RealDate(ms));
    for (var i = 0; i < parts.length; i++) p[parts[i].type] = parts[i].value;
    var milli = ms - Math.floor(ms / 1000) * 1000;
    var year = Number(p.year);
    if (p.era === 'BC') year = 1 - year;
    return { y: year, mo: Number(p.month) - 1, d: Number(p.day), h: Number(p.hour) % 24, mi: Number(p.minute),
      s: Number(p.second), ms: milli, wd: DAYS.indexOf(p.weekday) };
  }
  function offset(ms) {
    var w = wall(ms);
    return RealDate.UTC(w.y, w.mo, w.d, w.h, w.mi, w.s, w.ms) - ms;
  }
  function fromWall(y, mo, d, h, mi, s, milli) {
    var w = RealDate.UTC(y, mo, d, h, mi, s, milli);
    if (!isFinite(w)) return NaN;
    if (y >= 0 && y < 100) { var t = new RealDate(w); t.setUTCFullYear(y); w = getTime.call(t); }
    var guess = w - offset(w);
    return w - offset(guess);
  }
  function localParse(text) {
    var s = String(text).trim();
    var ms = realParse(s);
    if (!isFinite(ms)) return ms;
    // Date-only ISO strings are UTC; strings with an offset or zone name are absolute. Anything else is local
    // time: read as the process's local time, then moved to the script's zone.
    if (/^[+-]?\\d{4,6}(-\\d\\d(-\\d\\d)?)?$/.test(s) || /(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)(\\s*\\([^)]*\\))?$/i.test(s)) return ms;
    var local = new RealDate(ms);
    var processWall = ms - realOffset.call(local) * 60000;
    var w = new RealDate(processWall);
    return fromWall(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(),
      w.getUTCSeconds(), w.getUTCMilliseconds());
  }
  function ScriptDate(a, b, c, d, e, f, g) {
    var n = arguments.length;
    if (!new.target) return new ScriptDate(nowMs()).toString();
    var date;
    if (n === 0) date = new RealDate(nowMs());
    else if (n === 1) {
      var v = a;
      if (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Date]') v = getTime.call(v);
      else if (v !== null && typeof v === 'object') v = v.valueOf();
      date = new RealDate(typeof v === 'string' ? localParse(v) : v);
    } else {
      date = new RealDate(fromWall(Number(a), Number(b), n > 2 ? Number(c) : 1, n > 3 ? Number(d) : 0,
        n > 4 ? Number(e) : 0, n > 5 ? Number(f) : 0, n > 6 ? Number(g) : 0));
    }
    if (new.target !== ScriptDate) Object.setPrototypeOf(date, new.target.prototype);
    return date;
  }
  ScriptDate.prototype = proto;
  Object.defineProperty(proto, 'constructor', { value: ScriptDate, writable: true, configurable: true });
  ScriptDate.now = function now() { return nowMs(); };
  ScriptDate.UTC = RealDate.UTC;
  ScriptDate.parse = function parse(s) { return localParse(s); };
  function def(name, fn) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
  function field(key) { return function () { var w = wall(getTime.call(this)); return w === null ? NaN : w[key]; }; }
  def('getFullYear', field('y'));
  def('getYear', function () { var w = wall(getTime.call(this)); return w === null ? NaN : w.y - 1900; });
  def('getMonth', field('mo'));
  def('getDate', field('d'));
  def('getDay', field('wd'));
  def('getHours', field('h'));
  def('getMinutes', field('mi'));
  def('getSeconds', field('s'));
  def('getMilliseconds', field('ms'));
  def('getTimezoneOffset', function () {
    var ms = getTime.call(this);
    return isFinite(ms) ? -Math.round(offset(ms) / 60000) : NaN;
  });
  function setter(apply) {
    return function () {
      var w = wall(getTime.call(this));
      if (w === null) return NaN;
      apply(w, arguments);
      return setTime.call(this, fromWall(w.y, w.mo, w.d, w.h, w.mi, w.s, w.ms));
    };
  }
  def('setFullYear', setter(function (w, a) { w.y = Number(a[0]); if (a.length > 1) w.mo = Number(a[1]); if (a.length > 2) w.d = Number(a[2]); }));
  def('setMonth', setter(function (w, a) { w.mo = Number(a[0]); if (a.length > 1) w.d = Number(a[1]); }));
  def('setDate', setter(function (w, a) { w.d = Number(a[0]); }));
  def('setHours', setter(function (w, a) { w.h = Number(a[0]); if (a.length > 1) w.mi = Number(a[1]); if (a.length > 2) w.s = Number(a[2]); if (a.length > 3) w.ms = Number(a[3]); }));
  def('setMinutes', setter(function (w, a) { w.mi = Number(a[0]); if (a.length > 1) w.s = Number(a[1]); if (a.length > 2) w.ms = Number(a[2]); }));
  def('setSeconds', setter(function (w, a) { w.s = Number(a[0]); if (a.length > 1) w.ms = Number(a[1]); }));
  def('setMilliseconds', setter(function (w, a) { w.ms = Number(a[0]); }));
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function zoneName(ms) {
    nameFmt = nameFmt || new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
    var parts = nameFmt.formatToParts(new RealDate(ms));
    for (var i = 0; i < parts.length; i++) if (parts[i].type === 'timeZoneName') return parts[i].value;
    return zone;
  }
  function gmt(ms) {
    var m = Math.round(offset(ms) / 60000);
    var abs = Math.abs(m);
    return 'GMT' + (m < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + pad(abs % 60);
  }
  function datePart(w) { return DAYS[w.wd] + ' ' + MONTHS[w.mo] + ' ' + pad(w.d) + ' ' + String(w.y).padStart(4, '0'); }
  function timePart(w, ms) { return pad(w.h) + ':' + pad(w.mi) + ':' + pad(w.s) + ' ' + gmt(ms) + ' (' + zoneName(ms) + ')'; }
  def('toString', function () {
    var ms = getTime.call(this);
    var w = wall(ms);
    return w === null ? 'Invalid Date' : datePart(w) + ' ' + timePart(w, ms);
  });
  def('toDateString', function () { var w = wall(getTime.call(this)); return w === null ? 'Invalid Date' : datePart(w); });
  def('toTimeString', function () {
    var ms = getTime.call(this);
    var w = wall(ms);
    return w === null ? 'Invalid Date' : timePart(w, ms);
  });
  function inZone(fn) {
    return function (locales, options) {
      var o = Object.assign({}, options || {});
      if (o.timeZone === undefined) o.timeZone = zone;
      return fn.call(this, locales, o);
    };
  }
  def('toLocaleString', inZone(toLocaleString));
  def('toLocaleDateString', inZone(toLocaleDateString));
  def('toLocaleTimeString', inZone(toLocaleTimeString));
  Object.defineProperty(globalThis, 'Date', { value: ScriptDate, writable: true, configurable: true });
})`;

/** Creates a realm for a context: its Date reads the clock and uses the script's time zone. */
export function createRealm(
  context: vm.Context,
  clock: { nowMs(): number } = { nowMs: () => Date.now() },
  scriptTimeZone = 'Etc/UTC',
): ContextRealm {
  const installDate = vm.runInContext(DATE_SOURCE, context) as (now: () => number, zone: string) => void;
  installDate(() => clock.nowMs(), scriptTimeZone);
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
