/**
 * Scorecards in the Score log, independence, the panel view, and decision rights (manager decides, second
 * interviewer's culture-fit veto).
 */
import type { RecordDecisionRequest, SubmitScorecardRequest } from '../../src/core/contract';
import {
  buildScoringContext,
  resolveStage,
  stageChoices,
  type ScoringCandidate,
} from '../../src/core/scoring/context';
import { decisionEntries, vetoEntries } from '../../src/core/scoring/decisions';
import {
  alreadyRecorded,
  decodeDecision,
  decodeRecommendation,
  encodeDecision,
  encodeRecommendation,
  type LogEntry,
} from '../../src/core/scoring/log';
import { PANEL_HIDDEN_MESSAGE, buildPanel, canSeePanel, type PanelInput } from '../../src/core/scoring/panel';
import {
  checkScorecard,
  latestScorecards,
  nextVersion,
  ownScorecard,
  planScorecard,
  scorecardEntries,
} from '../../src/core/scoring/scorecards';
import { twoStageProcessWithKeyRisk as process } from './fixtures/two-stage-process-with-key-risk';

const stage = process.stages[1]; // main-interview: technical-depth (key risk), decomposition, working-style
const categories = stage.categories;
const HM = 'Manager@Example.com';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const PANEL = [ALICE, BOB];
const T1 = '2025-05-01T09:00:00.000Z';
const T2 = '2025-05-02T09:00:00.000Z';
const T3 = '2025-05-03T09:00:00.000Z';

let idCounter = 0;
function submission(
  scores: Record<string, number>,
  extra: Partial<SubmitScorecardRequest> = {},
): SubmitScorecardRequest {
  idCounter += 1;
  return {
    submissionId: `sub-${String(idCounter).padStart(6, '0')}`,
    candidateId: 'C-0001',
    stageId: stage.id,
    scores,
    notes: {},
    recommendation: 'yes',
    overallNote: '',
    ...extra,
  };
}

const scores = (depth: number, decomposition: number, style: number) => ({
  'technical-depth': depth,
  decomposition,
  'working-style': style,
});

/** Submits through planScorecard and returns the log with the rows appended. */
function submit(
  log: LogEntry[],
  who: string,
  request: SubmitScorecardRequest,
  now = T1,
): { log: LogEntry[]; version: number; duplicate: boolean } {
  const { append, response } = planScorecard({
    entries: log,
    submission: request,
    interviewer: who,
    categories,
    stageName: stage.name,
    now,
  });
  return { log: [...log, ...append], version: response.version, duplicate: response.duplicate };
}

function panelInput(entries: LogEntry[], viewer: string, overrides: Partial<PanelInput> = {}): PanelInput {
  return {
    entries,
    candidateId: 'C-0001',
    stageId: stage.id,
    categories,
    passRule: process.passRule,
    maxGap: process.decision.maxGap,
    viewer,
    hiringManager: HM,
    panel: PANEL,
    ...overrides,
  };
}

function decisionRequest(overrides: Partial<RecordDecisionRequest> = {}): RecordDecisionRequest {
  idCounter += 1;
  return {
    submissionId: `dec-${String(idCounter).padStart(6, '0')}`,
    candidateId: 'C-0001',
    stageId: stage.id,
    reconciled: scores(4.5, 4, 4),
    outcome: 'advance',
    note: 'Agreed after discussing depth.',
    ...overrides,
  };
}

function vetoRequest(reason = 'Dismissive of teammates in the working-style questions.') {
  idCounter += 1;
  return {
    submissionId: `veto-${String(idCounter).padStart(6, '0')}`,
    candidateId: 'C-0001',
    stageId: stage.id,
    reason,
  };
}

describe('log encoding', () => {
  it('writes one score row per category and one recommendation row, all sharing id, version and time', () => {
    const request = submission(scores(4, 5, 3), {
      notes: { decomposition: 'Clear steps.' },
      recommendation: 'strong-yes',
      overallNote: 'Hire: good on the queue scenario.',
    });
    const rows = scorecardEntries(request, ALICE, 2, new Date(T1));
    expect(rows).toEqual([
      {
        timestamp: T1,
        submissionId: request.submissionId,
        version: 2,
        candidateId: 'C-0001',
        stageId: stage.id,
        interviewer: ALICE,
        kind: 'score',
        category: 'technical-depth',
        score: 4,
        note: '',
      },
      {
        timestamp: T1,
        submissionId: request.submissionId,
        version: 2,
        candidateId: 'C-0001',
        stageId: stage.id,
        interviewer: ALICE,
        kind: 'score',
        category: 'decomposition',
        score: 5,
        note: 'Clear steps.',
      },
      {
        timestamp: T1,
        submissionId: request.submissionId,
        version: 2,
        candidateId: 'C-0001',
        stageId: stage.id,
        interviewer: ALICE,
        kind: 'score',
        category: 'working-style',
        score: 3,
        note: '',
      },
      {
        timestamp: T1,
        submissionId: request.submissionId,
        version: 2,
        candidateId: 'C-0001',
        stageId: stage.id,
        interviewer: ALICE,
        kind: 'recommendation',
        category: '',
        score: null,
        note: 'strong-yes: Hire: good on the queue scenario.',
      },
    ]);
  });

  it('recommendation and decision notes round-trip, including colons and empty text', () => {
    expect(encodeRecommendation('no', '')).toBe('no');
    expect(decodeRecommendation('no')).toEqual({ recommendation: 'no', overallNote: '' });
    expect(decodeRecommendation(encodeRecommendation('strong-no', 'Note: a: b\nline 2'))).toEqual({
      recommendation: 'strong-no',
      overallNote: 'Note: a: b\nline 2',
    });
    expect(encodeDecision('reject', 'Below the bar on depth')).toBe('reject: Below the bar on depth');
    expect(decodeDecision('hold: waiting on references')).toEqual({
      outcome: 'hold',
      note: 'waiting on references',
    });
    expect(decodeDecision('Advance')).toEqual({ outcome: 'advance', note: '' });
  });

  it('a hand-edited, unreadable recommendation keeps its text', () => {
    expect(decodeRecommendation('maybe later')).toEqual({ recommendation: 'no', overallNote: 'maybe later' });
  });
});

describe('versions and idempotency', () => {
  it('a second submission for the same candidate and stage is version 2 and keeps version 1', () => {
    let log: LogEntry[] = [];
    const first = submit(log, ALICE, submission(scores(3, 3, 3)), T1);
    log = first.log;
    const second = submit(log, ALICE, submission(scores(4, 4, 4)), T2);
    log = second.log;
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(log.filter((e) => e.version === 1)).toHaveLength(4);
    expect(log.filter((e) => e.version === 2)).toHaveLength(4);
    const [card] = latestScorecards(log, 'C-0001', stage.id);
    expect(card).toMatchObject({ email: ALICE, version: 2, submittedAt: T2, scores: scores(4, 4, 4) });
  });

  it('versions count per interviewer, case-insensitively, and per candidate and stage', () => {
    let log: LogEntry[] = [];
    log = submit(log, ALICE, submission(scores(3, 3, 3))).log;
    expect(nextVersion(log, 'C-0001', stage.id, 'ALICE@example.com')).toBe(2);
    expect(nextVersion(log, 'C-0001', stage.id, BOB)).toBe(1);
    expect(nextVersion(log, 'C-0002', stage.id, ALICE)).toBe(1);
    expect(nextVersion(log, 'C-0001', 'screening', ALICE)).toBe(1);
  });

  it('a retried submission with the same ID is recorded once and answers with the first version', () => {
    let log: LogEntry[] = [];
    const request = submission(scores(4, 4, 4));
    const first = submit(log, ALICE, request, T1);
    log = first.log;
    const retry = planScorecard({
      entries: log,
      submission: request,
      interviewer: ALICE,
      categories,
      stageName: stage.name,
      now: T2,
    });
    expect(retry.append).toEqual([]);
    expect(retry.response).toEqual({ version: 1, submittedAt: T1, duplicate: true });
    expect(alreadyRecorded(log, request.submissionId)).toBe(true);
    expect(alreadyRecorded(log, 'never-used-id')).toBe(false);
  });

  it('an ID already used by someone else is refused, not treated as a duplicate', () => {
    const request = submission(scores(4, 4, 4));
    const log = submit([], ALICE, request).log;
    expect(() =>
      planScorecard({
        entries: log,
        submission: request,
        interviewer: BOB,
        categories,
        stageName: stage.name,
        now: T2,
      }),
    ).toThrow('This submission ID was already used for another submission');
  });
});

describe('checking a scorecard against the stage', () => {
  it('refuses a missing category, naming it', () => {
    expect(() =>
      checkScorecard(submission({ 'technical-depth': 4, decomposition: 4 }), categories, stage.name),
    ).toThrow('Score every category before submitting: missing Working-style fit');
  });

  it('refuses an unknown category in scores or notes', () => {
    expect(() =>
      checkScorecard(submission({ ...scores(4, 4, 4), charisma: 5 }), categories, stage.name),
    ).toThrow(
      'Unknown category "charisma" in scores: the Main interview stage scores technical-depth, decomposition, working-style',
    );
    expect(() =>
      checkScorecard(submission(scores(4, 4, 4), { notes: { communication: 'x' } }), categories, stage.name),
    ).toThrow('Unknown category "communication" in notes');
  });

  it('planScorecard refuses before writing anything', () => {
    expect(() => submit([], ALICE, submission({ 'technical-depth': 4 }))).toThrow(
      /missing Problem decomposition, Working-style fit/,
    );
  });
});

describe('independence', () => {
  it('an interviewer cannot see the panel before submitting their own scorecard', () => {
    const log = submit([], ALICE, submission(scores(4, 4, 4))).log;
    expect(canSeePanel(log, BOB, HM, 'C-0001', stage.id)).toBe(false);
    expect(() => buildPanel(panelInput(log, BOB))).toThrow(PANEL_HIDDEN_MESSAGE);
    expect(PANEL_HIDDEN_MESSAGE).toBe(
      "Submit your own scorecard first: others' scores stay hidden until you have.",
    );
  });

  it('submitting for another candidate or stage does not open this one', () => {
    let log = submit([], ALICE, submission(scores(4, 4, 4))).log;
    log = submit(log, BOB, submission(scores(4, 4, 4), { candidateId: 'C-0002' })).log;
    log = log.concat(
      scorecardEntries(submission({ communication: 4, motivation: 4 }, { stageId: 'screening' }), BOB, 1, T2),
    );
    expect(canSeePanel(log, BOB, HM, 'C-0001', stage.id)).toBe(false);
  });

  it('after submitting, the interviewer sees everyone; the hiring manager sees the panel any time', () => {
    let log = submit([], ALICE, submission(scores(4, 4, 4))).log;
    expect(canSeePanel(log, 'manager@example.com', HM, 'C-0001', stage.id)).toBe(true);
    expect(buildPanel(panelInput(log, 'MANAGER@example.com')).interviewers).toHaveLength(1);
    log = submit(log, BOB, submission(scores(2, 4, 4))).log;
    expect(canSeePanel(log, 'Bob@Example.com', HM, 'C-0001', stage.id)).toBe(true);
    expect(buildPanel(panelInput(log, BOB)).interviewers.map((i) => i.email)).toEqual([ALICE, BOB]);
  });

  it('a blank email opens nothing: not the panel, not a veto, not through a hand-edited blank log row', () => {
    const log = submit([], ALICE, submission(scores(4, 4, 4))).log.map((e) => ({ ...e, interviewer: '' }));
    expect(canSeePanel(log, '', HM, 'C-0001', stage.id)).toBe(false);
    expect(() => buildPanel(panelInput(log, '', { panel: [...PANEL, ''] }))).toThrow(PANEL_HIDDEN_MESSAGE);
  });

  it('with no hiring manager set, nobody sees the panel by that right', () => {
    expect(canSeePanel([], '', '', 'C-0001', stage.id)).toBe(false);
  });

  it("the scoring context carries only the viewer's own scorecard", () => {
    let log = submit([], ALICE, submission(scores(5, 5, 5), { overallNote: 'Alice thinks yes' })).log;
    log = submit(log, BOB, submission(scores(2, 2, 2), { recommendation: 'strong-no' })).log;
    const candidate: ScoringCandidate = {
      id: 'C-0001',
      name: 'Ada <img src=x onerror=alert(1)>',
      role: 'Backend Developer',
      email: 'ada@example.com',
      stageId: 'main-interview',
      hiringManager: HM,
    };
    const context = buildScoringContext({
      candidate,
      stages: process.stages,
      stage,
      passRule: process.passRule,
      entries: log,
      viewer: BOB,
    });
    expect(context.mine).toMatchObject({ version: 1, scores: scores(2, 2, 2), recommendation: 'strong-no' });
    expect(JSON.stringify(context)).not.toContain('Alice thinks yes');
    expect(context.canSeePanel).toBe(true);
    expect(context.isHiringManager).toBe(false);
    expect(context.candidate).toMatchObject({ stageId: 'main-interview', stageName: 'Main interview' });
    expect(context.stage.minutes).toBe('45–75 min');
    expect(context.stage.passRule).toMatch(/^Passes when the average is at least 4.0/);
    expect(context.stage.categories.map((c) => c.id)).toEqual([
      'technical-depth',
      'decomposition',
      'working-style',
    ]);
    const fresh = buildScoringContext({
      candidate,
      stages: process.stages,
      stage,
      passRule: process.passRule,
      entries: log,
      viewer: 'carol@example.com',
    });
    expect(fresh.mine).toBeNull();
    expect(fresh.canSeePanel).toBe(false);
    expect(ownScorecard(log, 'C-0001', stage.id, ALICE)?.overallNote).toBe('Alice thinks yes');
  });
});

describe('stages', () => {
  it('marks reached and current stages', () => {
    expect(stageChoices(process.stages, 'screening')).toEqual([
      { id: 'screening', name: 'Screening', optional: false, reached: true, current: true },
      { id: 'main-interview', name: 'Main interview', optional: false, reached: false, current: false },
    ]);
    expect(stageChoices(process.stages, 'main-interview').map((s) => s.reached)).toEqual([true, true]);
    // An unknown current stage counts as the first.
    expect(stageChoices(process.stages, '').map((s) => s.current)).toEqual([true, false]);
  });

  it('resolves the requested stage, else the current one, and refuses an unknown stage', () => {
    expect(resolveStage(process.stages, undefined, 'main-interview').id).toBe('main-interview');
    expect(resolveStage(process.stages, 'screening', 'main-interview').id).toBe('screening');
    expect(() => resolveStage(process.stages, 'final', 'screening')).toThrow(
      'Unknown stage "final": this process has screening, main-interview',
    );
  });
});

describe('the panel view', () => {
  function twoScorecards(alice: number[], bob: number[]): LogEntry[] {
    let log = submit(
      [],
      ALICE,
      submission(scores(alice[0], alice[1], alice[2]), {
        recommendation: 'strong-yes',
        notes: { decomposition: 'Neat.' },
      }),
      T1,
    ).log;
    log = submit(log, BOB, submission(scores(bob[0], bob[1], bob[2]), { recommendation: 'no' }), T2).log;
    return log;
  }

  it('shows every interviewer side by side with their latest version', () => {
    let log = twoScorecards([4, 4, 4], [4, 4, 4]);
    log = submit(log, ALICE, submission(scores(5, 5, 5), { recommendation: 'strong-yes' }), T3).log;
    const panel = buildPanel(panelInput(log, HM));
    expect(panel.interviewers.map((i) => [i.email, i.version, i.recommendation])).toEqual([
      [ALICE, 2, 'strong-yes'],
      [BOB, 1, 'no'],
    ]);
    expect(panel.categories.map((c) => c.scores)).toEqual([
      [5, 4],
      [5, 4],
      [5, 4],
    ]);
  });

  it('flags a gap above maxGap, but not a gap of exactly 1', () => {
    const panel = buildPanel(panelInput(twoScorecards([5, 4, 4], [3, 3, 4]), HM));
    expect(panel.categories.map((c) => [c.id, c.gap, c.divergent])).toEqual([
      ['technical-depth', 2, true],
      ['decomposition', 1, false],
      ['working-style', 0, false],
    ]);
    expect(panel.divergent).toEqual(['Role-specific technical depth']);
  });

  it('a single scorecard has no gap and nothing divergent', () => {
    const log = submit([], ALICE, submission(scores(1, 5, 3))).log;
    const panel = buildPanel(panelInput(log, HM));
    expect(panel.categories.every((c) => c.gap === null && !c.divergent)).toBe(true);
  });

  it('the panel score is the mean until reconciled, then the reconciled score', () => {
    const log = twoScorecards([5, 4, 4], [4, 3, 4]);
    const before = buildPanel(panelInput(log, HM));
    expect(before.categories.map((c) => [c.panelScore, c.reconciled])).toEqual([
      [4.5, null],
      [3.5, null],
      [4, null],
    ]);
    const rows = decisionEntries({
      entries: log,
      request: decisionRequest({ reconciled: scores(4, 4, 4.5), outcome: 'advance' }),
      decidedBy: 'manager@example.com',
      hiringManager: HM,
      categories,
      now: T3,
    });
    const after = buildPanel(panelInput([...log, ...rows], HM));
    expect(after.categories.map((c) => [c.panelScore, c.reconciled])).toEqual([
      [4, 4],
      [4, 4],
      [4.5, 4.5],
    ]);
    expect(after.decision).toEqual({
      outcome: 'advance',
      note: 'Agreed after discussing depth.',
      decidedBy: 'manager@example.com',
      decidedAt: T3,
    });
  });

  it('decides pass/fail on the panel scores, with reasons, and pending without scores', () => {
    expect(buildPanel(panelInput([], HM)).pass).toEqual({
      status: 'pending',
      summary: 'Pending: 3 of 3 categories unscored',
    });
    const passing = buildPanel(panelInput(twoScorecards([5, 4, 4], [4, 4, 4]), HM)).pass;
    expect(passing.status).toBe('pass');
    const failing = buildPanel(panelInput(twoScorecards([4, 4, 4], [3, 4, 4]), HM)).pass;
    expect(failing).toEqual({
      status: 'fail',
      summary:
        'Fails: average 3.83 is below 4.0; key-risk Role-specific technical depth scored 3.5, below 4.0',
    });
  });

  it('decision rights: canDecide for the manager only, canVeto for a panel member who submitted', () => {
    const log = twoScorecards([4, 4, 4], [4, 4, 4]);
    expect(buildPanel(panelInput(log, 'manager@EXAMPLE.com'))).toMatchObject({
      canDecide: true,
      canVeto: false,
    });
    expect(buildPanel(panelInput(log, BOB))).toMatchObject({ canDecide: false, canVeto: true });
    const outsider = submit(log, 'carol@example.com', submission(scores(4, 4, 4))).log;
    expect(buildPanel(panelInput(outsider, 'carol@example.com'))).toMatchObject({
      canDecide: false,
      canVeto: false,
    });
  });

  it('the latest decision wins; older ones stay in the log', () => {
    const log = twoScorecards([4, 4, 4], [4, 4, 4]);
    const first = decisionEntries({
      entries: log,
      request: decisionRequest({ outcome: 'hold', note: 'Need references' }),
      decidedBy: HM,
      hiringManager: HM,
      categories,
      now: T1,
    });
    const second = decisionEntries({
      entries: [...log, ...first],
      request: decisionRequest({ outcome: 'reject', note: 'References were poor' }),
      decidedBy: HM,
      hiringManager: HM,
      categories,
      now: T2,
    });
    expect(first[0].version).toBe(1);
    expect(second[0].version).toBe(2);
    const panel = buildPanel(panelInput([...log, ...first, ...second], HM));
    expect(panel.decision).toMatchObject({ outcome: 'reject', note: 'References were poor', decidedAt: T2 });
  });
});

describe('decisions', () => {
  const log = (() => {
    let entries = submit([], ALICE, submission(scores(4, 4, 4))).log;
    entries = submit(entries, BOB, submission(scores(4, 4, 4))).log;
    return entries;
  })();

  it('writes a reconciled row per category and the decision row', () => {
    const request = decisionRequest({ outcome: 'hold', note: 'Waiting for references' });
    const rows = decisionEntries({
      entries: log,
      request,
      decidedBy: HM,
      hiringManager: HM,
      categories,
      now: T3,
    });
    expect(rows.map((r) => [r.kind, r.category, r.score, r.note])).toEqual([
      ['reconciled', 'technical-depth', 4.5, ''],
      ['reconciled', 'decomposition', 4, ''],
      ['reconciled', 'working-style', 4, ''],
      ['decision', '', null, 'hold: Waiting for references'],
    ]);
    expect(
      new Set(rows.map((r) => `${r.submissionId}|${r.version}|${r.timestamp}|${r.interviewer}`)).size,
    ).toBe(1);
  });

  it('refuses a decision by someone who is not the hiring manager, naming who may', () => {
    expect(() =>
      decisionEntries({
        entries: log,
        request: decisionRequest(),
        decidedBy: ALICE,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toThrow('Only the hiring manager (Manager@Example.com) can record the decision for this candidate.');
  });

  it('refuses when no hiring manager is set', () => {
    expect(() =>
      decisionEntries({
        entries: log,
        request: decisionRequest(),
        decidedBy: ALICE,
        hiringManager: ' ',
        categories,
        now: T3,
      }),
    ).toThrow(/No hiring manager is set/);
  });

  it('requires a reconciled score for every category and refuses unknown ones', () => {
    expect(() =>
      decisionEntries({
        entries: log,
        request: decisionRequest({ reconciled: { 'technical-depth': 4 } }),
        decidedBy: HM,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toThrow('Reconciled scores are missing for: Problem decomposition, Working-style fit');
    expect(() =>
      decisionEntries({
        entries: log,
        request: decisionRequest({ reconciled: { ...scores(4, 4, 4), charisma: 5 } }),
        decidedBy: HM,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toThrow('Unknown category "charisma" in reconciled scores');
  });

  it('a retried decision is recorded once', () => {
    const request = decisionRequest();
    const rows = decisionEntries({
      entries: log,
      request,
      decidedBy: HM,
      hiringManager: HM,
      categories,
      now: T3,
    });
    expect(rows).toHaveLength(4);
    expect(
      decisionEntries({
        entries: [...log, ...rows],
        request,
        decidedBy: HM,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toEqual([]);
  });
});

describe('the culture-fit veto', () => {
  const log = (() => {
    let entries = submit([], ALICE, submission(scores(4, 4, 4))).log;
    entries = submit(entries, BOB, submission(scores(5, 5, 5))).log;
    return entries;
  })();

  it('is recorded by the second interviewer, shown in the panel, and blocks "advance"', () => {
    const rows = vetoEntries({
      entries: log,
      request: vetoRequest('Dismissive of juniors'),
      by: BOB,
      hiringManager: HM,
      panel: PANEL,
      now: T2,
    });
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'veto',
        category: 'culture-fit',
        score: null,
        note: 'Dismissive of juniors',
        interviewer: BOB,
        version: 1,
      }),
    ]);
    const withVeto = [...log, ...rows];
    expect(buildPanel(panelInput(withVeto, HM)).veto).toEqual({
      by: BOB,
      reason: 'Dismissive of juniors',
      at: T2,
    });
    expect(() =>
      decisionEntries({
        entries: withVeto,
        request: decisionRequest({ outcome: 'advance' }),
        decidedBy: HM,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toThrow(
      'A culture-fit veto by bob@example.com stands, so the candidate cannot advance: record "hold" or "reject".',
    );
    const reject = decisionEntries({
      entries: withVeto,
      request: decisionRequest({ outcome: 'reject' }),
      decidedBy: HM,
      hiringManager: HM,
      categories,
      now: T3,
    });
    expect(buildPanel(panelInput([...withVeto, ...reject], HM)).decision?.outcome).toBe('reject');
  });

  it('a veto for another stage or candidate does not block this one', () => {
    const other = vetoEntries({
      entries: log,
      request: vetoRequest(),
      by: BOB,
      hiringManager: HM,
      panel: PANEL,
      now: T2,
    }).map((r) => ({ ...r, candidateId: 'C-0002' }));
    expect(
      decisionEntries({
        entries: [...log, ...other],
        request: decisionRequest(),
        decidedBy: HM,
        hiringManager: HM,
        categories,
        now: T3,
      }),
    ).toHaveLength(4);
  });

  it('is refused from the hiring manager', () => {
    const managerOnPanel = [...PANEL, 'manager@example.com'];
    expect(() =>
      vetoEntries({
        entries: log,
        request: vetoRequest(),
        by: 'manager@example.com',
        hiringManager: HM,
        panel: managerOnPanel,
        now: T2,
      }),
    ).toThrow(/hiring manager makes the decision and cannot veto/);
  });

  it('is refused from someone not on the panel', () => {
    expect(() =>
      vetoEntries({
        entries: log,
        request: vetoRequest(),
        by: 'carol@example.com',
        hiringManager: HM,
        panel: PANEL,
        now: T2,
      }),
    ).toThrow(
      "Only the candidate's second interviewer can record a culture-fit veto, and carol@example.com is not on this candidate's panel.",
    );
  });

  it('is refused before the panel member has submitted', () => {
    const onlyAlice = submit([], ALICE, submission(scores(4, 4, 4))).log;
    expect(() =>
      vetoEntries({
        entries: onlyAlice,
        request: vetoRequest(),
        by: 'BOB@example.com',
        hiringManager: HM,
        panel: PANEL,
        now: T2,
      }),
    ).toThrow('Submit your own scorecard for this stage before recording a veto.');
  });

  it('a retried veto is recorded once', () => {
    const request = vetoRequest();
    const rows = vetoEntries({ entries: log, request, by: BOB, hiringManager: HM, panel: PANEL, now: T2 });
    expect(
      vetoEntries({ entries: [...log, ...rows], request, by: BOB, hiringManager: HM, panel: PANEL, now: T2 }),
    ).toEqual([]);
  });
});
