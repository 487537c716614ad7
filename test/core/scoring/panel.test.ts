/**
 * The panel view and independence, as round trips: interviewers submit, the manager decides, and each viewer
 * reads back what the panel shows them (or is told to submit first).
 */
import { PANEL_HIDDEN_MESSAGE } from '../../../src/core/scoring/panel';
import {
  ALICE,
  BOB,
  CAROL,
  HM,
  HiringLog,
  PANEL,
  T1,
  T2,
  T3,
  decision,
  scorecard,
  scores,
} from './hiring-log';

/** Alice and Bob have each submitted once, with these scores. */
function twoScorecards(alice: number[], bob: number[]): HiringLog {
  const log = new HiringLog();
  log.submit(ALICE, scorecard(scores(alice[0], alice[1], alice[2]), { recommendation: 'strong-yes' }), T1);
  log.submit(BOB, scorecard(scores(bob[0], bob[1], bob[2]), { recommendation: 'no' }), T2);
  return log;
}

describe('independence', () => {
  it('an interviewer cannot see the panel before submitting their own scorecard, and can after', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4)));
    expect(() => log.panel(BOB)).toThrow(PANEL_HIDDEN_MESSAGE);
    expect(log.context(BOB).canSeePanel).toBe(false);
    expect(PANEL_HIDDEN_MESSAGE).toBe(
      "Submit your own scorecard first: others' scores stay hidden until you have.",
    );
    log.submit(BOB, scorecard(scores(2, 4, 4)));
    expect(log.context('Bob@Example.com').canSeePanel).toBe(true);
    expect(log.panel(BOB).interviewers.map((i) => i.email)).toEqual([ALICE, BOB]);
  });

  it('submitting for another candidate or stage does not open this one', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4)));
    log.submit(BOB, scorecard(scores(4, 4, 4), { candidateId: 'C-0002' }));
    log.submit(BOB, scorecard({ communication: 4, motivation: 4 }, { stageId: 'screening' }));
    expect(() => log.panel(BOB)).toThrow(PANEL_HIDDEN_MESSAGE);
  });

  it('the hiring manager sees the panel at any time, whatever the case of the email', () => {
    const log = new HiringLog();
    expect(log.panel('MANAGER@example.com').interviewers).toEqual([]);
    log.submit(ALICE, scorecard(scores(4, 4, 4)));
    expect(log.panel('manager@example.com').interviewers).toHaveLength(1);
    expect(log.context('manager@example.com')).toMatchObject({ canSeePanel: true, isHiringManager: true });
  });

  it('with no hiring manager set, nobody sees the panel by that right', () => {
    const log = new HiringLog();
    expect(() => log.panel('', { hiringManager: '' })).toThrow(PANEL_HIDDEN_MESSAGE);
    expect(() => log.panel(CAROL, { hiringManager: ' ' })).toThrow(PANEL_HIDDEN_MESSAGE);
  });

  it('a blank email opens nothing: not the panel, not a veto, not through a hand-edited blank log row', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4)));
    log.entries = log.entries.map((e) => ({ ...e, interviewer: '' }));
    expect(() => log.panel('', { panel: [...PANEL, ''] })).toThrow(PANEL_HIDDEN_MESSAGE);
    expect(log.context('').canSeePanel).toBe(false);
  });

  it("the scoring context carries only the viewer's own scorecard", () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(5, 5, 5), { overallNote: 'Alice thinks yes' }));
    log.submit(BOB, scorecard(scores(2, 2, 2), { recommendation: 'strong-no' }));
    const context = log.context(BOB);
    expect(context.mine).toMatchObject({ version: 1, scores: scores(2, 2, 2), recommendation: 'strong-no' });
    expect(JSON.stringify(context)).not.toContain('Alice thinks yes');
    expect(context).toMatchObject({ canSeePanel: true, isHiringManager: false });
    expect(log.context(ALICE).mine?.overallNote).toBe('Alice thinks yes');
  });
});

describe('the panel view', () => {
  it('shows every interviewer side by side with their latest version', () => {
    const log = twoScorecards([4, 4, 4], [4, 4, 4]);
    log.submit(ALICE, scorecard(scores(5, 5, 5), { recommendation: 'strong-yes' }), T3);
    const panel = log.panel(HM);
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

  it('flags a gap above the process’s maximum for discussion, but not a gap of exactly 1', () => {
    const panel = twoScorecards([5, 4, 4], [3, 3, 4]).panel(HM);
    expect(panel.categories.map((c) => [c.id, c.gap, c.divergent])).toEqual([
      ['technical-depth', 2, true],
      ['decomposition', 1, false],
      ['working-style', 0, false],
    ]);
    expect(panel.divergent).toEqual(['Role-specific technical depth']);
  });

  it('a single scorecard has no gap and nothing divergent', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(1, 5, 3)));
    expect(log.panel(HM).categories.every((c) => c.gap === null && !c.divergent)).toBe(true);
  });

  it('the panel score is the mean until reconciled, then the reconciled score', () => {
    const log = twoScorecards([5, 4, 4], [4, 3, 4]);
    expect(log.panel(HM).categories.map((c) => [c.panelScore, c.reconciled])).toEqual([
      [4.5, null],
      [3.5, null],
      [4, null],
    ]);
    log.decide('manager@example.com', decision({ reconciled: scores(4, 4, 4.5) }), T3);
    const after = log.panel(HM);
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

  it('is pending while scorecards wait for a decision, saying what their mean scores would give', () => {
    expect(new HiringLog().panel(HM).pass).toEqual({
      status: 'pending',
      summary: 'Pending: 3 of 3 categories unscored',
    });
    expect(twoScorecards([5, 4, 4], [4, 4, 4]).panel(HM).pass).toEqual({
      status: 'pending',
      summary:
        '2 scorecards waiting for a decision. On the mean of the scorecards: Passes: average 4.17, every category and key-risk category at or above its bar',
    });
    expect(twoScorecards([4, 4, 4], [3, 4, 4]).panel(HM).pass).toEqual({
      status: 'pending',
      summary:
        '2 scorecards waiting for a decision. On the mean of the scorecards: Fails: average 3.83 is below 4.0; key-risk Role-specific technical depth scored 3.5, below 4.0',
    });
  });

  it('says what the viewer may do: the manager decides; a panel member who submitted may veto', () => {
    const log = twoScorecards([4, 4, 4], [4, 4, 4]);
    expect(log.panel('manager@EXAMPLE.com')).toMatchObject({ canDecide: true, canVeto: false });
    expect(log.panel(BOB)).toMatchObject({ canDecide: false, canVeto: true });
    log.submit(CAROL, scorecard(scores(4, 4, 4)));
    expect(log.panel(CAROL)).toMatchObject({ canDecide: false, canVeto: false });
  });
});
