/** The sidebar's DOM-free logic: labels, formatting, checks before sending, the panel table model. */
import { type PanelView, type ScoringContext, parseRequest } from '../../src/core/contract';
import {
  DISCUSS,
  anchorText,
  checkDecisionForm,
  checkScoreForm,
  checkVetoReason,
  debriefLink,
  decisionText,
  documentHref,
  errorText,
  formatWhen,
  initialDecisionForm,
  initialScoreForm,
  panelTable,
  passHeadline,
  passTone,
  roundToHalf,
  scoresAloneText,
  shortEmail,
  stageOptionLabel,
  submittedMessage,
  versionText,
  vetoText,
  withdrawnVetoText,
} from '../../src/sidebar/model';

const anchors: [string, string, string, string, string] = ['None', 'Little', 'Some', 'Clear', 'Outstanding'];
const categories = [
  { id: 'depth', name: 'Technical depth', keyRisk: true, description: 'Depth.', anchors },
  { id: 'style', name: 'Working style', keyRisk: false, description: 'Style.', anchors },
];

const context: Pick<ScoringContext, 'stage' | 'mine'> = {
  stage: { id: 'main', name: 'Main', minutes: '45–75 min', categories, passRule: 'Passes when…' },
  mine: null,
};

function panel(overrides: Partial<PanelView> = {}): PanelView {
  return {
    interviewers: [
      {
        email: 'alice@example.com',
        version: 1,
        submittedAt: '2025-05-01T09:00:00.000Z',
        scores: { depth: 5, style: 4 },
        notes: {},
        recommendation: 'yes',
        overallNote: '',
        afterPanel: null,
      },
      {
        email: 'bob@example.com',
        version: 2,
        submittedAt: '2025-05-02T09:00:00.000Z',
        scores: { depth: 3 },
        notes: {},
        recommendation: 'no',
        overallNote: '',
        afterPanel: 'revised',
      },
    ],
    categories: [
      {
        id: 'depth',
        name: 'Technical depth',
        keyRisk: true,
        scores: [5, 3],
        gap: 2,
        divergent: true,
        panelScore: 4,
        reconciled: null,
      },
      {
        id: 'style',
        name: 'Working style',
        keyRisk: false,
        scores: [4, null],
        gap: null,
        divergent: false,
        panelScore: 11 / 3,
        reconciled: null,
      },
    ],
    divergent: ['Technical depth'],
    decision: null,
    veto: null,
    withdrawnVetoes: [],
    pass: { status: 'fail', summary: 'Fails: average 3.83 is below 4.0' },
    canDecide: true,
    canVeto: false,
    canWithdrawVeto: false,
    shareable: [],
    rights: { hiringManager: 'manager@example.com', panel: [], change: null, canConfirm: false },
    untrusted: [],
    ...overrides,
  };
}

describe('formatting', () => {
  it('formats times and emails', () => {
    expect(formatWhen('2025-05-03T14:03:00')).toBe('3 May 2025, 14:03');
    expect(formatWhen('not a time')).toBe('not a time');
    expect(shortEmail('alice@example.com')).toBe('alice');
    expect(shortEmail('no-at-sign')).toBe('no-at-sign');
  });

  it('labels stages: current, optional, not reached', () => {
    expect(
      stageOptionLabel({ id: 's', name: 'Screening', optional: false, reached: true, current: true }),
    ).toBe('Screening (current)');
    expect(
      stageOptionLabel({ id: 'p', name: 'Practical', optional: true, reached: false, current: false }),
    ).toBe('Practical (optional, not reached)');
    expect(stageOptionLabel({ id: 'm', name: 'Main', optional: false, reached: true, current: false })).toBe(
      'Main',
    );
  });

  it('shows what a score means', () => {
    expect(anchorText(categories[0], 3)).toBe('3 – Some');
    expect(anchorText(categories[0], null)).toBe('');
    expect(anchorText(categories[0], 6)).toBe('');
  });

  it('turns failures into plain words, keeping the server message', () => {
    expect(errorText(new Error('Exception: scores.depth must be a whole number from 1 to 5 (got 6)'))).toBe(
      'scores.depth must be a whole number from 1 to 5 (got 6).',
    );
    expect(
      errorText(
        new Error("Error: Submit your own scorecard first: others' scores stay hidden until you have."),
      ),
    ).toBe("Submit your own scorecard first: others' scores stay hidden until you have.");
    expect(
      errorText({ message: 'Only the hiring manager (m@x.com) can record the decision for this candidate.' }),
    ).toMatch(/^Only the hiring manager/);
    expect(errorText(undefined)).toBe('Something went wrong and nothing was recorded. Please try again.');
    expect(errorText(new Error('NetworkError: connection lost'))).toMatch(/network problem/);
  });

  it('reports a submission and a duplicate', () => {
    const response = { version: 2, submittedAt: '2025-05-03T14:03:00', afterPanel: null };
    expect(submittedMessage({ ...response, duplicate: false })).toBe(
      'Scorecard submitted: version 2, 3 May 2025, 14:03.',
    );
    expect(submittedMessage({ ...response, duplicate: true })).toMatch(
      /already recorded.*not recorded twice/,
    );
  });

  it('says when the version is recorded as revised after seeing the panel', () => {
    expect(
      submittedMessage({
        version: 2,
        submittedAt: '2025-05-03T14:03:00',
        duplicate: false,
        afterPanel: 'revised',
      }),
    ).toBe(
      'Scorecard submitted: version 2, 3 May 2025, 14:03. You had seen the panel, so it is marked ' +
        '“revised after seeing the panel” wherever it is shown.',
    );
  });

  it('shows a scorecard’s version, marked when it came after seeing the panel', () => {
    const [alice, bob] = panel().interviewers;
    expect(versionText(alice)).toBe('Version 1, 1 May 2025, 09:00');
    expect(versionText(bob)).toBe('Version 2, 2 May 2025, 09:00 · revised after seeing the panel');
    expect(versionText({ ...alice, afterPanel: 'submitted' })).toMatch(/· submitted after seeing the panel$/);
  });
});

describe('the scorecard form', () => {
  it('starts empty, or from the latest own scorecard', () => {
    expect(initialScoreForm(context)).toEqual({
      scores: { depth: null, style: null },
      notes: { depth: '', style: '' },
      recommendation: '',
      overallNote: '',
    });
    const mine = {
      version: 1,
      submittedAt: 'x',
      scores: { depth: 4, style: 2 },
      notes: { style: 'Hm' },
      recommendation: 'no' as const,
      overallNote: 'o',
      afterPanel: null,
    };
    expect(initialScoreForm({ ...context, mine })).toEqual({
      scores: { depth: 4, style: 2 },
      notes: { depth: '', style: 'Hm' },
      recommendation: 'no',
      overallNote: 'o',
    });
  });

  it('refuses an incomplete form, naming what is missing', () => {
    const result = checkScoreForm(
      { scores: { depth: 4, style: null }, notes: {}, recommendation: '', overallNote: '' },
      categories,
    );
    expect(result).toEqual({
      ok: false,
      errors: ['Rate every category from 1 to 5: Working style.', 'Choose an overall recommendation.'],
    });
  });

  it('refuses notes over the limit', () => {
    const result = checkScoreForm(
      {
        scores: { depth: 4, style: 4 },
        notes: { depth: 'x'.repeat(2001) },
        recommendation: 'yes',
        overallNote: 'y'.repeat(3000),
      },
      categories,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'The note for Technical depth is 2001 characters; the limit is 2000.',
        'The overall note is 3000 characters; the limit is 2000.',
      ],
    });
  });

  it('builds the request body, trimming notes and dropping empty ones', () => {
    const result = checkScoreForm(
      {
        scores: { depth: 4, style: 5, stale: 3 },
        notes: { depth: '  good  ', style: '   ' },
        recommendation: 'strong-yes',
        overallNote: ' ok ',
      },
      categories,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        scores: { depth: 4, style: 5 },
        notes: { depth: 'good' },
        recommendation: 'strong-yes',
        overallNote: 'ok',
      },
    });
    // What the form sends passes the server's parser.
    if (!result.ok) throw new Error('unreachable');
    expect(() =>
      parseRequest('submitScorecard', {
        submissionId: 'abcdef12-3456',
        candidateId: 'C-0001',
        stageId: 'main',
        ...result.value,
      }),
    ).not.toThrow();
  });
});

describe('the decision and veto forms', () => {
  it('pre-fills reconciled scores with the mean rounded to half points', () => {
    expect(roundToHalf(11 / 3)).toBe(3.5);
    expect(roundToHalf(3.76)).toBe(4);
    expect(initialDecisionForm(panel())).toEqual({
      reconciled: { depth: '4', style: '3.5' },
      outcome: '',
      note: '',
    });
    const reconciled = panel({ categories: panel().categories.map((c) => ({ ...c, reconciled: 4.5 })) });
    expect(initialDecisionForm(reconciled).reconciled).toEqual({ depth: '4.5', style: '4.5' });
  });

  it('refuses bad reconciled scores, a missing outcome and a missing note', () => {
    const result = checkDecisionForm(
      { reconciled: { depth: '4.3', style: '' }, outcome: '', note: ' ' },
      panel(),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'The reconciled score for Technical depth must be from 1 to 5 in steps of 0.5 (got "4.3").',
        'Enter a reconciled score for Working style.',
        'Choose the decision: advance, hold or reject.',
        'Write a note saying why.',
      ],
    });
  });

  it('refuses "advance" while a veto stands', () => {
    const vetoed = panel({ veto: { by: 'bob@example.com', reason: 'r', at: 't' } });
    const result = checkDecisionForm(
      { reconciled: { depth: '4', style: '4' }, outcome: 'advance', note: 'ok' },
      vetoed,
    );
    expect(result).toEqual({
      ok: false,
      errors: ['A culture-fit veto by bob@example.com stands, so the candidate cannot advance.'],
    });
  });

  it('builds the decision body', () => {
    expect(
      checkDecisionForm(
        { reconciled: { depth: '4.5', style: '3' }, outcome: 'hold', note: ' wait ' },
        panel(),
      ),
    ).toEqual({
      ok: true,
      value: { reconciled: { depth: 4.5, style: 3 }, outcome: 'hold', note: 'wait' },
    });
  });

  it('checks the veto reason', () => {
    expect(checkVetoReason('  ')).toEqual({
      ok: false,
      errors: ['Write the culture-fit concern behind the veto.'],
    });
    expect(checkVetoReason('x'.repeat(2001))).toEqual({
      ok: false,
      errors: ['The reason is 2001 characters; the limit is 2000.'],
    });
    expect(checkVetoReason(' fine ')).toEqual({ ok: true, value: 'fine' });
  });
});

describe('the panel table', () => {
  it('lays out interviewers × categories with divergent rows flagged', () => {
    expect(panelTable(panel())).toEqual({
      columns: [
        { label: 'alice', title: 'alice@example.com' },
        { label: 'bob', title: 'bob@example.com' },
      ],
      rows: [
        {
          id: 'depth',
          name: 'Technical depth',
          keyRisk: true,
          cells: ['5', '3'],
          panelScore: '4',
          basis: 'mean',
          divergent: true,
          gapText: `${DISCUSS}: scores differ by 2`,
        },
        {
          id: 'style',
          name: 'Working style',
          keyRisk: false,
          cells: ['4', '—'],
          panelScore: '3.67',
          basis: 'mean',
          divergent: false,
          gapText: '',
        },
      ],
    });
    const reconciled = panel({
      categories: panel().categories.map((c) => ({ ...c, reconciled: 4.5, panelScore: 4.5 })),
    });
    expect(panelTable(reconciled).rows.map((r) => [r.panelScore, r.basis])).toEqual([
      ['4.5', 'reconciled'],
      ['4.5', 'reconciled'],
    ]);
  });

  it('describes the pass status, decision and veto', () => {
    expect(passHeadline(panel())).toBe('Does not pass the rule');
    const vetoed = panel({
      veto: { by: 'bob@example.com', reason: 'r', at: '2025-05-03T14:03:00' },
      pass: { status: 'pass', summary: '' },
    });
    // The decision-relevant fact comes first: a vetoed candidate is never headlined as passing.
    expect(passHeadline(vetoed)).toBe('Vetoed on culture fit: cannot advance');
    expect(passTone(vetoed)).toBe('vetoed');
    expect(passTone(panel())).toBe('fail');
    expect(scoresAloneText({ ...vetoed, pass: { status: 'pass', summary: 'Passes: average 4.33' } })).toBe(
      'The scores alone: passes the rule (Passes: average 4.33). The veto overrides them.',
    );
    expect(scoresAloneText(panel())).toBe('Fails: average 3.83 is below 4.0');
    expect(
      withdrawnVetoText({
        by: 'bob@example.com',
        reason: 'r',
        at: '2025-05-03T14:03:00',
        withdrawnAt: '2025-05-04T09:30:00',
        note: 'n',
      }),
    ).toBe('Veto by bob@example.com (3 May 2025, 14:03) withdrawn 4 May 2025, 09:30.');
    expect(vetoText(vetoed)).toBe(
      'Culture-fit veto by bob@example.com, 3 May 2025, 14:03. The candidate cannot advance.',
    );
    expect(vetoText(panel())).toBe('');
    expect(
      decisionText(
        panel({
          decision: {
            outcome: 'hold',
            note: 'n',
            decidedBy: 'm@example.com',
            decidedAt: '2025-05-03T14:03:00',
          },
        }),
      ),
    ).toBe('Hold — decided by m@example.com, 3 May 2025, 14:03');
  });
});

describe('the debrief document link', () => {
  const url = 'https://docs.google.com/document/d/1AbC_d-9xyz/edit';
  const response = { url, name: 'Debrief · Stage 2 · Main interview — Ada', replaced: false, note: '' };

  it('links only to Google Docs addresses', () => {
    expect(documentHref(url)).toBe(url);
    expect(documentHref('https://docs.google.com/document/d/1AbC')).toBe(
      'https://docs.google.com/document/d/1AbC',
    );
    for (const bad of [
      'javascript:alert(1)',
      'http://docs.google.com/document/d/1AbC/edit',
      'https://docs.google.com.evil.example/document/d/1AbC',
      'https://evil.example/?https://docs.google.com/document/d/1AbC',
      'https://docs.google.com/document/d/1AbC/edit" onclick="x',
      '',
    ]) {
      expect(documentHref(bad)).toBeNull();
    }
  });

  it('a new debrief: the document name as the link text; the note on where it is follows the message', () => {
    expect(debriefLink(response)).toEqual({
      href: url,
      text: response.name,
      message: 'Debrief document created.',
    });
    expect(debriefLink({ ...response, note: 'New documents are in the Drive folder "X".' }).message).toBe(
      'Debrief document created. New documents are in the Drive folder "X".',
    );
  });

  it('a replaced debrief says it kept its link', () => {
    expect(debriefLink({ ...response, replaced: true }).message).toBe(
      'Debrief updated: the existing document was rewritten in place (same link).',
    );
  });

  it('an address that is not a Google Docs one is shown as text, never linked', () => {
    expect(debriefLink({ ...response, url: 'javascript:alert(1)' })).toMatchObject({
      href: null,
      text: 'javascript:alert(1)',
    });
    expect(debriefLink({ ...response, name: '' }).text).toBe('Open the debrief');
  });
});
