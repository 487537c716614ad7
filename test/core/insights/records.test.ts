/** The Score log read per candidate and stage, as every insight reads it. */
import { stageRecords } from '../../../src/core/insights/records';
import type { LogEntry } from '../../../src/core/scoring/log';
import { decision, scorecard } from './log';

const A = 'alice@example.com';
const B = 'bob@example.com';
const HM = 'manager@example.com';

describe('stage records', () => {
  const log = [
    ...scorecard('C1', 'screening', A, { comm: 2 }, 'no', '2025-05-01T09:00:00.000Z'),
    ...scorecard('C2', 'screening', B, { comm: 4 }, 'yes', '2025-05-01T08:00:00.000Z'),
    ...scorecard('C1', 'screening', B, { comm: 4 }, 'yes', '2025-05-01T11:00:00.000Z'),
    ...scorecard('C1', 'screening', A, { comm: 3 }, 'yes', '2025-05-02T09:00:00.000Z', 2),
    ...decision('C1', 'screening', 'hold', HM, '2025-05-03T09:00:00.000Z'),
    ...decision('C1', 'screening', 'advance', HM, '2025-05-04T09:00:00.000Z'),
  ];

  it('gives each interviewer’s latest scorecard and the latest decision, as the panel shows them', () => {
    const [c1, c2] = stageRecords(log);
    expect([c1.candidateId, c2.candidateId]).toEqual(['C1', 'C2']);
    expect(c1.scorecards.map((card) => [card.email, card.version, card.scores.comm])).toEqual([
      [A, 2, 3],
      [B, 1, 4],
    ]);
    expect(c1.decision).toMatchObject({ outcome: 'advance', decidedBy: HM });
    expect(c2.decision).toBeNull();
  });

  it('keeps when the first scorecard, each interviewer’s first scorecard and the first decision came in', () => {
    const [c1] = stageRecords(log);
    expect(c1.firstScorecardAt).toBe(Date.parse('2025-05-01T09:00:00.000Z'));
    expect(c1.firstSubmitted.get(A)).toBe(Date.parse('2025-05-01T09:00:00.000Z')); // version 1, not 2
    expect(c1.firstSubmitted.get(B)).toBe(Date.parse('2025-05-01T11:00:00.000Z'));
    expect(c1.firstDecisionAt).toBe(Date.parse('2025-05-03T09:00:00.000Z'));
  });

  it('skips a candidate and stage with nothing but a veto', () => {
    const veto: LogEntry = {
      timestamp: '2025-05-01T09:00:00.000Z',
      submissionId: 'veto-0001',
      version: 1,
      candidateId: 'C3',
      stageId: 'main',
      interviewer: B,
      kind: 'veto',
      category: 'culture-fit',
      score: null,
      note: 'reason',
    };
    expect(stageRecords([veto])).toEqual([]);
  });
});
