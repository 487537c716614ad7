import fc from 'fast-check';
import {
  addDays,
  addWallClockHours,
  checkTimeZone,
  dayInZone,
  formatInZone,
  fromWallClock,
  startOfDay,
  wallClock,
  weekday,
} from '../../src/core/time-zone';

const LA = 'America/Los_Angeles';
const TOKYO = 'Asia/Tokyo';
const at = (iso: string) => new Date(iso);
const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('wall clocks in a named zone', () => {
  it('reads the day and time of an instant in the zone, not the machine', () => {
    expect(wallClock(at('2026-12-03T14:59:00Z'), TOKYO)).toEqual(wall(2026, 12, 3, 23, 59));
    expect(wallClock(at('2026-12-03T15:00:00Z'), TOKYO)).toEqual(wall(2026, 12, 4, 0, 0));
    expect(wallClock(at('2026-03-08T07:59:00Z'), LA)).toEqual(wall(2026, 3, 7, 23, 59));
    expect(wallClock(at('2026-03-08T08:00:00Z'), LA)).toEqual(wall(2026, 3, 8, 0, 0));
  });

  it('finds the instant of a wall-clock time on either side of local midnight', () => {
    expect(fromWallClock(wall(2026, 12, 3, 23, 59), TOKYO)?.toISOString()).toBe('2026-12-03T14:59:00.000Z');
    expect(fromWallClock(wall(2026, 12, 4, 0, 0), TOKYO)?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    // Los Angeles: winter time (UTC-8) before 8 March 2026, summer time (UTC-7) from 03:00 that day.
    expect(fromWallClock(wall(2026, 3, 7, 23, 59), LA)?.toISOString()).toBe('2026-03-08T07:59:00.000Z');
    expect(fromWallClock(wall(2026, 3, 8, 0, 0), LA)?.toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(fromWallClock(wall(2026, 3, 9, 0, 0), LA)?.toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(fromWallClock(wall(2026, 3, 8, 23, 59), LA)?.toISOString()).toBe('2026-03-09T06:59:00.000Z');
  });

  it('says a time clocks jump over does not exist, and takes the first of a time that happens twice', () => {
    expect(fromWallClock(wall(2026, 3, 8, 2, 30), LA)).toBeNull();
    expect(fromWallClock(wall(2026, 3, 8, 3, 0), LA)?.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    // 1 November 2026: 01:30 happens in summer time (UTC-7), then again in winter time (UTC-8).
    expect(fromWallClock(wall(2026, 11, 1, 1, 30), LA)?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('round-trips every instant through its wall clock (the earlier of a repeated hour aside)', () => {
    const instant = fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => ms - (ms % 1000));
    fc.assert(
      fc.property(instant, fc.constantFrom(LA, TOKYO, 'Europe/London', 'Australia/Lord_Howe'), (ms, zone) => {
        const back = fromWallClock(wallClock(new Date(ms), zone), zone);
        expect(back).not.toBeNull();
        expect(wallClock(back as Date, zone)).toEqual(wallClock(new Date(ms), zone));
        expect((back as Date).getTime()).toBeLessThanOrEqual(ms);
      }),
    );
  });

  it('agrees with Intl to the second, for any instant and zone (the remembered offsets included)', () => {
    const zones = [
      LA,
      TOKYO,
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Africa/Monrovia',
      'UTC',
    ];
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (ms, zone) => {
        const printed = new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }).format(new Date(ms));
        const w = wallClock(new Date(ms), zone);
        expect(
          `${w.month}/${w.day}/${w.year}, ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}:${String(w.second).padStart(2, '0')}`,
        ).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a zone name Intl does not know', () => {
    expect(() => checkTimeZone('Mars/Olympus_Mons')).toThrow('"Mars/Olympus_Mons" is not a time zone name');
    expect(() => checkTimeZone(LA)).not.toThrow();
  });
});

describe('wall-clock arithmetic, as a sheet formula does it', () => {
  it('adds 24 hours as the same time tomorrow across the start and end of daylight saving', () => {
    const beforeSpring = at('2026-03-07T22:30:00Z'); // 14:30 PST
    expect(formatInZone(addWallClockHours(beforeSpring, 24, LA), LA, true)).toBe('2026-03-08 14:30');
    expect(addWallClockHours(beforeSpring, 24, LA).getTime() - beforeSpring.getTime()).toBe(23 * 3_600_000);
    const beforeAutumn = at('2026-10-31T21:30:00Z'); // 14:30 PDT
    expect(formatInZone(addWallClockHours(beforeAutumn, 24, LA), LA, true)).toBe('2026-11-01 14:30');
    expect(addWallClockHours(beforeAutumn, 24, LA).getTime() - beforeAutumn.getTime()).toBe(25 * 3_600_000);
  });

  it('adds hours into the skipped hour by landing past the jump', () => {
    const lateSaturday = at('2026-03-08T09:30:00Z'); // 01:30 PST on 8 March
    expect(formatInZone(addWallClockHours(lateSaturday, 1, LA), LA, true)).toBe('2026-03-08 03:30');
  });

  it('adds hours in Tokyo across midnight', () => {
    expect(formatInZone(addWallClockHours(at('2026-12-03T14:59:00Z'), 1, TOKYO), TOKYO, true)).toBe(
      '2026-12-04 00:59',
    );
  });

  it('starts days and counts weekdays in the zone', () => {
    const sundayMorningTokyo = at('2026-12-05T15:30:00Z'); // Sunday 00:30 in Tokyo, Saturday 07:30 in LA
    expect(weekday(sundayMorningTokyo, TOKYO)).toBe(0);
    expect(weekday(sundayMorningTokyo, LA)).toBe(6);
    expect(startOfDay(sundayMorningTokyo, TOKYO).toISOString()).toBe('2026-12-05T15:00:00.000Z');
    expect(startOfDay(at('2026-03-08T20:00:00Z'), LA).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    // Friday 6 March in LA + 1 weekday = Monday 9 March, midnight (summer time by then).
    expect(addDays(at('2026-03-06T20:00:00Z'), 1, LA, true).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(addDays(at('2026-03-07T20:00:00Z'), 1, LA).toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('names the day in the zone, which is the day people there see', () => {
    expect(dayInZone(at('2026-12-03T15:00:00Z'), TOKYO)).toBe('2026-12-04');
    expect(dayInZone(at('2026-12-03T15:00:00Z'), LA)).toBe('2026-12-03');
    expect(formatInZone(at('2026-12-03T15:00:00Z'), 'Not/AZone', true)).toBe('2026-12-03 15:00');
  });
});
