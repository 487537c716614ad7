import fc from 'fast-check';
import { parseDateTimeCell } from '../../src/core/cells';
import { formatInZone } from '../../src/core/time-zone';

const LA = 'America/Los_Angeles';
const TOKYO = 'Asia/Tokyo';

function instant(value: unknown, zone: string): string {
  const parsed = parseDateTimeCell(value, zone);
  if (parsed.kind !== 'dateTime') throw new Error(`expected a date-time, got ${JSON.stringify(parsed)}`);
  return parsed.value.toISOString();
}

function problem(value: unknown, zone = LA): string {
  const parsed = parseDateTimeCell(value, zone);
  if (parsed.kind !== 'invalid') throw new Error(`expected a problem, got ${JSON.stringify(parsed)}`);
  return parsed.problem;
}

describe('a scheduled date-time typed in a cell', () => {
  it('takes a Date from a date-time cell as it is (Sheets has read it in the spreadsheet zone)', () => {
    expect(instant(new Date('2026-12-03T22:30:00Z'), LA)).toBe('2026-12-03T22:30:00.000Z');
  });

  it('reads text in the spreadsheet zone, on either side of local midnight', () => {
    expect(instant('2026-12-03 23:59', TOKYO)).toBe('2026-12-03T14:59:00.000Z');
    expect(instant('2026-12-04 00:00', TOKYO)).toBe('2026-12-03T15:00:00.000Z');
    expect(instant('2026-03-07 23:59', LA)).toBe('2026-03-08T07:59:00.000Z');
    expect(instant('2026-03-08 00:00', LA)).toBe('2026-03-08T08:00:00.000Z');
    expect(instant('2026-03-09 00:00', LA)).toBe('2026-03-09T07:00:00.000Z');
    expect(instant('2026-11-01 23:59', LA)).toBe('2026-11-02T07:59:00.000Z');
  });

  it('accepts the usual ways of typing it', () => {
    const expected = '2026-12-03T22:30:00.000Z';
    for (const typed of [
      '2026-12-03 14:30',
      ' 2026-12-03  14:30 ',
      '2026/12/3 14:30',
      '2026-12-03T14:30',
      '2026-12-03 14:30:00',
      '2026-12-03 2:30 pm',
      '2026-12-03 2:30PM',
      '2026-12-03T22:30:00Z',
      '2026-12-03T23:30:00+01:00',
    ]) {
      expect([typed, instant(typed, LA)]).toEqual([typed, expected]);
    }
    expect(instant('2026-12-03 12:05 am', LA)).toBe('2026-12-03T08:05:00.000Z');
  });

  it('takes the first 01:30 on the night clocks go back', () => {
    expect(instant('2026-11-01 01:30', LA)).toBe('2026-11-01T08:30:00.000Z');
  });

  it('is blank for blank cells', () => {
    for (const blank of ['', '   ', null, undefined]) {
      expect(parseDateTimeCell(blank, LA)).toEqual({ kind: 'blank' });
    }
  });

  it('says what is wrong with malformed input', () => {
    expect(problem('next Tuesday')).toBe(
      'holds "next Tuesday", which is not a date and time: type it like 2026-12-03 14:30',
    );
    expect(problem('03/12/2026 14:30')).toContain('is not a date and time');
    expect(problem(46000.5)).toBe(
      'holds 46000.5, which is not a date and time: type it like 2026-12-03 14:30',
    );
    expect(problem(true)).toBe('holds TRUE, which is not a date and time: type it like 2026-12-03 14:30');
    expect(problem('2026-12-03')).toBe(
      'holds "2026-12-03", a date without a time: add the time, like 2026-12-03 14:30',
    );
    expect(problem('#REF!')).toBe('holds the error #REF!');
    expect(problem(new Date(NaN))).toBe('holds an invalid date');
  });

  it('names impossible dates and times precisely', () => {
    expect(problem('2026-02-29 10:00')).toBe('holds "2026-02-29 10:00", but February 2026 has only 28 days');
    expect(instant('2028-02-29 10:00', 'UTC')).toBe('2028-02-29T10:00:00.000Z');
    expect(problem('2026-04-31 10:00')).toBe('holds "2026-04-31 10:00", but April 2026 has only 30 days');
    expect(problem('2026-13-01 10:00')).toBe('holds "2026-13-01 10:00", but there is no month 13');
    expect(problem('2026-00-01 10:00')).toBe('holds "2026-00-01 10:00", but there is no month 0');
    expect(problem('2026-12-00 10:00')).toBe('holds "2026-12-00 10:00", but there is no day 0');
    expect(problem('2026-12-03 24:00')).toBe('holds "2026-12-03 24:00", but 24:00 is not a time of day');
    expect(problem('2026-12-03 14:60')).toBe('holds "2026-12-03 14:60", but 14:60 is not a time of day');
    expect(problem('2026-12-03 13:00 pm')).toBe(
      'holds "2026-12-03 13:00 pm", but 13 pm is not a time of day',
    );
    expect(problem('2026-12-03 10:00+15:00')).toBe(
      'holds "2026-12-03 10:00+15:00", but +15:00 is not a time-zone offset',
    );
  });

  it('refuses a time the clocks skip when daylight saving starts, naming the zone', () => {
    expect(problem('2026-03-08 02:30', LA)).toBe(
      'holds "2026-03-08 02:30", a time that does not exist in America/Los_Angeles: clocks jump forward past ' +
        'it that day (daylight saving starts); pick a time outside the skipped hour',
    );
    expect(instant('2026-03-08 02:30', TOKYO)).toBe('2026-03-07T17:30:00.000Z');
  });

  it('reads back what formatInZone prints, for any instant and zone', () => {
    const minute = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 })
      .map((m) => new Date(m * 60_000));
    fc.assert(
      fc.property(minute, fc.constantFrom(LA, TOKYO, 'Europe/Berlin', 'Asia/Kolkata'), (date, zone) => {
        const printed = formatInZone(date, zone, true);
        const parsed = parseDateTimeCell(printed, zone);
        expect(parsed.kind).toBe('dateTime');
        if (parsed.kind === 'dateTime') expect(formatInZone(parsed.value, zone, true)).toBe(printed);
      }),
    );
  });
});
