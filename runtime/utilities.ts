/** Utilities fake, plus the date/time-zone helpers the spreadsheet fake shares (serial numbers, patterns). */
import { createHmac, randomUUID } from 'node:crypto';
import type { Api } from './api';
import { Counters, instrument } from './counters';
import { isDate, Realm } from './realm';

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The wall-clock time of an instant in a time zone. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: date.getTime() - Math.floor(date.getTime() / 1000) * 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Offset (ms) of a zone at an instant: wall clock minus UTC. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - ms;
}

/** The instant at which the zone's wall clock shows the given UTC-encoded wall time. */
export function instantFromWallClock(wallMs: number, timeZone: string): number {
  let guess = wallMs - offsetAt(wallMs, timeZone);
  guess = wallMs - offsetAt(guess, timeZone);
  return guess;
}

const DAY_MS = 86400000;
/** Serial number of 1970-01-01 in Sheets' date system (day 0 = 1899-12-30). */
const EPOCH_SERIAL = 25569;

/** A Date as a Sheets serial number (days since 1899-12-30, wall clock of the spreadsheet's time zone). */
export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  return wallMs / DAY_MS + EPOCH_SERIAL;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wallMs = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  return new Date(instantFromWallClock(wallMs, timeZone));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats like Utilities.formatDate (Java SimpleDateFormat subset): yyyy yy MMMM MMM MM M dd d HH H hh h mm m
 * ss s SSS a EEEE EEE Z XXX, 'quoted literals'.
 */
export function formatDatePattern(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const offsetMin = Math.round(offsetAt(date.getTime(), timeZone) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const out: string[] = [];
  const re = /'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|a|E+|Z+|X+|./g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pattern))) {
    const tok = m[0];
    if (m[1] !== undefined) {
      out.push(m[1] === '' ? "'" : m[1]);
      continue;
    }
    const c = tok[0];
    const n = tok.length;
    switch (c) {
      case 'y':
        out.push(n === 2 ? pad(w.year % 100, 2) : pad(w.year, n));
        break;
      case 'M':
        out.push(n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n));
        break;
      case 'd':
        out.push(pad(w.day, n));
        break;
      case 'H':
        out.push(pad(w.hour, n));
        break;
      case 'h':
        out.push(pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n));
        break;
      case 'm':
        out.push(pad(w.minute, n));
        break;
      case 's':
        out.push(pad(w.second, n));
        break;
      case 'S':
        out.push(pad(w.ms, 3).slice(0, n));
        break;
      case 'a':
        out.push(w.hour < 12 ? 'AM' : 'PM');
        break;
      case 'E':
        out.push(
          n >= 4
            ? ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][w.weekday]
            : WEEKDAYS[w.weekday],
        );
        break;
      case 'Z':
        out.push(`${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`);
        break;
      case 'X':
        out.push(offsetMin === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`);
        break;
      default:
        out.push(tok);
    }
  }
  return out.join('');
}

/** Checked against @types/google-apps-script (api.ts) except: newBlob (a minimal Blob (getDataAsString, getContentType, getName)). */
export class FakeUtilities implements Api<
  GoogleAppsScript.Utilities.Utilities,
  | 'base64Decode'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeHmacSha256Signature'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'sleep'
> {
  /** Total milliseconds the bundle asked to sleep (sleep itself returns at once). */
  sleptMs = 0;

  constructor(
    readonly _counters: Counters,
    private readonly _realm: Realm,
  ) {}

  getUuid(): string {
    return randomUUID();
  }

  formatDate(date: Date | GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw this._realm.error('Exception: Invalid argument: date');
    return formatDatePattern(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%[sd%]/g, (t) => (t === '%%' ? '%' : String(args[i++])));
  }

  sleep(milliseconds: number): void {
    this.sleptMs += milliseconds;
  }

  /**
   * Utilities.computeHmacSha256Signature(value, key) as the reference describes it
   * (developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)):
   * signs the value with HMAC-SHA256 under the key and returns the 32 bytes as a Byte[] of signed values
   * (-128…127, Java bytes). Strings are taken as UTF-8 (the charset the two-argument form uses). A Byte[] value
   * and key are accepted as well; a missing argument throws "Invalid argument", as Google does.
   */
  computeHmacSha256Signature(value: string | number[], key: string | number[]): number[] {
    const bytes = (x: unknown, name: string): Buffer => {
      if (typeof x === 'string') return Buffer.from(x, 'utf8');
      if (Array.isArray(x) && x.every((b) => Number.isInteger(b) && b >= -128 && b <= 255))
        return Buffer.from(x.map((b: number) => (b + 256) % 256));
      throw this._realm.error(`Exception: Invalid argument: ${name}`);
    };
    const mac = createHmac('sha256', bytes(key, 'key')).update(bytes(value, 'value')).digest();
    return this._realm.copy([...mac].map((b) => (b > 127 ? b - 256 : b)));
  }

  base64Encode(data: string): string {
    return Buffer.from(data, 'utf8').toString('base64');
  }

  base64EncodeWebSafe(data: string): string {
    return Buffer.from(data, 'utf8').toString('base64url');
  }

  base64Decode(encoded: string): number[] {
    return this._realm.copy([...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b)));
  }

  newBlob(
    data: string,
    contentType?: string,
    name?: string,
  ): { getDataAsString(): string; getContentType(): string | undefined; getName(): string | undefined } {
    return { getDataAsString: () => data, getContentType: () => contentType, getName: () => name };
  }
}
instrument(FakeUtilities, 'Utilities');
