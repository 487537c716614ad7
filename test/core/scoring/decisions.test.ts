/**
 * The hiring manager's decision and the second interviewer's culture-fit veto, as round trips: record them as the
 * server does, then read back what the panel shows.
 */
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
  veto,
  withdrawal,
} from './hiring-log';

/** Alice and Bob have both submitted. */
function scored(): HiringLog {
  const log = new HiringLog();
  log.submit(ALICE, scorecard(scores(4, 4, 4)));
  log.submit(BOB, scorecard(scores(5, 5, 5)));
  return log;
}

describe('the decision', () => {
  it('shows the reconciled score of every category, the outcome, the note and who decided', () => {
    const log = scored();
    log.decide(
      HM,
      decision({ reconciled: scores(4.5, 4, 4), outcome: 'hold', note: 'Waiting: references' }),
      T3,
    );
    const panel = log.panel(HM);
    expect(panel.categories.map((c) => [c.id, c.reconciled, c.panelScore])).toEqual([
      ['technical-depth', 4.5, 4.5],
      ['decomposition', 4, 4],
      ['working-style', 4, 4],
    ]);
    expect(panel.decision).toEqual({
      outcome: 'hold',
      note: 'Waiting: references',
      decidedBy: HM,
      decidedAt: T3,
    });
  });

  it('the latest decision wins; the earlier one is kept', () => {
    const log = scored();
    log.decide(HM, decision({ outcome: 'hold', note: 'Need references' }), T1);
    const first = [...log.entries];
    log.decide(HM, decision({ outcome: 'reject', note: 'References were poor' }), T2);
    expect(log.panel(HM).decision).toMatchObject({
      outcome: 'reject',
      note: 'References were poor',
      decidedAt: T2,
    });
    expect(log.entries.slice(0, first.length)).toEqual(first);
  });

  it('a retried decision is recorded once', () => {
    const log = scored();
    const request = decision({ outcome: 'hold', note: 'First' });
    log.decide(HM, request, T1);
    log.decide(HM, request, T3);
    expect(log.panel(HM).decision).toMatchObject({ outcome: 'hold', decidedAt: T1 });
  });

  it('rows someone edited by hand still read: the outcome in any case', () => {
    const log = scored();
    log.decide(HM, decision({ outcome: 'reject', note: '' }), T1);
    log.entries = log.entries.map((e) => (e.kind === 'decision' ? { ...e, note: 'Advance' } : e));
    expect(log.panel(HM).decision).toMatchObject({ outcome: 'advance', note: '' });
  });

  it('only the hiring manager decides, and says who may', () => {
    const log = scored();
    expect(() => log.decide(ALICE)).toThrow(
      'Only the hiring manager (Manager@Example.com) can record the decision for this candidate.',
    );
    expect(() => log.decide(ALICE, decision(), T3, ' ')).toThrow(/No hiring manager is set/);
    expect(log.panel(HM).decision).toBeNull();
  });

  it('needs a reconciled score for every category and refuses unknown ones', () => {
    const log = scored();
    expect(() => log.decide(HM, decision({ reconciled: { 'technical-depth': 4 } }))).toThrow(
      'Reconciled scores are missing for: Problem decomposition, Working-style fit',
    );
    expect(() => log.decide(HM, decision({ reconciled: { ...scores(4, 4, 4), charisma: 5 } }))).toThrow(
      'Unknown category "charisma" in reconciled scores',
    );
    expect(log.panel(HM).decision).toBeNull();
  });
});

describe('the culture-fit veto', () => {
  it('is recorded by the second interviewer, shown in the panel, and blocks "advance" but not "reject"', () => {
    const log = scored();
    log.veto(BOB, veto('Dismissive of juniors'), T2);
    expect(log.panel(HM).veto).toEqual({ by: BOB, reason: 'Dismissive of juniors', at: T2 });
    expect(() => log.decide(HM, decision({ outcome: 'advance' }))).toThrow(
      'A culture-fit veto by bob@example.com stands, so the candidate cannot advance: record "hold" or "reject".',
    );
    log.decide(HM, decision({ outcome: 'reject' }));
    expect(log.panel(HM)).toMatchObject({ decision: { outcome: 'reject' }, veto: { by: BOB } });
  });

  it('a veto for another candidate does not block this one', () => {
    const log = scored();
    log.submit(BOB, scorecard(scores(3, 3, 3), { candidateId: 'C-0002' }));
    log.veto(BOB, veto('Not for this one', 'C-0002'));
    expect(log.panel(HM).veto).toBeNull();
    log.decide(HM, decision({ outcome: 'advance' }));
    expect(log.panel(HM).decision?.outcome).toBe('advance');
  });

  it('is refused from the hiring manager, even on the panel', () => {
    expect(() => scored().veto('manager@example.com', veto(), T2, [...PANEL, 'manager@example.com'])).toThrow(
      /hiring manager makes the decision and cannot veto/,
    );
  });

  it('is refused from someone not on the panel', () => {
    const log = scored();
    log.submit(CAROL, scorecard(scores(4, 4, 4)));
    expect(() => log.veto(CAROL)).toThrow(
      "Only the candidate's second interviewer can record a culture-fit veto, and carol@example.com is not on this candidate's panel.",
    );
    expect(log.panel(HM).veto).toBeNull();
  });

  it('is refused before the panel member has submitted', () => {
    const log = new HiringLog();
    log.submit(ALICE, scorecard(scores(4, 4, 4)));
    expect(() => log.veto('BOB@example.com')).toThrow(
      'Submit your own scorecard for this stage before recording a veto.',
    );
  });

  it('a retried veto is recorded once', () => {
    const log = scored();
    const request = veto('Once');
    log.veto(BOB, request, T2);
    log.veto(BOB, request, T3);
    expect(log.panel(HM).veto).toEqual({ by: BOB, reason: 'Once', at: T2 });
  });
});

describe('withdrawing a veto', () => {
  it('the veto holder withdraws it: the veto stays on record, the panel lists it as withdrawn, and advance is open', () => {
    const log = scored();
    log.veto(BOB, veto('Dismissive of juniors'), T2);
    expect(log.panel(BOB)).toMatchObject({ canVeto: false, canWithdrawVeto: true });
    log.withdraw(BOB, withdrawal('It was a misunderstanding'), T3);
    const panel = log.panel(HM);
    expect(panel.veto).toBeNull();
    expect(panel.withdrawnVetoes).toEqual([
      {
        by: BOB,
        reason: 'Dismissive of juniors',
        at: T2,
        withdrawnAt: T3,
        note: 'It was a misunderstanding',
      },
    ]);
    expect(log.entries.filter((e) => e.kind === 'veto').map((e) => e.note)).toEqual([
      'Dismissive of juniors',
    ]);
    log.decide(HM, decision({ outcome: 'advance' }));
    expect(log.panel(HM).decision?.outcome).toBe('advance');
  });

  it('only the person who recorded the veto may withdraw it; nothing is recorded otherwise', () => {
    const log = scored();
    log.veto(BOB, veto(), T2);
    const before = log.entries.length;
    expect(() => log.withdraw(ALICE)).toThrow(
      'Only bob@example.com, who recorded the veto, can withdraw it.',
    );
    expect(() => log.withdraw(HM)).toThrow('Only bob@example.com, who recorded the veto, can withdraw it.');
    expect(log.panel(ALICE).canWithdrawVeto).toBe(false);
    expect(log.entries).toHaveLength(before);
    expect(log.panel(HM).veto).toMatchObject({ by: BOB });
  });

  it('there is nothing to withdraw without a standing veto', () => {
    const log = scored();
    expect(() => log.withdraw(BOB)).toThrow(
      'No culture-fit veto stands for this stage, so there is nothing to withdraw.',
    );
  });

  it('a retried withdrawal is recorded once; a new veto after it stands again', () => {
    const log = scored();
    log.veto(BOB, veto('First concern'), T1);
    const request = withdrawal('Resolved');
    log.withdraw(BOB, request, T2);
    log.withdraw(BOB, request, T2);
    expect(log.entries.filter((e) => e.kind === 'veto-withdrawn')).toHaveLength(1);
    log.veto(BOB, veto('A new concern'), T3);
    expect(log.panel(HM).veto).toEqual({ by: BOB, reason: 'A new concern', at: T3 });
    expect(log.panel(HM).withdrawnVetoes.map((w) => w.reason)).toEqual(['First concern']);
  });

  it('a second veto while one stands is refused', () => {
    const log = scored();
    log.veto(BOB, veto('One'), T2);
    expect(() => log.veto(BOB, veto('Two'), T3)).toThrow(
      'A culture-fit veto by bob@example.com already stands for this stage; nothing was recorded.',
    );
  });
});
