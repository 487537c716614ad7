import {
  assignIds,
  candidateIdNumber,
  dueDate,
  formatCandidateId,
  parseEmails,
} from '../../src/core/candidates';
import { formatInZone } from '../../src/core/time-zone';

describe('candidate IDs', () => {
  it('formats and reads IDs', () => {
    expect(formatCandidateId(7)).toBe('C-0007');
    expect(candidateIdNumber(' C-0042 ')).toBe(42);
    expect(candidateIdNumber('X-1')).toBeUndefined();
  });

  it('gives IDs only to named rows without one, never reusing a number', () => {
    const { ids, nextCounter } = assignIds(
      [
        { idCell: 'C-0005', nameCell: 'Ada' },
        { idCell: '', nameCell: 'Grace' },
        { idCell: '', nameCell: '' },
        { idCell: '', nameCell: 'Edsger' },
      ],
      3,
    );
    expect(ids).toEqual([null, 'C-0006', null, 'C-0007']);
    expect(nextCounter).toBe(8);
  });

  it('keeps counting from the stored counter when the highest rows were deleted', () => {
    expect(assignIds([{ idCell: '', nameCell: 'New' }], 12).ids).toEqual(['C-0012']);
  });
});

describe('service levels', () => {
  const LA = 'America/Los_Angeles';

  it('counts business days over a weekend like WORKDAY: the start of the day in the spreadsheet zone', () => {
    const fridayMorning = new Date('2026-11-20T17:00:00Z'); // Friday 09:00 in Los Angeles
    const due = dueDate(fridayMorning, { within: 7, unit: 'businessDays' }, LA);
    expect(formatInZone(due, LA, true)).toBe('2026-12-01 00:00'); // Tuesday after next
    // Thursday 09:00 in Los Angeles is already Friday in Tokyo: the day, and so the due day, is the zone's.
    const thursday = new Date('2026-11-19T17:00:00Z');
    const week = { within: 7, unit: 'businessDays' } as const;
    expect(formatInZone(dueDate(thursday, week, LA), LA, true)).toBe('2026-11-30 00:00');
    expect(formatInZone(dueDate(thursday, week, 'Asia/Tokyo'), 'Asia/Tokyo', true)).toBe('2026-12-01 00:00');
  });

  it('counts hours and calendar days on the wall clock, across the change to summer time', () => {
    const start = new Date(Date.UTC(2026, 0, 1, 9));
    expect(dueDate(start, { within: 48, unit: 'hours' }, 'UTC').toISOString()).toBe(
      '2026-01-03T09:00:00.000Z',
    );
    const saturday = new Date('2026-03-07T18:00:00Z'); // 10:00 PST
    expect(formatInZone(dueDate(saturday, { within: 1, unit: 'days' }, LA), LA, true)).toBe(
      '2026-03-08 10:00',
    );
    expect(formatInZone(dueDate(saturday, { within: 24, unit: 'hours' }, LA), LA, true)).toBe(
      '2026-03-08 10:00',
    );
  });
});

describe('parseEmails', () => {
  it('splits on commas, semicolons and spaces, lower-cased', () => {
    expect(parseEmails('Ann@x.io, bob@x.io;carl@x.io\ndee@x.io')).toEqual([
      'ann@x.io',
      'bob@x.io',
      'carl@x.io',
      'dee@x.io',
    ]);
  });
});
