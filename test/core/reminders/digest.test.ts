import { planDigests, type Digest } from '../../../src/core/reminders/digest';
import { progressFromScoreLog } from '../../../src/core/reminders/progress';
import type { LogEntry } from '../../../src/core/scoring/log';
import { candidate, input, local, progress } from './builders';

const HOUR = 3_600_000;

function digestFor(digests: readonly Digest[], email: string): Digest {
  const found = digests.find((d) => d.email.toLowerCase() === email.toLowerCase());
  if (!found)
    throw new Error(`no digest for ${email}; digests for ${digests.map((d) => d.email).join(', ')}`);
  return found;
}

const ada = candidate({
  id: 'C-0001',
  name: 'Ada Lovelace',
  schedule: { screening: local('2026-12-01 10:00') },
});

describe('scorecards owed by interviewers', () => {
  it('reminds only the panel members who have not submitted, with when and how late', () => {
    const plan = planDigests(
      input({ candidates: [ada], progress: progress([['C-0001', 'screening', 'ann@example.com']]) }),
    );
    expect(plan.digests.map((d) => d.email).sort()).toEqual(['bob@example.com', 'mia@example.com']);
    const bob = digestFor(plan.digests, 'bob@example.com');
    expect(bob.scorecards).toEqual([
      {
        kind: 'scorecard',
        candidateId: 'C-0001',
        candidateName: 'Ada Lovelace',
        stageId: 'screening',
        stageName: 'Screening',
        interviewAt: local('2026-12-01 10:00'),
        dueAt: local('2026-12-02 10:00'),
        overdueMs: 23 * HOUR,
      },
    ]);
    expect(bob.overdue).toEqual([]);
    expect(bob.decisions).toEqual([]);
  });

  it('does not ask for a scorecard for an interview still to come', () => {
    const later = candidate({ id: 'C-0002', schedule: { screening: local('2026-12-03 09:01') } });
    expect(planDigests(input({ candidates: [later] })).digests).toEqual([]);
  });

  it('lists a scorecard as due (not late) inside the feedback service level, and honours a custom one', () => {
    const earlier = candidate({ id: 'C-0002', schedule: { screening: local('2026-12-03 08:00') } });
    const [first] = planDigests(input({ candidates: [earlier] })).digests;
    expect(first.scorecards[0].overdueMs).toBe(-23 * HOUR);
    const [strict] = planDigests(input({ candidates: [earlier], feedbackHours: 0.5 })).digests;
    expect(strict.scorecards[0].overdueMs).toBe(0.5 * HOUR);
  });

  it('counts the feedback service level on the wall clock across the change to summer time', () => {
    // Saturday 14:30 PST; 24 hours later on the wall clock is Sunday 14:30 PDT, 23 hours of real time.
    const beforeSpring = candidate({ id: 'C-0003', schedule: { screening: local('2026-03-07 14:30') } });
    const at = (now: string) =>
      planDigests(input({ candidates: [beforeSpring], now: local(now) })).digests[0].scorecards[0];
    expect(at('2026-03-08 14:00').overdueMs).toBe(-0.5 * HOUR);
    expect(at('2026-03-08 15:00').overdueMs).toBe(0.5 * HOUR);
    expect(at('2026-03-08 15:00').dueAt).toEqual(local('2026-03-08 14:30'));
  });

  it('compares addresses with sameEmail: case and spaces never make a submitted interviewer owe again', () => {
    const plan = planDigests(
      input({
        candidates: [candidate({ ...ada, panel: ['Ann@Example.com', 'bob@example.com'] })],
        progress: progress([
          ['C-0001', 'screening', ' ann@EXAMPLE.com'],
          ['C-0001', 'screening', 'BOB@example.com'],
        ]),
      }),
    );
    expect(plan.digests.flatMap((d) => d.scorecards)).toEqual([]);
  });

  it('asks nothing once the stage is decided or the candidate has moved on', () => {
    const decided = planDigests(
      input({ candidates: [ada], progress: progress([], [['C-0001', 'screening']]) }),
    );
    expect(decided.digests).toEqual([]);
    const movedOn = candidate({ ...ada, stageId: 'main-interview', stageName: 'Main interview' });
    expect(planDigests(input({ candidates: [movedOn] })).digests).toEqual([]);
  });

  it('skips rejected, withdrawn and hired candidates, whatever is owed or overdue', () => {
    for (const status of ['Rejected', 'withdrawn', ' Hired ']) {
      const closed = candidate({ ...ada, status, inStageSince: local('2026-11-01 09:00') });
      const plan = planDigests(
        input({
          candidates: [closed],
          stageServiceLevels: { screening: { within: 1, unit: 'businessDays' } },
        }),
      );
      expect([status, plan.digests]).toEqual([status, []]);
    }
  });

  it('still asks for scorecards for candidates on hold or with an offer out', () => {
    for (const status of ['On hold', 'Offer']) {
      const plan = planDigests(input({ candidates: [candidate({ ...ada, status })] }));
      expect(plan.digests.map((d) => d.email).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    }
  });

  it('skips a Panel entry that is not an email address, with a line for the run log', () => {
    const plan = planDigests(
      input({ candidates: [candidate({ ...ada, panel: ['ann@example.com', 'bob'] })] }),
    );
    expect(plan.digests.map((d) => d.email)).toEqual(['ann@example.com']);
    expect(plan.skipped).toEqual([
      {
        candidateId: 'C-0001',
        message:
          'C-0001 (Ada Lovelace): "bob" in Panel is not an email address, so no reminder went to them.',
      },
    ]);
  });

  it('says when an interview took place but the Panel names nobody', () => {
    const plan = planDigests(input({ candidates: [candidate({ ...ada, panel: [] })] }));
    expect(plan.digests).toEqual([]);
    expect(plan.skipped.map((s) => s.message)).toEqual([
      'C-0001 (Ada Lovelace): the Screening interview has taken place, but the Panel cell names nobody, so nobody was reminded.',
    ]);
  });
});

describe("what waits for the hiring manager's decision", () => {
  it('is waiting once every panel scorecard is in, even before the feedback service level runs out', () => {
    const fresh = candidate({ ...ada, schedule: { screening: local('2026-12-03 08:00') } });
    const plan = planDigests(
      input({
        candidates: [fresh],
        progress: progress([
          ['C-0001', 'screening', 'ann@example.com'],
          ['C-0001', 'screening', 'bob@example.com'],
        ]),
      }),
    );
    expect(plan.digests.map((d) => d.email)).toEqual(['mia@example.com']);
    expect(plan.digests[0].decisions).toEqual([
      expect.objectContaining({
        kind: 'decision',
        stageName: 'Screening',
        submitted: 2,
        panelSize: 2,
        missing: [],
      }),
    ]);
  });

  it('is waiting with some scorecards missing once feedback is late, naming who is missing', () => {
    const some = progress([['C-0001', 'screening', 'ann@example.com']]);
    const late = planDigests(input({ candidates: [ada], progress: some }));
    expect(digestFor(late.digests, 'mia@example.com').decisions).toEqual([
      expect.objectContaining({
        submitted: 1,
        panelSize: 2,
        missing: ['bob@example.com'],
        overdueMs: 23 * HOUR,
      }),
    ]);
    const notYet = planDigests(input({ candidates: [ada], progress: some, now: local('2026-12-02 09:00') }));
    expect(notYet.digests.map((d) => d.email)).toEqual(['bob@example.com']);
  });

  it('is not waiting while nobody has submitted', () => {
    const plan = planDigests(input({ candidates: [ada] }));
    expect(plan.digests.map((d) => d.email).sort()).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('counts a stage without a scheduled time as waiting once the whole panel is in', () => {
    const unscheduled = candidate({ id: 'C-0005', name: 'Grace Hopper' });
    const all = progress([
      ['C-0005', 'screening', 'ann@example.com'],
      ['C-0005', 'screening', 'bob@example.com'],
    ]);
    const plan = planDigests(input({ candidates: [unscheduled], progress: all }));
    expect(plan.digests[0].decisions).toEqual([
      expect.objectContaining({
        candidateName: 'Grace Hopper',
        interviewAt: null,
        overdueMs: 0,
        missing: [],
      }),
    ]);
  });

  it('notes a waiting decision whose Hiring manager cell is blank or not an address', () => {
    const all = progress([
      ['C-0001', 'screening', 'ann@example.com'],
      ['C-0001', 'screening', 'bob@example.com'],
    ]);
    const blank = planDigests(
      input({ candidates: [candidate({ ...ada, hiringManager: '' })], progress: all }),
    );
    expect(blank.digests).toEqual([]);
    expect(blank.skipped.map((s) => s.message)).toEqual([
      'C-0001 (Ada Lovelace): the Screening decision is waiting, but the Hiring manager cell is blank, so nobody was told.',
    ]);
    const name = planDigests(
      input({ candidates: [candidate({ ...ada, hiringManager: 'Mia' })], progress: all }),
    );
    expect(name.skipped.map((s) => s.message)).toEqual([
      'C-0001 (Ada Lovelace): the Screening decision is waiting, but "Mia" in Hiring manager is not an email address, so nobody was told.',
    ]);
  });
});

describe('candidates overdue against their stage service level', () => {
  const levels = { screening: { within: 2, unit: 'businessDays' as const } };
  // Thursday 26 November 2026, 15:00 in Los Angeles: two business days later is Monday 30 November, 00:00.
  const waiting = candidate({ id: 'C-0007', name: 'Alan Turing', inStageSince: local('2026-11-26 15:00') });

  it('tells the hiring manager, counted like the Overdue column', () => {
    const plan = planDigests(input({ candidates: [waiting], stageServiceLevels: levels }));
    expect(plan.digests).toEqual([
      {
        email: 'mia@example.com',
        scorecards: [],
        decisions: [],
        overdue: [
          {
            kind: 'overdue',
            candidateId: 'C-0007',
            candidateName: 'Alan Turing',
            stageId: 'screening',
            stageName: 'Screening',
            inStageSince: local('2026-11-26 15:00'),
            dueAt: local('2026-11-30 00:00'),
            overdueMs: 3 * 24 * HOUR + 9 * HOUR,
          },
        ],
        mostOverdueMs: 3 * 24 * HOUR + 9 * HOUR,
        itemCount: 1,
      },
    ]);
  });

  it('says nothing before the due time, without a service level, or when the candidate is not Active', () => {
    expect(
      planDigests(
        input({ candidates: [waiting], stageServiceLevels: levels, now: local('2026-11-29 23:59') }),
      ).digests,
    ).toEqual([]);
    expect(planDigests(input({ candidates: [waiting] })).digests).toEqual([]);
    const onHold = candidate({ ...waiting, status: 'On hold' });
    expect(planDigests(input({ candidates: [onHold], stageServiceLevels: levels })).digests).toEqual([]);
  });
});

describe('one digest per person, most overdue first', () => {
  it('merges what someone owes as interviewer and as hiring manager into one digest', () => {
    const managedByAnn = candidate({
      id: 'C-0008',
      name: 'Barbara Liskov',
      hiringManager: 'ann@example.com',
      panel: ['bob@example.com'],
      schedule: { screening: local('2026-11-30 10:00') },
    });
    const plan = planDigests(
      input({
        candidates: [ada, managedByAnn],
        progress: progress([['C-0008', 'screening', 'Bob@Example.com']]),
      }),
    );
    const ann = plan.digests.filter((d) => d.email.toLowerCase() === 'ann@example.com');
    expect(ann).toHaveLength(1);
    expect(ann[0].scorecards.map((s) => s.candidateId)).toEqual(['C-0001']);
    expect(ann[0].decisions.map((s) => s.candidateId)).toEqual(['C-0008']);
    expect(ann[0].itemCount).toBe(2);
  });

  it('sorts items and digests by how overdue they are', () => {
    const older = candidate({
      id: 'C-0009',
      name: 'Zed',
      schedule: { screening: local('2026-11-20 10:00') },
    });
    const mine = candidate({
      id: 'C-0010',
      name: 'Yan',
      panel: ['carl@example.com'],
      schedule: { screening: local('2026-11-25 10:00') },
    });
    const plan = planDigests(input({ candidates: [ada, mine, older] }));
    expect(digestFor(plan.digests, 'ann@example.com').scorecards.map((s) => s.candidateName)).toEqual([
      'Zed',
      'Ada Lovelace',
    ]);
    expect(plan.digests.map((d) => d.email)).toEqual([
      'ann@example.com',
      'bob@example.com',
      'carl@example.com',
    ]);
    expect(plan.digests.map((d) => d.mostOverdueMs)).toEqual([
      local('2026-12-03 09:00').getTime() - local('2026-11-21 10:00').getTime(),
      local('2026-12-03 09:00').getTime() - local('2026-11-21 10:00').getTime(),
      local('2026-12-03 09:00').getTime() - local('2026-11-26 10:00').getTime(),
    ]);
  });
});

describe('bad input', () => {
  it('refuses an unknown time zone and a feedback service level that is not above 0', () => {
    expect(() => planDigests(input({ timeZone: 'Nowhere/Land' }))).toThrow(
      '"Nowhere/Land" is not a time zone name',
    );
    expect(() => planDigests(input({ feedbackHours: 0 }))).toThrow(
      'The feedback service level must be a number of hours above 0, not 0.',
    );
    expect(() => planDigests(input({ feedbackHours: Number.NaN }))).toThrow('not NaN');
  });

  it('notes a scheduled stage that is not a stage of the process', () => {
    const odd = candidate({ ...ada, schedule: { 'reference-check': local('2026-12-01 10:00') } });
    expect(planDigests(input({ candidates: [odd] })).skipped.map((s) => s.message)).toEqual([
      'C-0001 (Ada Lovelace): a scheduled interview is for "reference-check", which is not a stage of this process; it was left out.',
    ]);
  });
});

describe('progress from the Score log', () => {
  const row = (over: Partial<LogEntry>): LogEntry => ({
    timestamp: '2026-12-01T18:00:00.000Z',
    submissionId: 'sub-00000001',
    version: 1,
    candidateId: 'C-0001',
    stageId: 'screening',
    interviewer: 'ann@example.com',
    kind: 'score',
    category: 'communication',
    score: 4,
    note: '',
    ...over,
  });

  it('knows who submitted and what was decided, without looking at scores', () => {
    const entries = [
      row({}),
      row({ kind: 'recommendation', category: '', score: null, note: 'yes' }),
      row({ kind: 'score', version: 2, submissionId: 'sub-00000002' }),
      row({ interviewer: 'mia@example.com', kind: 'decision', stageId: 'main-interview', note: 'advance' }),
    ];
    expect(progressFromScoreLog(entries)).toEqual(
      progress([['C-0001', 'screening', 'ann@example.com']], [['C-0001', 'main-interview']]),
    );
    const plan = planDigests(input({ candidates: [ada], progress: progressFromScoreLog(entries) }));
    expect(plan.digests.map((d) => d.email).sort()).toEqual(['bob@example.com', 'mia@example.com']);
  });
});
