/**
 * The sidebar contract: every request a modified client could send is parsed on the server, and every refusal
 * names the field and what is wrong with it.
 */
import { MAX_NOTE_LENGTH, OUTCOMES, RECOMMENDATIONS } from '../../src/core/labels';
import {
  SIDEBAR_CALLS,
  describeReceived,
  parseRequest,
  responseSchemas,
  type SidebarApi,
  type SubmitScorecardRequest,
} from '../../src/core/contract';

const scorecard: SubmitScorecardRequest = {
  submissionId: '3f2b8c1e-7a4d-4e2b-9c1d-0a1b2c3d4e5f',
  candidateId: 'C-0001',
  stageId: 'main-interview',
  scores: { 'technical-depth': 4, decomposition: 5, 'working-style': 3 },
  notes: { 'technical-depth': 'Knew the trade-offs of the queue design.' },
  recommendation: 'yes',
  overallNote: 'Solid.',
};

const decision = {
  submissionId: 'decision-0001',
  candidateId: 'C-0001',
  stageId: 'main-interview',
  reconciled: { 'technical-depth': 4.5, decomposition: 4, 'working-style': 3 },
  outcome: 'advance',
  note: 'Strong on depth after discussion.',
};

const veto = {
  submissionId: 'veto-00001',
  candidateId: 'C-0001',
  stageId: 'main-interview',
  reason: 'Dismissive.',
};

function refusal(name: keyof SidebarApi, payload: unknown): string {
  try {
    parseRequest(name, payload);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} accepted ${JSON.stringify(payload)}`);
}

describe('parseRequest accepts well-formed requests', () => {
  it('parses each call', () => {
    expect(parseRequest('submitScorecard', scorecard)).toEqual(scorecard);
    expect(parseRequest('getScoringContext', {})).toEqual({});
    expect(parseRequest('getScoringContext', { candidateId: 'C-0001', stageId: 'screening' })).toEqual({
      candidateId: 'C-0001',
      stageId: 'screening',
    });
    expect(parseRequest('getPanel', { candidateId: 'C-0001', stageId: 'screening' })).toEqual({
      candidateId: 'C-0001',
      stageId: 'screening',
    });
    expect(parseRequest('recordDecision', decision)).toEqual(decision);
    expect(parseRequest('recordVeto', veto)).toEqual(veto);
    expect(
      parseRequest('generateDebriefDocument', { candidateId: 'C-0001', stageId: 'main-interview' }),
    ).toEqual({ candidateId: 'C-0001', stageId: 'main-interview' });
  });

  it('generateDebriefDocument: both ids required, nothing else accepted (identity comes from the session)', () => {
    expect(refusal('generateDebriefDocument', { candidateId: 'C-0001' })).toBe('stageId is required');
    expect(
      refusal('generateDebriefDocument', {
        candidateId: 'C-0001',
        stageId: 'main-interview',
        viewer: 'boss@example.com',
      }),
    ).toBe('unknown field "viewer"');
    expect(refusal('generateDebriefDocument', { candidateId: '', stageId: 'x'.repeat(65) })).toBe(
      'candidateId must be text of 1 to 64 characters (got ""); stageId must be text of 1 to 64 characters (got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." (65 characters))',
    );
  });

  it('accepts an empty note map, empty overall note and a note of exactly the limit', () => {
    const long = 'x'.repeat(MAX_NOTE_LENGTH);
    const parsed = parseRequest('submitScorecard', {
      ...scorecard,
      notes: { decomposition: long },
      overallNote: long,
    });
    expect(parsed.notes.decomposition).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('accepts every recommendation and outcome, and reconciled scores in steps of 0.5', () => {
    for (const recommendation of RECOMMENDATIONS) {
      expect(parseRequest('submitScorecard', { ...scorecard, recommendation }).recommendation).toBe(
        recommendation,
      );
    }
    for (const outcome of OUTCOMES)
      expect(parseRequest('recordDecision', { ...decision, outcome }).outcome).toBe(outcome);
    for (const score of [1, 1.5, 2.5, 5]) {
      expect(
        parseRequest('recordDecision', { ...decision, reconciled: { decomposition: score } }),
      ).toBeTruthy();
    }
  });

  it('lists every call of the API', () => {
    expect(SIDEBAR_CALLS.sort()).toEqual(
      [
        'confirmHiringManager',
        'generateDebriefDocument',
        'getPanel',
        'getScoringContext',
        'markNoteShareable',
        'recordDecision',
        'recordVeto',
        'submitScorecard',
        'withdrawVeto',
      ].sort(),
    );
  });
});

describe('parseRequest refuses bad payloads with a specific message', () => {
  it.each([
    [6, 'scores.technical-depth must be a whole number from 1 to 5 (got 6)'],
    [0, 'scores.technical-depth must be a whole number from 1 to 5 (got 0)'],
    ['4', 'scores.technical-depth must be a whole number from 1 to 5 (got "4")'],
    [NaN, 'scores.technical-depth must be a whole number from 1 to 5 (got NaN)'],
    [4.5, 'scores.technical-depth must be a whole number from 1 to 5 (got 4.5)'],
    [null, 'scores.technical-depth must be a whole number from 1 to 5 (got null)'],
    [true, 'scores.technical-depth must be a whole number from 1 to 5 (got true)'],
    [Infinity, 'scores.technical-depth must be a whole number from 1 to 5 (got Infinity)'],
  ])('score %p', (score, message) => {
    expect(
      refusal('submitScorecard', { ...scorecard, scores: { ...scorecard.scores, 'technical-depth': score } }),
    ).toBe(message);
  });

  it('a 100,000-character note', () => {
    expect(
      refusal('submitScorecard', { ...scorecard, notes: { 'technical-depth': 'x'.repeat(100_000) } }),
    ).toBe('note for technical-depth is 100000 characters; the limit is 2000');
  });

  it('a 2001-character overall note', () => {
    expect(refusal('submitScorecard', { ...scorecard, overallNote: 'x'.repeat(2001) })).toBe(
      'overall note is 2001 characters; the limit is 2000',
    );
  });

  it('an "interviewer" field: identity comes from the session, never the payload', () => {
    expect(refusal('submitScorecard', { ...scorecard, interviewer: 'someone.else@example.com' })).toBe(
      'unknown field "interviewer"',
    );
    expect(refusal('recordDecision', { ...decision, decidedBy: 'boss@example.com' })).toBe(
      'unknown field "decidedBy"',
    );
    expect(refusal('getScoringContext', { email: 'x@example.com' })).toBe('unknown field "email"');
  });

  it('several extra fields are all named', () => {
    expect(refusal('recordVeto', { ...veto, by: 'a', at: 'b' })).toBe('unknown fields "by", "at"');
  });

  it('missing fields', () => {
    const { scores: _scores, ...withoutScores } = scorecard;
    expect(refusal('submitScorecard', withoutScores)).toBe('scores is required');
    const { submissionId: _id, ...withoutId } = scorecard;
    expect(refusal('submitScorecard', withoutId)).toBe('submissionId is required');
    expect(refusal('getPanel', { candidateId: 'C-0001' })).toBe('stageId is required');
    expect(refusal('recordVeto', { ...veto, reason: undefined })).toBe('reason is required');
  });

  it('a bad recommendation or outcome', () => {
    expect(refusal('submitScorecard', { ...scorecard, recommendation: 'maybe' })).toBe(
      'recommendation must be one of "strong-yes", "yes", "no", "strong-no" (got "maybe")',
    );
    expect(refusal('recordDecision', { ...decision, outcome: 'hire' })).toBe(
      'outcome must be one of "advance", "hold", "reject" (got "hire")',
    );
  });

  it('a bad submission ID', () => {
    for (const submissionId of [
      'short',
      'x'.repeat(65),
      'has space in it',
      '<script>alert(1)</script>',
      42,
    ]) {
      expect(refusal('submitScorecard', { ...scorecard, submissionId })).toMatch(
        /^submissionId must be 8 to 64 letters, digits or dashes \(got /,
      );
    }
  });

  it('bad candidate and stage ids', () => {
    expect(refusal('getPanel', { candidateId: '', stageId: 'x' })).toBe(
      'candidateId must be text of 1 to 64 characters (got "")',
    );
    expect(refusal('getScoringContext', { stageId: 7 })).toBe(
      'stageId must be text of 1 to 64 characters (got 7)',
    );
  });

  it('scores, notes or reconciled of the wrong shape', () => {
    expect(refusal('submitScorecard', { ...scorecard, scores: [4, 4, 4] })).toBe(
      'scores must map each category id to a score (got a list)',
    );
    expect(refusal('submitScorecard', { ...scorecard, notes: 'fine' })).toBe(
      'notes must map each category id to a note (got "fine")',
    );
    expect(refusal('submitScorecard', { ...scorecard, notes: { decomposition: 5 } })).toBe(
      'the note for decomposition must be text (got 5)',
    );
    expect(refusal('submitScorecard', { ...scorecard, scores: { 'Not An Id': 4 } })).toBe(
      'scores has a key "Not An Id" that is not a category id',
    );
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 3]));
    expect(refusal('submitScorecard', { ...scorecard, scores: many })).toBe(
      'scores has more than 50 categories',
    );
  });

  it('reconciled scores off the half-point grid or out of range', () => {
    expect(refusal('recordDecision', { ...decision, reconciled: { decomposition: 4.3 } })).toBe(
      'reconciled.decomposition must be a score from 1 to 5 in steps of 0.5 (got 4.3)',
    );
    expect(refusal('recordDecision', { ...decision, reconciled: { decomposition: 5.5 } })).toBe(
      'reconciled.decomposition must be a score from 1 to 5 in steps of 0.5 (got 5.5)',
    );
    expect(refusal('recordDecision', { ...decision, reconciled: { decomposition: '4' } })).toBe(
      'reconciled.decomposition must be a score from 1 to 5 in steps of 0.5 (got "4")',
    );
  });

  it('an empty or too long decision note or veto reason', () => {
    expect(refusal('recordDecision', { ...decision, note: '   ' })).toBe('note is required: say why');
    expect(refusal('recordDecision', { ...decision, note: 'x'.repeat(100_000) })).toBe(
      'note is 100000 characters; the limit is 2000',
    );
    expect(refusal('recordVeto', { ...veto, reason: '' })).toBe('reason is required: say why');
    const withdrawal = { submissionId: veto.submissionId, candidateId: 'C-0001', stageId: 'screening' };
    expect(refusal('withdrawVeto', { ...withdrawal, note: ' ' })).toBe('note is required: say why');
    expect(refusal('withdrawVeto', { ...withdrawal, note: 'ok', by: 'x' })).toBe('unknown field "by"');
    expect(parseRequest('withdrawVeto', { ...withdrawal, note: 'resolved' })).toEqual({
      ...withdrawal,
      note: 'resolved',
    });
  });

  it('a request that is not an object', () => {
    for (const payload of [null, undefined, 'submit', 42, [scorecard]]) {
      expect(refusal('submitScorecard', payload)).toMatch(/^the request must be an object with named fields/);
    }
  });

  it('several problems are reported together', () => {
    expect(
      refusal('submitScorecard', { ...scorecard, scores: { decomposition: 9 }, recommendation: 'meh' }),
    ).toBe(
      'scores.decomposition must be a whole number from 1 to 5 (got 9); ' +
        'recommendation must be one of "strong-yes", "yes", "no", "strong-no" (got "meh")',
    );
  });

  it('an unknown call', () => {
    expect(refusal('deleteEverything' as keyof SidebarApi, {})).toBe(
      'Unknown sidebar call "deleteEverything"',
    );
  });

  it('does not fall for prototype keys', () => {
    const payload = JSON.parse('{"__proto__": {"admin": true}}');
    expect(refusal('getScoringContext', payload)).toBe('unknown field "__proto__"');
  });
});

describe('responses are JSON-safe', () => {
  it('a scoring context, a submit response and a panel view survive JSON unchanged', () => {
    const context = responseSchemas().getScoringContext.parse({
      candidate: {
        id: 'C-0001',
        name: 'Ada',
        role: 'Backend Developer',
        email: 'ada@example.com',
        stageId: 'screening',
        stageName: 'Screening',
        hiringManager: 'hm@example.com',
      },
      stages: [{ id: 'screening', name: 'Screening', optional: false, reached: true, current: true }],
      stage: {
        id: 'screening',
        name: 'Screening',
        minutes: '15–20 min',
        categories: [
          {
            id: 'communication',
            name: 'Communication',
            keyRisk: true,
            description: 'd',
            anchors: ['1', '2', '3', '4', '5'],
          },
        ],
        passRule: 'Passes when…',
      },
      me: { email: 'i@example.com' },
      mine: null,
      canSeePanel: false,
      isHiringManager: false,
      opensOnPanel: false,
      rights: { hiringManager: 'hm@example.com', panel: ['i@example.com'], change: null, canConfirm: false },
    });
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    const submitted = responseSchemas().submitScorecard.parse({
      version: 1,
      submittedAt: '2025-05-03T12:00:00.000Z',
      duplicate: false,
      afterPanel: null,
    });
    expect(JSON.parse(JSON.stringify(submitted))).toEqual(submitted);
    expect(() => responseSchemas().getPanel.parse({})).toThrow();
    const debrief = responseSchemas().generateDebriefDocument.parse({
      url: 'https://docs.google.com/document/d/abc/edit',
      name: 'Debrief · Stage 2 · Main interview — Ada',
      replaced: false,
      note: '',
    });
    expect(JSON.parse(JSON.stringify(debrief))).toEqual(debrief);
  });
});

describe('describeReceived', () => {
  it('quotes and shortens values', () => {
    expect(describeReceived('x'.repeat(100))).toBe(`"${'x'.repeat(37)}..." (100 characters)`);
    expect(describeReceived(undefined)).toBe('nothing');
    expect(describeReceived({})).toBe('an object');
  });
});
