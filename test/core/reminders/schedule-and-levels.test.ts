import { isEmailAddress } from '../../../src/core/reminders/recipients';
import {
  isPast,
  readSchedule,
  scheduledInPastWarning,
  stageScheduledHeader,
} from '../../../src/core/reminders/schedule';
import {
  DEFAULT_FEEDBACK_HOURS,
  feedbackDue,
  parseFeedbackHoursCell,
  parseStageServiceLevelCells,
} from '../../../src/core/reminders/service-levels';
import { formatInZone } from '../../../src/core/time-zone';
import { LA, TOKYO, local } from './builders';

describe('scheduled interviews', () => {
  it('heads the column after the stage, like the other per-stage columns', () => {
    expect(stageScheduledHeader({ name: 'Main interview' })).toBe('Main interview scheduled');
  });

  it('says whether a time has passed, to the millisecond', () => {
    const now = local('2026-12-04 00:00', TOKYO);
    expect(isPast(new Date(now.getTime() - 1), now)).toBe(true);
    expect(isPast(now, now)).toBe(false);
    expect(isPast(new Date(now.getTime() + 1), now)).toBe(false);
  });

  it('warns about a new interview scheduled in the past, in the spreadsheet zone', () => {
    const now = local('2026-12-04 00:00', TOKYO);
    expect(scheduledInPastWarning(local('2026-12-03 23:59', TOKYO), now, TOKYO)).toBe(
      '2026-12-03 23:59 has already passed (times are in Asia/Tokyo). If the interview is still to come, check the day, month and year.',
    );
    expect(scheduledInPastWarning(local('2026-12-04 00:00', TOKYO), now, TOKYO)).toBeNull();
    expect(scheduledInPastWarning(local('2026-12-04 09:30', TOKYO), now, TOKYO)).toBeNull();
  });

  it('reads a row of scheduled cells, leaving blanks out and reporting what it cannot read', () => {
    const { schedule, problems } = readSchedule(
      { screening: '2026-12-03 14:30', 'main-interview': '', 'practical-test': '2026-02-30 10:00' },
      LA,
    );
    expect(schedule).toEqual({ screening: local('2026-12-03 14:30') });
    expect(problems).toEqual([
      { stageId: 'practical-test', problem: 'holds "2026-02-30 10:00", but February 2026 has only 28 days' },
    ]);
  });
});

describe('service levels from the Pipeline sheet', () => {
  it('reads the feedback hours, blank meaning the default of 24', () => {
    expect(DEFAULT_FEEDBACK_HOURS).toBe(24);
    expect(parseFeedbackHoursCell('')).toEqual({ kind: 'value', value: 24 });
    expect(parseFeedbackHoursCell(48)).toEqual({ kind: 'value', value: 48 });
    expect(parseFeedbackHoursCell(' 1.5 ')).toEqual({ kind: 'value', value: 1.5 });
    for (const bad of [0, -3, 'soon', true]) {
      expect(parseFeedbackHoursCell(bad).kind).toBe('invalid');
    }
    expect(parseFeedbackHoursCell('soon')).toEqual({
      kind: 'invalid',
      problem: 'holds "soon", which is not a number of hours above 0 (leave it blank for the default of 24)',
    });
  });

  it('reads a stage service level as the Next step due formula does: business days first, then hours', () => {
    expect(parseStageServiceLevelCells(7, '')).toEqual({
      kind: 'value',
      value: { within: 7, unit: 'businessDays' },
    });
    expect(parseStageServiceLevelCells('', 48)).toEqual({
      kind: 'value',
      value: { within: 48, unit: 'hours' },
    });
    expect(parseStageServiceLevelCells(0, 48)).toEqual({
      kind: 'value',
      value: { within: 48, unit: 'hours' },
    });
    expect(parseStageServiceLevelCells('', '')).toEqual({ kind: 'value', value: undefined });
    expect(parseStageServiceLevelCells('a week', '')).toEqual({
      kind: 'invalid',
      problem: 'holds "a week", which is not a number of business days',
    });
  });

  it('puts feedback due a number of wall-clock hours after the interview', () => {
    expect(formatInZone(feedbackDue(local('2026-10-31 14:30'), 24, LA), LA, true)).toBe('2026-11-01 14:30');
    expect(formatInZone(feedbackDue(local('2026-12-03 23:30', TOKYO), 1, TOKYO), TOKYO, true)).toBe(
      '2026-12-04 00:30',
    );
  });
});

describe('who can receive a reminder', () => {
  it('takes email addresses and nothing else', () => {
    for (const ok of ['ann@example.com', ' Ann.Lee+hiring@mail.example.co.uk '])
      expect(isEmailAddress(ok)).toBe(true);
    for (const bad of [
      '',
      'Ann',
      'ann@',
      '@example.com',
      'ann@example',
      'ann@@example.com',
      'ann lee@example.com',
      '<ann@example.com>',
    ]) {
      expect([bad, isEmailAddress(bad)]).toEqual([bad, false]);
    }
  });
});
