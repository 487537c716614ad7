/**
 * The sidebar's server functions, called the way google.script.run calls them (a JSON payload; the user's
 * identity from the session), through the built bundle. Asserts what the interviewers and the manager see, and
 * what lands in the Score log and the sheets. Every response is checked against the contract's response schema.
 */
import { type Runtime, createRuntime } from '../../runtime';
import { sidebarCall } from '../support/sidebar-call';
import {
  ALICE,
  BOB,
  MANAGER,
  STAGE,
  screeningDecision,
  screeningScorecard,
  screeningWorkbook,
} from '../support/screening-panel';
import { readSealed } from '../../src/core/scoring/sealed';
import { LOG_FIELDS } from '../../src/core/scoring/log';

/** Calls a server function as google.script.run would; the response is checked against its contract schema. */
const run = sidebarCall;

/** A scorecard with a note on communication clarity; `extra` replaces fields or adds any a client could send. */
function scorecard(submissionId: string, scores: number[], extra: Record<string, unknown> = {}) {
  return {
    ...screeningScorecard(submissionId, scores, { notes: { 'communication-clarity': 'Clear and concise' } }),
    ...extra,
  };
}

/** The published rows: what the visible Score log sheet holds. */
function publishedRows(rt: Runtime): unknown[][] {
  return rt.sheet('Score log').getDataRange().getValues().slice(1);
}

/** Every recorded row, published or still sealed (in the Score log's column order). */
function logRows(rt: Runtime): unknown[][] {
  const sealed = readSealed(Object.fromEntries(rt.properties.document)).flatMap((s) =>
    s.rows.map((e) => LOG_FIELDS.map((field) => e[field] ?? '')),
  );
  return [...publishedRows(rt), ...sealed];
}

const SCREENING_DECISION = screeningDecision('decision-0001', [4, 5, 4], { note: 'Strong' });

describe('opening the sidebar', () => {
  it('shows the candidate in the selected row with the stage rubric, and nobody else’s scores', () => {
    const rt = screeningWorkbook();
    rt.select('Candidates', 'C2');
    const context = run(rt, ALICE, 'getScoringContext', {});
    expect(context.candidate).toMatchObject({ id: 'C-0001', name: 'Ada Lovelace', stageName: 'Screening' });
    expect(context.stage.categories.map((c) => [c.name, c.keyRisk])).toEqual([
      ['Communication clarity', true],
      ['Motivation fit', false],
      ['Basic role fit', false],
    ]);
    expect(context.stage.categories[0].anchors).toHaveLength(5);
    expect(context.stages.map((s) => [s.name, s.reached])).toEqual([
      ['Screening', true],
      ['Main interview', false],
      ['Practical test interview', false],
    ]);
    expect(context.mine).toBeNull();
    expect(context.canSeePanel).toBe(false);
  });

  it('works from a row of a scorecard sheet too', () => {
    const rt = screeningWorkbook();
    rt.select('S2 Main interview', 'D4');
    expect(run(rt, ALICE, 'getScoringContext', {}).candidate.name).toBe('Grace Lovelace');
  });

  it('opens a 300 px sidebar from the menu', () => {
    const rt = screeningWorkbook();
    rt.call('showScoringSidebar');
    expect(rt.ui.sidebars[0]).toMatchObject({ title: 'Score candidate', width: 300 });
    expect(rt.ui.sidebars[0].html).toMatch(/^<!doctype html>/i);
  });

  it('says what to do when the selection is not a candidate', () => {
    const rt = screeningWorkbook();
    rt.select('Candidates', 'B1');
    expect(() => run(rt, ALICE, 'getScoringContext', {})).toThrow('Select a candidate’s row, not the header');
    rt.select('Rubric', 'B3');
    expect(() => run(rt, ALICE, 'getScoringContext', {})).toThrow(
      'Select a candidate’s row on the Candidates sheet or on a scorecard sheet',
    );
  });

  it('before setup, the sidebar and the document menu say to run Set up workbook', () => {
    const rt = createRuntime();
    rt.select('Sheet1', 'A2');
    expect(() => run(rt, ALICE, 'getScoringContext', {})).toThrow(
      'This workbook is not set up yet: run Extensions ▸ Scorecard ▸ Set up workbook first.',
    );
    rt.call('generateScriptStage1');
    expect(rt.ui.alerts.at(-1)?.message).toContain('This workbook is not set up yet');
  });

  it('refuses when the account email is hidden', () => {
    const rt = screeningWorkbook();
    rt.select('Candidates', 'B2');
    expect(() => run(rt, '', 'getScoringContext', {})).toThrow('cannot see the email of your Google account');
  });
});

describe('submitting', () => {
  it('records every category under the signed-in account, with a version and a timestamp', () => {
    const rt = screeningWorkbook();
    const result = run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    expect(result).toMatchObject({ version: 1, duplicate: false });
    const rows = logRows(rt).filter((r) => r[6] === 'score');
    expect(rows.map((r) => [r[3], r[4], r[5], r[7], Number(r[8])])).toEqual([
      ['C-0001', 'screening', ALICE, 'communication-clarity', 4],
      ['C-0001', 'screening', ALICE, 'motivation-fit', 5],
      ['C-0001', 'screening', ALICE, 'basic-role-fit', 4],
    ]);
    expect(new Date(String(rows[0][0])).toString()).not.toBe('Invalid Date');
  });

  it('a retried call is recorded once; a revision is a new version and keeps the old', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    expect(run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4])).duplicate).toBe(true);
    // 3 scores, a recommendation, and (the stage's first scorecard) the rights row fixing its hiring manager.
    expect(logRows(rt)).toHaveLength(5);
    expect(run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-2', [3, 5, 4])).version).toBe(2);
    expect(logRows(rt)).toHaveLength(9);
    rt.select('Candidates', 'B2');
    expect(run(rt, ALICE, 'getScoringContext', {}).mine).toMatchObject({
      version: 2,
      scores: { 'communication-clarity': 3 },
    });
  });

  it('publishes a note that starts with "=" as text', () => {
    const rt = screeningWorkbook();
    run(
      rt,
      ALICE,
      'submitScorecard',
      scorecard('sub-alice-1', [4, 5, 4], { notes: { 'motivation-fit': '=HYPERLINK("http://x")' } }),
    );
    expect(publishedRows(rt)).toHaveLength(0);
    run(rt, MANAGER, 'recordDecision', SCREENING_DECISION);
    const row = publishedRows(rt).findIndex((r) => r[7] === 'motivation-fit') + 2;
    expect(row).toBeGreaterThan(1);
    expect(rt.formulaOf('Score log', `J${row}`)).toBe('');
    expect(rt.displayed('Score log', `J${row}`)).toBe('=HYPERLINK("http://x")');
  });
});

describe('independence and the panel', () => {
  it('keeps others’ scores hidden until the interviewer has submitted, then flags gaps over 1 point', () => {
    const rt = screeningWorkbook();
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [2, 5, 4]));
    expect(() => run(rt, ALICE, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    const panel = run(rt, ALICE, 'getPanel', STAGE);
    expect(panel.interviewers.map((i) => i.email).sort()).toEqual([ALICE, BOB]);
    expect(panel.divergent).toEqual(['Communication clarity']);
    expect(panel.categories[0]).toMatchObject({ divergent: true, panelScore: 3 });
    expect(panel.pass.status).toBe('pending');
    expect(panel.pass.summary).toMatch(
      /^2 scorecards waiting for a decision\. On the mean of the scorecards: Fails/,
    );
  });

  it('the hiring manager sees the panel without scoring, reconciles, decides, and the sheets follow', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [2, 5, 4]));
    const before = run(rt, MANAGER, 'getPanel', STAGE);
    expect(before.canDecide).toBe(true);
    const after = run(
      rt,
      MANAGER,
      'recordDecision',
      screeningDecision('decision-0001', [4.5, 5, 4], {
        note: 'Walked through clarity: the first answer was nerves.',
      }),
    );
    expect(after.decision).toMatchObject({ outcome: 'advance', decidedBy: MANAGER });
    expect(after.pass.status).toBe('pass');
    expect(rt.displayed('S1 Screening', 'C3:G3')).toEqual([[4.5, 5, 4, 4.5, true]]);
    expect(rt.displayed('Candidates', 'E2')).toBe('Main interview');
    expect(rt.displayed('Candidates', 'P2')).toBe(true);
  });

  it('only the hiring manager decides, and a culture-fit veto blocks advance', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [4, 5, 4]));
    expect(() => run(rt, ALICE, 'recordDecision', SCREENING_DECISION)).toThrow(
      `Only the hiring manager (${MANAGER})`,
    );
    const vetoed = run(rt, BOB, 'recordVeto', {
      submissionId: 'veto-0001',
      ...STAGE,
      reason: 'Dismissive of <b>juniors</b>',
    });
    expect(vetoed.veto).toMatchObject({ by: BOB, reason: 'Dismissive of <b>juniors</b>' });
    expect(() => run(rt, MANAGER, 'recordDecision', SCREENING_DECISION)).toThrow(/veto/i);
    expect(rt.displayed('Candidates', 'E2')).toBe('Screening');
  });

  it('the second interviewer withdraws their veto: both stay in the Score log, and the manager can advance', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 5, 4]));
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [4, 5, 4]));
    run(rt, BOB, 'recordVeto', { submissionId: 'veto-0001', ...STAGE, reason: 'Talked over the panel' });
    const withdraw = { submissionId: 'withdraw-0001', ...STAGE, note: 'We discussed it; I misread nerves' };
    const rowsBefore = logRows(rt).length;
    expect(() => run(rt, ALICE, 'withdrawVeto', { ...withdraw, submissionId: 'withdraw-alice' })).toThrow(
      `Only ${BOB}, who recorded the veto, can withdraw it.`,
    );
    expect(logRows(rt)).toHaveLength(rowsBefore);
    expect(() => run(rt, BOB, 'withdrawVeto', { ...withdraw, note: '   ' })).toThrow(/note/i);
    expect(logRows(rt)).toHaveLength(rowsBefore);

    const panel = run(rt, BOB, 'withdrawVeto', withdraw);
    expect(panel.veto).toBeNull();
    expect(panel.canWithdrawVeto).toBe(false);
    expect(panel.withdrawnVetoes).toEqual([
      expect.objectContaining({
        by: BOB,
        reason: 'Talked over the panel',
        note: 'We discussed it; I misread nerves',
      }),
    ]);
    run(rt, BOB, 'withdrawVeto', withdraw); // a retry of the same call records nothing more
    const kinds = logRows(rt).map((row) => row[6]);
    expect(kinds.filter((k) => k === 'veto')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'veto-withdrawn')).toHaveLength(1);

    const decided = run(
      rt,
      MANAGER,
      'recordDecision',
      screeningDecision('decision-0001', [4, 5, 4], { note: 'Strong, and the concern was resolved' }),
    );
    expect(decided.decision).toMatchObject({ outcome: 'advance' });
    expect(decided.withdrawnVetoes).toHaveLength(1);
    expect(rt.displayed('Candidates', 'E2')).toBe('Main interview');
  });
});

describe('payloads a modified client could send', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown candidate', { candidateId: 'C-9999' }, /no candidate with the ID "C-9999"/],
    ['an unknown stage', { stageId: 'lunch' }, /Unknown stage "lunch"/],
    [
      'a score of 0',
      { scores: { 'communication-clarity': 0, 'motivation-fit': 5, 'basic-role-fit': 4 } },
      /whole number from 1 to 5/,
    ],
    [
      'a score of 6',
      { scores: { 'communication-clarity': 6, 'motivation-fit': 5, 'basic-role-fit': 4 } },
      /whole number from 1 to 5 \(got 6\)/,
    ],
    [
      'a score as text',
      { scores: { 'communication-clarity': '4', 'motivation-fit': 5, 'basic-role-fit': 4 } },
      /got "4"/,
    ],
    ['a missing category', { scores: { 'communication-clarity': 4, 'motivation-fit': 5 } }, /Basic role fit/],
    [
      'an unknown category',
      { scores: { 'communication-clarity': 4, 'motivation-fit': 5, 'basic-role-fit': 4, charm: 5 } },
      /charm/,
    ],
    [
      'a 100,000-character note',
      { notes: { 'motivation-fit': 'x'.repeat(100_000) } },
      /100000 characters; the limit is 2000/,
    ],
    ['an extra field', { interviewer: BOB }, /unknown field "interviewer"/],
  ];

  it.each(cases)('rejects %s and records nothing', (_label, change, message) => {
    const rt = screeningWorkbook();
    expect(() => run(rt, ALICE, 'submitScorecard', scorecard('submission-1', [4, 5, 4], change))).toThrow(
      message,
    );
    expect(logRows(rt)).toHaveLength(0);
  });

  it('rejects a NaN score (which JSON turns into null)', () => {
    const rt = screeningWorkbook();
    expect(() => run(rt, ALICE, 'submitScorecard', scorecard('submission-1', [NaN, 5, 4]))).toThrow(
      /communication-clarity/,
    );
    expect(logRows(rt)).toHaveLength(0);
  });

  it('answers "busy" when another action holds the lock, and records nothing', () => {
    const rt = screeningWorkbook();
    rt.locks.hold('document');
    expect(() => run(rt, ALICE, 'submitScorecard', scorecard('submission-1', [4, 5, 4]))).toThrow(
      'Try again in a moment',
    );
    expect(logRows(rt)).toHaveLength(0);
  });
});
