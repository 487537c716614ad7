/** Client-generated submission IDs: valid for the contract, stable across a retry, new for new content. */
import { parseRequest } from '../../src/core/contract';
import { PendingSubmission, newSubmissionId } from '../../src/sidebar/ids';

const VALID = /^[A-Za-z0-9-]{8,64}$/;

describe('newSubmissionId', () => {
  it('uses crypto.randomUUID when available', () => {
    expect(newSubmissionId({ randomUUID: () => '11111111-2222-4333-8444-555555555555' })).toBe(
      '11111111-2222-4333-8444-555555555555',
    );
    expect(newSubmissionId()).toMatch(VALID);
  });

  it('falls back to getRandomValues, then Math.random, in UUID layout', () => {
    const fromBytes = newSubmissionId({ getRandomValues: (array: Uint8Array) => array.fill(171) });
    expect(fromBytes).toBe('abababab-abab-abab-abab-abababababab');
    const fromMath = newSubmissionId({});
    expect(fromMath).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(newSubmissionId({})).not.toBe(fromMath);
  });

  it('is accepted by the server contract', () => {
    const request = { candidateId: 'C-1', stageId: 's', reason: 'r' };
    for (const submissionId of [newSubmissionId(), newSubmissionId({})]) {
      expect(() => parseRequest('recordVeto', { submissionId, ...request })).not.toThrow();
    }
  });
});

describe('PendingSubmission', () => {
  it('reuses the ID when the same content is retried after a failure', () => {
    let n = 0;
    const pending = new PendingSubmission(() => `id-0000${++n}`);
    const a = pending.idFor({ scores: { depth: 4 } });
    expect(pending.idFor({ scores: { depth: 4 } })).toBe(a);
  });

  it('takes a new ID when the content changes or after a success', () => {
    let n = 0;
    const pending = new PendingSubmission(() => `id-0000${++n}`);
    const a = pending.idFor({ scores: { depth: 4 } });
    const b = pending.idFor({ scores: { depth: 5 } });
    expect(b).not.toBe(a);
    pending.succeeded();
    expect(pending.idFor({ scores: { depth: 5 } })).not.toBe(b);
  });
});
