/**
 * The pipeline per stage, on a small workbook whose figures are worked out by hand below. Dates are read in
 * New York time (UTC−4 in May), and "now" is late on Tuesday 13 May there while it is already 14 May in UTC, so a
 * figure taken in the wrong time zone comes out a day off.
 */
import { addBusinessDays, calendarDay, weekdayOfDay } from '../../../src/core/time-zone';
import {
  type PipelineCandidate,
  type PipelineStage,
  stagePipeline,
} from '../../../src/core/insights/pipeline';
import { stageRecords } from '../../../src/core/insights/records';
import { decision, scorecard } from './log';

const ZONE = 'America/New_York';
const NOW = new Date('2025-05-14T02:00:00.000Z'); // Tuesday 13 May 2025, 22:00 in New York
const HM = 'manager@example.com';
const A = 'alice@example.com';
const B = 'bob@example.com';

/** Midnight of a New York calendar day, as Sheets hands a date cell to a script. */
function nyDate(day: string): Date {
  return new Date(`${day}T04:00:00.000Z`);
}

const STAGES: PipelineStage[] = [
  { id: 'screening', optional: false, serviceLevel: { within: 2, unit: 'businessDays' } },
  { id: 'main', optional: false, serviceLevel: { within: 48, unit: 'hours' } },
  { id: 'practical', optional: true },
  { id: 'references', optional: false, serviceLevel: null },
];

function candidate(
  id: string,
  stageId: string | null,
  status: string,
  since: string | null,
): PipelineCandidate {
  return { id, stageId, status, inStageSince: since === null ? null : nyDate(since) };
}

const CANDIDATES: PipelineCandidate[] = [
  candidate('K1', 'screening', 'Active', '2025-05-09'), // Friday; due WORKDAY(Fri, 2) = Tue 13 May: overdue today
  candidate('K2', 'screening', 'On hold', '2025-05-12'), // on hold: never overdue
  candidate('K3', 'screening', 'Rejected', '2025-05-01'),
  candidate('K4', 'main', 'Active', '2025-05-12'), // due 12 May 00:00 + 48 h = 14 May 00:00 NY: not yet
  candidate('K5', 'main', 'active', '2025-05-10'), // due 12 May 00:00 NY: overdue (status in any case)
  candidate('K6', 'main', 'Withdrawn', '2025-05-08'),
  candidate('K7', 'references', 'Active', '2025-05-13'), // took the optional practical test
  candidate('K8', 'references', 'Offer', '2025-05-11'), // skipped it
  candidate('K9', null, 'Active', '2025-05-01'), // Stage cell blank: only the log says where they were
  candidate('K10', 'screening', 'Active', null), // no "In stage since": no days, never overdue
];

const LOG = [
  // K4 screening: first scorecard Mon 5 May 10:00 NY, decision Tue 6 May 23:00 NY (already 7 May in UTC): 1 day.
  ...scorecard('K4', 'screening', A, { comm: 4 }, 'yes', '2025-05-05T14:00:00.000Z'),
  ...decision('K4', 'screening', 'advance', HM, '2025-05-07T03:00:00.000Z'),
  // K5 screening: 6 May → 9 May: 3 days.
  ...scorecard('K5', 'screening', A, { comm: 4 }, 'yes', '2025-05-06T13:00:00.000Z'),
  ...decision('K5', 'screening', 'advance', HM, '2025-05-09T13:00:00.000Z'),
  // K6 screening: first scorecard 6 May (bob's on 7 May comes later) → decision 7 May: 1 day.
  ...scorecard('K6', 'screening', A, { comm: 4 }, 'yes', '2025-05-06T13:00:00.000Z'),
  ...scorecard('K6', 'screening', B, { comm: 4 }, 'yes', '2025-05-07T13:00:00.000Z'),
  ...decision('K6', 'screening', 'advance', HM, '2025-05-07T20:00:00.000Z'),
  // K7 practical: 11 May → 12 May: 1 day (the decision recorded again on 13 May does not restart the clock).
  ...scorecard('K7', 'practical', A, { work: 5 }, 'strong-yes', '2025-05-11T15:00:00.000Z'),
  ...decision('K7', 'practical', 'advance', HM, '2025-05-12T15:00:00.000Z'),
  ...decision('K7', 'practical', 'advance', HM, '2025-05-13T15:00:00.000Z'),
  // K7 main: a decision without any scorecard: evidence of the stage, but no time to decision.
  ...decision('K7', 'main', 'advance', HM, '2025-05-10T15:00:00.000Z'),
  // K9 screening: a scorecard only.
  ...scorecard('K9', 'screening', A, { comm: 2 }, 'no', '2025-05-02T13:00:00.000Z'),
  // K99 is no longer on the Candidates sheet: left out.
  ...scorecard('K99', 'screening', A, { comm: 2 }, 'no', '2025-05-02T13:00:00.000Z'),
  ...decision('K99', 'screening', 'reject', HM, '2025-05-12T13:00:00.000Z'),
];

function pipeline() {
  return stagePipeline({
    stages: STAGES,
    candidates: CANDIDATES,
    records: stageRecords(LOG),
    timeZone: ZONE,
    now: NOW,
  });
}

describe('the pipeline per stage', () => {
  it('screening', () => {
    expect(pipeline()[0]).toEqual({
      stageId: 'screening',
      // Everyone: K1, K2, K3, K10 are in it or left it there; K4–K8 are beyond it; K9 has a scorecard for it.
      reached: 10,
      inStage: 3, // K1, K2 (on hold), K10
      passed: 5, // K4, K5, K6, K7, K8
      rejected: 1, // K3
      withdrew: 0,
      passThroughRate: 5 / 6, // 5 of the 6 who left it
      medianDaysInStage: 2.5, // K1 4 days (9 → 13 May), K2 1 day; K10 has no date
      longestDaysInStage: 4,
      overdue: 1, // K1 (K2 is on hold, K10 has no date)
      decided: 3, // K4 1 day, K5 3 days, K6 1 day (K99 left out)
      medianDaysToDecision: 1,
    });
  });

  it('main interview', () => {
    expect(pipeline()[1]).toEqual({
      stageId: 'main',
      reached: 5, // K4, K5, K6 here; K7, K8 beyond
      inStage: 2, // K4, K5
      passed: 2, // K7, K8
      rejected: 0,
      withdrew: 1, // K6
      passThroughRate: 2 / 3,
      medianDaysInStage: 2, // K4 1 day (12 → 13 May in New York; 2 in UTC), K5 3 days
      longestDaysInStage: 3,
      overdue: 1, // K5; K4 is due at midnight
      decided: 0, // K7's decision has no scorecard before it
      medianDaysToDecision: null,
    });
  });

  it('an optional stage counts only those who took it', () => {
    expect(pipeline()[2]).toEqual({
      stageId: 'practical',
      reached: 1, // K7 has a scorecard for it; K8 went past it without one
      inStage: 0,
      passed: 1,
      rejected: 0,
      withdrew: 0,
      passThroughRate: 1,
      medianDaysInStage: null,
      longestDaysInStage: null,
      overdue: null, // no service level
      decided: 1,
      medianDaysToDecision: 1,
    });
  });

  it('the last stage: an offer is a pass', () => {
    expect(pipeline()[3]).toEqual({
      stageId: 'references',
      reached: 2, // K7, K8
      inStage: 1, // K7
      passed: 1, // K8 (Offer)
      rejected: 0,
      withdrew: 0,
      passThroughRate: 1,
      medianDaysInStage: 0, // K7 entered today
      longestDaysInStage: 0,
      overdue: null, // no service level set
      decided: 0,
      medianDaysToDecision: null,
    });
  });

  it('the same workbook read in UTC counts the days differently', () => {
    const utc = stagePipeline({
      stages: STAGES,
      candidates: CANDIDATES,
      records: stageRecords(LOG),
      timeZone: 'UTC',
      now: NOW,
    });
    // In UTC it is already Wednesday 14 May, and the dates are read as the UTC days they fall on.
    expect(utc[1].medianDaysInStage).toBe(3); // K4 2 days, K5 4 days
    expect(utc[0].medianDaysToDecision).toBe(2); // K4 2, K5 3, K6 1 (1 in New York)
  });

  it('gives zeros and blanks for an empty workbook', () => {
    const empty = stagePipeline({ stages: STAGES, candidates: [], records: [], timeZone: ZONE, now: NOW });
    expect(empty[0]).toEqual({
      stageId: 'screening',
      reached: 0,
      inStage: 0,
      passed: 0,
      rejected: 0,
      withdrew: 0,
      passThroughRate: null,
      medianDaysInStage: null,
      longestDaysInStage: null,
      overdue: 0,
      decided: 0,
      medianDaysToDecision: null,
    });
    expect(empty[3].overdue).toBeNull();
  });
});

describe('calendar days in a time zone', () => {
  it('reads an instant as the day it falls on in the zone', () => {
    const instant = new Date('2025-05-14T02:00:00.000Z');
    expect(calendarDay(instant, 'UTC') - calendarDay(instant, ZONE)).toBe(1);
    expect(calendarDay(new Date('1970-01-01T12:00:00.000Z'), 'UTC')).toBe(0);
    expect(calendarDay(new Date('2025-03-30T23:30:00.000Z'), 'Asia/Tokyo')).toBe(
      calendarDay(new Date('2025-03-31T12:00:00.000Z'), 'UTC'),
    );
  });

  it('counts working days as WORKDAY does', () => {
    const friday = calendarDay(new Date('2025-05-09T12:00:00.000Z'), 'UTC');
    expect(weekdayOfDay(friday)).toBe(5);
    expect(addBusinessDays(friday, 1) - friday).toBe(3); // Monday
    expect(addBusinessDays(friday, 5) - friday).toBe(7); // next Friday
    const saturday = friday + 1;
    expect(addBusinessDays(saturday, 1) - saturday).toBe(2); // Monday
    expect(addBusinessDays(friday, 0)).toBe(friday);
  });

  it('names an unknown time zone', () => {
    expect(() => calendarDay(NOW, 'Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone name');
  });
});
