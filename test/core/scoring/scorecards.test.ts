/**
 * Scorecards, as round trips: submit through the plan the server appends, then read back what the hiring manager
 * sees in the panel and what the interviewer sees when the sidebar opens again.
 */
import { ALICE, BOB, HM, HiringLog, T1, T2, T3, scorecard, scores, stage } from './hiring-log';

describe('a submitted scorecard', () => {
  it('shows the interviewer, every score, the notes and the recommendation, as version 1', () => {
    const log = new HiringLog();
    const response = log.submit(
      ALICE,
      scorecard(scores(4, 5, 3), {
        notes: { decomposition: 'Clear steps.' },
        recommendation: 'strong-yes',
        overallNote: 'Hire: good on the queue scenario.',
      }),
    );
    expect(response).toEqual({ version: 1, submittedAt: T1, duplicate: false, afterPanel: null });
    expect(log.panel(HM).interviewers).toEqual([
      {
        email: ALICE,
        version: 1,
        submittedAt: T1,
        scores: scores(4, 5, 3),
        notes: { decomposition: 'Clear steps.' },
        recommendation: 'strong-yes',
        overallNote: 'Hire: good on the queue scenario.',
        afterPanel: null,
      },
    ]);
  });

  it('keeps notes exactly as written: colons, several lines, nothing at all', () => {
    const log = new HiringLog();
    log.submit(
      ALICE,
      scorecard(scores(4, 4, 4), { recommendation: 'strong-no', overallNote: 'Note: a: b\nline 2' }),
    );
    log.submit(BOB, scorecard(scores(4, 4, 4), { recommendation: 'no', overallNote: '' }));
    expect(log.panel(HM).interviewers.map((i) => [i.recommendation, i.overallNote])).toEqual([
      ['strong-no', 'Note: a: b\nline 2'],
      ['no', ''],
    ]);
  });

  it('is offered back to its author when the sidebar opens again', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(5, 4, 4), { notes: { 'technical-depth': 'Deep.' } }));
    expect(log.context(ALICE).mine).toEqual({
      version: 1,
      submittedAt: T1,
      scores: scores(5, 4, 4),
      notes: { 'technical-depth': 'Deep.' },
      recommendation: 'yes',
      overallNote: '',
      afterPanel: null,
    });
    expect(log.context(BOB).mine).toBeNull();
  });

  it('rows someone edited by hand into something unreadable still show, with their text kept', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4), { overallNote: 'fine' }));
    log.entries = log.entries.map((e) => (e.kind === 'recommendation' ? { ...e, note: 'maybe later' } : e));
    expect(log.panel(HM).interviewers[0]).toMatchObject({ recommendation: 'no', overallNote: 'maybe later' });
  });
});

describe('revisions and retries', () => {
  it('a second submission is version 2: the panel and the sidebar show it, and nothing is overwritten', () => {
    const log = new HiringLog();
    expect(log.submit(ALICE, scorecard(scores(3, 3, 3)), T1).version).toBe(1);
    expect(log.submit(ALICE, scorecard(scores(4, 4, 4)), T2).version).toBe(2);
    expect(log.panel(HM).interviewers).toEqual([
      expect.objectContaining({ email: ALICE, version: 2, submittedAt: T2, scores: scores(4, 4, 4) }),
    ]);
    expect(log.context(ALICE).mine).toMatchObject({ version: 2, scores: scores(4, 4, 4) });
    const before = [...log.entries];
    log.submit(ALICE, scorecard(scores(5, 5, 5)), T2);
    expect(log.entries.slice(0, before.length)).toEqual(before);
  });

  it('versions count per interviewer, whatever the case of their email, and per candidate and stage', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(3, 3, 3)));
    expect(log.submit('ALICE@example.com', scorecard(scores(4, 4, 4))).version).toBe(2);
    expect(log.submit(BOB, scorecard(scores(4, 4, 4))).version).toBe(1);
    expect(log.submit(ALICE, scorecard(scores(4, 4, 4), { candidateId: 'C-0002' })).version).toBe(1);
    // One scorecard per person: Alice's latest, recorded under the spelling she last used.
    expect(log.panel(HM).interviewers.map((i) => [i.email, i.version])).toEqual([
      ['ALICE@example.com', 2],
      [BOB, 1],
    ]);
  });

  it('the same form sent again under a new ID (a second click) is the same submission, not a new version', () => {
    const log = new HiringLog();
    const form = { notes: { decomposition: 'Clear steps' }, overallNote: 'Good' };
    expect(log.submit(ALICE, scorecard(scores(4, 4, 4), form), T1)).toMatchObject({
      version: 1,
      duplicate: false,
      afterPanel: null,
    });
    expect(log.submit(ALICE, scorecard(scores(4, 4, 4), form), T2)).toEqual({
      version: 1,
      submittedAt: T1,
      duplicate: true,
      afterPanel: null,
    });
    expect(log.submit(ALICE, scorecard(scores(4, 5, 4), form), T3)).toMatchObject({
      version: 2,
      duplicate: false,
      afterPanel: null,
    });
    expect(log.panel(ALICE).interviewers.map((i) => [i.email, i.version])).toEqual([[ALICE, 2]]);
  });

  it('a retried submission is recorded once and answers with the first version and time', () => {
    const log = new HiringLog();
    const request = scorecard(scores(4, 4, 4));
    log.submit(ALICE, request, T1);
    expect(log.submit(ALICE, request, T2)).toEqual({
      version: 1,
      submittedAt: T1,
      duplicate: true,
      afterPanel: null,
    });
    expect(log.panel(HM).interviewers).toEqual([
      expect.objectContaining({ email: ALICE, version: 1, submittedAt: T1 }),
    ]);
    expect(log.submit(ALICE, scorecard(scores(4, 4, 5)), T2).version).toBe(2); // a changed form is a new version;
  });

  it('an ID already used by someone else is refused, not treated as a retry', () => {
    const log = new HiringLog();
    const request = scorecard(scores(4, 4, 4));
    log.submit(ALICE, request);
    expect(() => log.submit(BOB, request, T2)).toThrow(
      'This submission ID was already used for another submission',
    );
    expect(log.panel(HM).interviewers.map((i) => i.email)).toEqual([ALICE]);
  });
});

describe('checked against the stage before anything is recorded', () => {
  it('refuses a missing category, naming it', () => {
    const log = new HiringLog();
    expect(() => log.submit(ALICE, scorecard({ 'technical-depth': 4 }))).toThrow(
      'Score every category before submitting: missing Problem decomposition, Working-style fit',
    );
    expect(log.panel(HM).interviewers).toEqual([]);
  });

  it('refuses an unknown category in scores or notes', () => {
    const log = new HiringLog();
    expect(() => log.submit(ALICE, scorecard({ ...scores(4, 4, 4), charisma: 5 }))).toThrow(
      `Unknown category "charisma" in scores: the ${stage.name} stage scores technical-depth, decomposition, working-style`,
    );
    expect(() => log.submit(ALICE, scorecard(scores(4, 4, 4), { notes: { communication: 'x' } }))).toThrow(
      'Unknown category "communication" in notes',
    );
    expect(log.panel(HM).interviewers).toEqual([]);
  });
});
