/**
 * Interviewer calibration on a small Score log whose every figure is worked out by hand below.
 */
import {
  RECOMMENDED_OUTCOME,
  interviewerCalibration,
  recommendationMatches,
} from '../../../src/core/insights/calibration';
import { MIN_SHARED_CANDIDATES } from '../../../src/core/insights/labels';
import { stageRecords } from '../../../src/core/insights/records';
import { decision, scorecard } from './log';

const A = 'alice@example.com';
const B = 'bob@example.com';
const C = 'carol@example.com';
const HM = 'manager@example.com';

const STAGES = [
  { id: 'screening', categories: [{ id: 'comm' }, { id: 'fit' }] },
  { id: 'main', categories: [{ id: 'depth' }] },
];

/**
 * | candidate, stage | alice            | bob          | carol           | manager     | decision (manager) |
 * | ---------------- | ---------------- | ------------ | --------------- | ----------- | ------------------ |
 * | C1 screening     | 4, 3 yes 10:00   | 2, 3 no 11:00| —               | 3, 3 yes 09:00 | advance         |
 * | C2 screening     | 5, 4 s-yes 12:00 | 3, 4 yes 09:00 | 4, 4 yes 15:00 | —         | reject             |
 * | C3 screening     | 3, 2 no 09:00    | —            | 2, 2 s-no 13:00 | —           | hold               |
 * | C4 screening     | v1 1, 1 at 09:00; v2 4, 4 yes at 14:00 | — | — | —          | none               |
 * | C1 main          | depth 4 yes 09:00 | depth 5 yes 10:00 | —         | —           | none               |
 *
 * (comm, fit; times on the day of each record: C1 screening 2025-05-01, C2 05-02, C3 05-03, C4 05-04, C1 main
 * 05-06). C1's screening was scheduled for 08:00 and its main interview for 09:00; the others have no schedule.
 * Alice's C2 scorecard also scores a category no longer in the rubric ("archived"): it is left out.
 */
const log = [
  ...scorecard('C1', 'screening', HM, { comm: 3, fit: 3 }, 'yes', '2025-05-01T09:00:00.000Z'),
  ...scorecard('C1', 'screening', A, { comm: 4, fit: 3 }, 'yes', '2025-05-01T10:00:00.000Z'),
  ...scorecard('C1', 'screening', B, { comm: 2, fit: 3 }, 'no', '2025-05-01T11:00:00.000Z'),
  ...decision('C1', 'screening', 'advance', HM, '2025-05-01T16:00:00.000Z'),
  ...scorecard('C2', 'screening', B, { comm: 3, fit: 4 }, 'yes', '2025-05-02T09:00:00.000Z'),
  ...scorecard(
    'C2',
    'screening',
    A,
    { comm: 5, fit: 4, archived: 2 },
    'strong-yes',
    '2025-05-02T12:00:00.000Z',
  ),
  ...scorecard('C2', 'screening', C, { comm: 4, fit: 4 }, 'yes', '2025-05-02T15:00:00.000Z'),
  ...decision('C2', 'screening', 'reject', HM, '2025-05-02T17:00:00.000Z'),
  ...scorecard('C3', 'screening', A, { comm: 3, fit: 2 }, 'no', '2025-05-03T09:00:00.000Z'),
  ...scorecard('C3', 'screening', C, { comm: 2, fit: 2 }, 'strong-no', '2025-05-03T13:00:00.000Z'),
  ...decision('C3', 'screening', 'hold', HM, '2025-05-03T17:00:00.000Z'),
  ...scorecard('C4', 'screening', A, { comm: 1, fit: 1 }, 'no', '2025-05-04T09:00:00.000Z'),
  // The revision is logged with the address in another case: still Alice.
  ...scorecard(
    'C4',
    'screening',
    'Alice@Example.com',
    { comm: 4, fit: 4 },
    'yes',
    '2025-05-04T14:00:00.000Z',
    2,
  ),
  ...scorecard('C1', 'main', A, { depth: 4 }, 'yes', '2025-05-06T09:00:00.000Z'),
  ...scorecard('C1', 'main', B, { depth: 5 }, 'yes', '2025-05-06T10:00:00.000Z'),
];

const schedules = {
  C1: { screening: new Date('2025-05-01T08:00:00.000Z'), main: new Date('2025-05-06T09:00:00.000Z') },
};

function calibrate() {
  return interviewerCalibration({ records: stageRecords(log), stages: STAGES, schedules });
}

describe('the recommendation → decision mapping', () => {
  it('reads yes and strong yes as advance, no and strong no as reject', () => {
    expect(RECOMMENDED_OUTCOME).toEqual({
      'strong-yes': 'advance',
      yes: 'advance',
      no: 'reject',
      'strong-no': 'reject',
    });
    expect(recommendationMatches('strong-yes', 'advance')).toBe(true);
    expect(recommendationMatches('no', 'advance')).toBe(false);
    expect(recommendationMatches('strong-no', 'reject')).toBe(true);
  });

  it('counts a hold as neither a match nor a miss', () => {
    expect(recommendationMatches('yes', 'hold')).toBeNull();
    expect(recommendationMatches('no', 'hold')).toBeNull();
  });
});

describe('interviewer calibration', () => {
  it('lists every interviewer once, in order of email, case folded', () => {
    expect(calibrate().map((row) => row.interviewer)).toEqual([A, B, C, HM]);
  });

  it("Alice: lenient on communication, in line on fit, against bob's higher depth", () => {
    const alice = calibrate()[0];
    // Scorecards: C1, C2, C3, C4 screening and C1 main (C4's revision replaces version 1).
    expect(alice.scorecards).toBe(5);
    expect(alice.categories).toEqual([
      // comm: 4, 5, 3, 4 → mean 4. Offsets from the others on the same candidate: C1 4 − mean(2, 3) = 1.5;
      // C2 5 − mean(3, 4) = 1.5; C3 3 − 2 = 1; C4 nobody else. Mean 4/3 over 3 shared candidates.
      {
        stageId: 'screening',
        categoryId: 'comm',
        scorecards: 4,
        meanScore: 4,
        meanOffset: expect.closeTo(4 / 3, 12),
        sharedCandidates: 3,
        tooFewToJudge: true,
      },
      // fit: 3, 4, 2, 4 → 3.25. Offsets: C1 3 − 3 = 0, C2 4 − 4 = 0, C3 2 − 2 = 0.
      {
        stageId: 'screening',
        categoryId: 'fit',
        scorecards: 4,
        meanScore: 3.25,
        meanOffset: 0,
        sharedCandidates: 3,
        tooFewToJudge: true,
      },
      // depth: 4; bob gave 5 → offset −1.
      {
        stageId: 'main',
        categoryId: 'depth',
        scorecards: 1,
        meanScore: 4,
        meanOffset: -1,
        sharedCandidates: 1,
        tooFewToJudge: true,
      },
    ]);
    // Decisions: C1 advance vs yes (match), C2 reject vs strong-yes (miss), C3 hold (not compared), C4 and
    // C1 main undecided. 1 of 2.
    expect(alice).toMatchObject({ decisionsCompared: 2, decisionsMatched: 1, decisionMatchRate: 0.5 });
    // Hours from the interview to her first scorecard: C1 scheduled 08:00 → 10:00 = 2; C2 first scorecard
    // (bob, 09:00) → 12:00 = 3; C3 she was first = 0; C4 her version 1 was first = 0 (the 14:00 revision does
    // not count); C1 main scheduled 09:00 → 09:00 = 0. Median of 0, 0, 0, 2, 3 = 0.
    expect(alice.medianFeedbackHours).toBe(0);
  });

  it('Bob: severe on communication, never matching the decision', () => {
    const bob = calibrate()[1];
    expect(bob.scorecards).toBe(3);
    expect(bob.categories.map((c) => [c.categoryId, c.meanScore, c.meanOffset, c.sharedCandidates])).toEqual([
      // comm 2, 3 → 2.5; C1 2 − mean(3, 4) = −1.5; C2 3 − mean(5, 4) = −1.5.
      ['comm', 2.5, -1.5, 2],
      // fit 3, 4 → 3.5; C1 3 − mean(3, 3) = 0; C2 4 − mean(4, 4) = 0.
      ['fit', 3.5, 0, 2],
      // depth 5 − 4 = +1.
      ['depth', 5, 1, 1],
    ]);
    // C1 advance vs no (miss), C2 reject vs yes (miss).
    expect(bob).toMatchObject({ decisionsCompared: 2, decisionsMatched: 0, decisionMatchRate: 0 });
    // C1 08:00 → 11:00 = 3; C2 he was first = 0; C1 main 09:00 → 10:00 = 1. Median 1.
    expect(bob.medianFeedbackHours).toBe(1);
  });

  it('Carol: two candidates, one miss and one hold', () => {
    const carol = calibrate()[2];
    expect(carol.categories.map((c) => [c.categoryId, c.meanScore, c.meanOffset])).toEqual([
      // comm 4, 2 → 3; C2 4 − mean(3, 5) = 0; C3 2 − 3 = −1 → −0.5.
      ['comm', 3, -0.5],
      // fit 4, 2 → 3; C2 4 − 4 = 0; C3 2 − 2 = 0.
      ['fit', 3, 0],
    ]);
    expect(carol).toMatchObject({ decisionsCompared: 1, decisionsMatched: 0, decisionMatchRate: 0 });
    // C2 first scorecard 09:00 → 15:00 = 6; C3 first 09:00 → 13:00 = 4. Median 5.
    expect(carol.medianFeedbackHours).toBe(5);
  });

  it("does not compare the hiring manager's own scorecard with their own decision", () => {
    const manager = calibrate()[3];
    expect(manager).toMatchObject({
      scorecards: 1,
      decisionsCompared: 0,
      decisionsMatched: 0,
      decisionMatchRate: null,
      // C1 scheduled 08:00 → 09:00.
      medianFeedbackHours: 1,
    });
    // comm 3 − mean(4, 2) = 0; fit 3 − mean(3, 3) = 0.
    expect(manager.categories.map((c) => c.meanOffset)).toEqual([0, 0]);
  });

  it(`judges an offset from ${MIN_SHARED_CANDIDATES} shared candidates`, () => {
    const entries = ['K1', 'K2', 'K3', 'K4', 'K5'].flatMap((id, i) => [
      ...scorecard(id, 'main', A, { depth: 4 }, 'yes', `2025-06-0${i + 1}T09:00:00.000Z`),
      ...scorecard(id, 'main', B, { depth: i === 4 ? 4 : 3 }, 'yes', `2025-06-0${i + 1}T10:00:00.000Z`),
    ]);
    const few = interviewerCalibration({ records: stageRecords(entries.slice(0, 16)), stages: STAGES });
    expect(few[0].categories[0]).toMatchObject({ sharedCandidates: 4, tooFewToJudge: true });
    const enough = interviewerCalibration({ records: stageRecords(entries), stages: STAGES });
    // Alice 4 against bob's 3, 3, 3, 3, 4: offsets 1, 1, 1, 1, 0 → 0.8.
    expect(enough[0].categories[0]).toMatchObject({ sharedCandidates: 5, tooFewToJudge: false });
    expect(enough[0].categories[0].meanOffset).toBeCloseTo(0.8, 12);
    expect(enough[1].categories[0].meanOffset).toBeCloseTo(-0.8, 12);
  });

  it('gives nothing for an empty log', () => {
    expect(interviewerCalibration({ records: [], stages: STAGES })).toEqual([]);
  });
});
