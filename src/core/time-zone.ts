/**
 * Wall-clock time in a named (IANA) time zone, with nothing but `Intl`. Every date Scorecard reads, compares or
 * prints is interpreted in the spreadsheet's time zone (see coordination.md), so these helpers take the zone as
 * an argument and never use the script's own zone (no `getHours`, `setDate`, … anywhere in core).
 *
 * A "wall clock" is what a clock on the wall of that zone shows: year, month, day, hour, minute, second. Sheets
 * does its own date arithmetic on wall clocks (a date-time cell is a count of days since 1899-12-30 in the
 * spreadsheet's zone, so `A1 + 1` is the same time of day tomorrow, whatever daylight saving does); the helpers
 * below offer the same arithmetic, so a figure computed here agrees with a formula in a cell.
 */
import { UserError } from './errors';

export interface WallClock {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  /** 0–23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Formatters are slow to build and a run reads thousands of dates: one per zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `Intl` knows this IANA zone name (e.g. "America/Los_Angeles"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a readable error for a zone name `Intl` does not know. */
export function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new UserError(
      'invalid-request',
      `"${timeZone}" is not a time zone name such as "Europe/Paris" or "America/Los_Angeles".`,
    );
  }
}

/** The wall clock of `date` in `timeZone`, as Intl prints it. */
function intlWallClock(date: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    // Some engines still print midnight as 24 under h23; it is hour 0 of the same day.
    hour: fields.hour === 24 ? 0 : fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

/** The milliseconds within the second (Intl and wall clocks stop at seconds). */
function millis(ms: number): number {
  return ((ms % 1000) + 1000) % 1000;
}

/** A wall clock as milliseconds on a zone-less time line (as if the zone were UTC): for wall-clock arithmetic. */
function wallMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The UTC fields of an instant, read as a wall clock (the one home of this conversion). */
export function wallFromMs(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** How far the zone's clocks are ahead of UTC at the instant `ms`, in milliseconds, as Intl says. */
function intlOffsetAt(ms: number, timeZone: string): number {
  const whole = ms - millis(ms);
  return wallMs(intlWallClock(new Date(whole), timeZone)) - whole;
}

// Asking Intl is the slow part of a run over 1,000 candidates, and offsets change rarely: the offset of each
// quarter hour is remembered, but only when it is the same at both ends of the quarter (so a quarter with a
// change inside it is always asked about instant by instant).
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_REMEMBERED = 20_000;
const offsets = new Map<string, Map<number, number>>();

function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const start = quarter * QUARTER_HOUR_MS;
  const first = intlOffsetAt(start, timeZone);
  if (first !== intlOffsetAt(start + QUARTER_HOUR_MS - 1000, timeZone)) return intlOffsetAt(ms, timeZone);
  if (zone.size >= MAX_REMEMBERED) zone.clear();
  zone.set(quarter, first);
  return first;
}

/** The wall clock of `date` in `timeZone`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const ms = date.getTime();
  return wallFromMs(ms - millis(ms) + offsetAt(ms, timeZone));
}

/**
 * The instants whose wall clock in `timeZone` is `w`: one as a rule, none when clocks jump over it (the hour
 * lost when daylight saving starts), two when clocks go back over it (the earlier first).
 */
function instantsAt(w: WallClock, timeZone: string): number[] {
  const local = wallMs(w);
  // A zone changes its offset at most once within a day or so, so the offsets a day before and after cover it.
  const offsets = new Set([
    offsetAt(local - DAY_MS, timeZone),
    offsetAt(local, timeZone),
    offsetAt(local + DAY_MS, timeZone),
  ]);
  const found: number[] = [];
  for (const offset of offsets) {
    const instant = local - offset;
    if (instant + offsetAt(instant, timeZone) === local && !found.includes(instant)) {
      found.push(instant);
    }
  }
  return found.sort((a, b) => a - b);
}

/**
 * The instant a wall clock in `timeZone` shows `w`, or null when that time does not exist there (clocks jump
 * over it). When clocks go back and the time happens twice, the first one.
 */
export function fromWallClock(w: WallClock, timeZone: string): Date | null {
  const [first] = instantsAt(w, timeZone);
  return first === undefined ? null : new Date(first);
}

/**
 * Like fromWallClock, but never null: a time that clocks jump over is read with the offset in force before the
 * jump, so it lands as far past the jump as it was past the last time before it (02:30 on the night clocks go
 * from 02:00 to 03:00 is 03:30).
 */
function resolveWallClock(w: WallClock, timeZone: string): Date {
  const exact = fromWallClock(w, timeZone);
  if (exact) return exact;
  const local = wallMs(w);
  return new Date(local - offsetAt(local - DAY_MS, timeZone));
}

/**
 * `hours` later on the wall clock of `timeZone`: the same thing a sheet formula `A1 + hours/24` computes. Across a
 * change to or from daylight saving, 24 hours later is the same time of day tomorrow (23 or 25 hours of real
 * time).
 */
export function addWallClockHours(date: Date, hours: number, timeZone: string): Date {
  const later = wallMs(wallClock(date, timeZone)) + millis(date.getTime()) + Math.round(hours * HOUR_MS);
  return new Date(resolveWallClock(wallFromMs(later), timeZone).getTime() + millis(later));
}

/** Midnight at the start of the day `date` falls on in `timeZone` (or the first minute of that day that exists). */
export function startOfDay(date: Date, timeZone: string): Date {
  const w = wallClock(date, timeZone);
  return resolveWallClock({ ...w, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** Day of the week of `date` in `timeZone`: 0 = Sunday … 6 = Saturday. */
export function weekday(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/**
 * The start of the day `days` calendar days after the day of `date` in `timeZone` (negative goes back). With
 * `weekdaysOnly`, Saturdays and Sundays are not counted, as Sheets' WORKDAY counts.
 */
export function addDays(date: Date, days: number, timeZone: string, weekdaysOnly = false): Date {
  const w = wallClock(date, timeZone);
  let day = Date.UTC(w.year, w.month - 1, w.day);
  if (!weekdaysOnly) {
    day += Math.trunc(days) * DAY_MS;
  } else {
    const step = days < 0 ? -DAY_MS : DAY_MS;
    let remaining = Math.abs(Math.trunc(days));
    while (remaining > 0) {
      day += step;
      const dow = new Date(day).getUTCDay();
      if (dow !== 0 && dow !== 6) remaining--;
    }
  }
  return resolveWallClock(wallFromMs(day), timeZone);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2026-05-13", the day `date` falls on in `timeZone`: also a stable key for "one run per day". */
export function dayInZone(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "2026-05-13" or "2026-05-13 14:05" in the spreadsheet's time zone (UTC when the zone is unknown). */
export function formatInZone(date: Date, timeZone: string, withTime: boolean): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const w = wallClock(date, zone);
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  return withTime ? `${day} ${pad(w.hour)}:${pad(w.minute)}` : day;
}

/**
 * The calendar day `date` falls on in `timeZone` as a day number (0 = 1970-01-01), so that "days in stage" and
 * "days to decision" are plain subtraction, as in a sheet (`TODAY() - A2`).
 */
export function calendarDay(date: Date, timeZone: string): number {
  checkTimeZone(timeZone);
  const w = wallClock(date, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day number `count` working days after `day`, skipping Saturdays and Sundays, as Sheets' WORKDAY counts. */
export function addBusinessDays(day: number, count: number): number {
  let result = day;
  let remaining = Math.ceil(count);
  while (remaining > 0) {
    result++;
    const w = weekdayOfDay(result);
    if (w !== 0 && w !== 6) remaining--;
  }
  return result;
}
