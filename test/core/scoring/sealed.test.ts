/** The sealed store's records: written in parts under Apps Script's limits, read back whole, merged once. */
import type { LogEntry } from '../../../src/core/scoring/log';
import {
  MAX_SUBMISSION_BYTES,
  RESERVED_BYTES,
  SEALED_PREFIX,
  checkSealed,
  encodeSubmission,
  mergeRecords,
  planSeal,
  readSealed,
  storedBytes,
  summariseScorecards,
} from '../../../src/core/scoring/sealed';
import { PART_BYTES, STORE_BYTES, utf8Bytes } from '../../../src/core/utf8';
import { createHmac } from 'node:crypto';

/** An HMAC as the add-on signs with (Utilities' in the bundle). */
const mac = (value: string): string => createHmac('sha256', 'test-key').update(value).digest('hex');

function card(id: string, note: string, categories = 3): LogEntry[] {
  const base = {
    timestamp: '2026-11-02T10:00:00.000Z',
    submissionId: id,
    version: 1,
    candidateId: 'C-0001',
    stageId: 'screening',
    interviewer: 'alice@example.com',
  };
  return [
    ...Array.from({ length: categories }, (_, i) => ({
      ...base,
      kind: 'score' as const,
      category: `cat-${i}`,
      score: 4,
      note,
    })),
    { ...base, kind: 'recommendation' as const, category: '', score: null, note: 'yes: fine' },
  ];
}

describe('sealing a submission', () => {
  test('a short scorecard is one property that reads back as the same rows', () => {
    const rows = card('sub-00000001', 'Clear "answers", naïve =1+1');
    const values = encodeSubmission(rows, mac);
    expect(Object.keys(values)).toEqual([`${SEALED_PREFIX}sub-00000001`]);
    expect(readSealed(values).map((s) => s.rows)).toEqual([rows]);
  });

  test('a long one is split into parts under 9 KB each, never inside a character, and reads back whole', () => {
    const rows = card('sub-00000002', '語'.repeat(1_900), 5);
    const values = encodeSubmission(rows, mac);
    const keys = Object.keys(values);
    expect(keys.length).toBeGreaterThan(3);
    for (const value of Object.values(values)) expect(utf8Bytes(value)).toBeLessThanOrEqual(PART_BYTES);
    const [back] = readSealed(values);
    expect(back.rows).toEqual(rows);
    expect([...back.keys].sort()).toEqual([...keys].sort());
  });

  test('a part missing (or a value that is not ours) is not read as a scorecard', () => {
    const values = encodeSubmission(card('sub-00000003', 'x'.repeat(9_000)), mac);
    delete values[`${SEALED_PREFIX}sub-00000003.2`];
    expect(readSealed({ ...values, [`${SEALED_PREFIX}junk`]: '{"a":1}' })).toEqual([]);
  });

  test('an oversize scorecard is refused in words before anything is written', () => {
    const rows = card('sub-00000004', 'x'.repeat(2_000), 40);
    expect(storedBytes(encodeSubmission(rows, mac))).toBeGreaterThan(MAX_SUBMISSION_BYTES);
    expect(() => planSeal(rows, 0, mac)).toThrow(
      /This scorecard is \d+ KB of text; Scorecard keeps at most 64 KB/,
    );
  });

  test('a store that would go past its room for scorecards is refused as full', () => {
    const rows = card('sub-00000005', 'fine');
    const size = storedBytes(encodeSubmission(rows, mac));
    expect(() => planSeal(rows, STORE_BYTES - RESERVED_BYTES - size, mac)).not.toThrow();
    expect(() => planSeal(rows, STORE_BYTES - RESERVED_BYTES - size + 1, mac)).toThrow(
      /private store is full/,
    );
  });
});

describe('sealed and published together', () => {
  test('a submission both published and still sealed (an interrupted publish) counts once, as published', () => {
    const published = card('sub-00000006', 'a');
    const sealed = readSealed({
      ...encodeSubmission(card('sub-00000006', 'a'), mac),
      ...encodeSubmission(card('sub-00000007', 'b'), mac),
    });
    const { entries, stale } = mergeRecords(published, sealed);
    expect(entries.filter((e) => e.submissionId === 'sub-00000006')).toHaveLength(4);
    expect(entries.filter((e) => e.submissionId === 'sub-00000007')).toHaveLength(4);
    expect(stale.map((s) => s.rows[0].submissionId)).toEqual(['sub-00000006']);
  });

  test('the reminders’ listing says who submitted when, and nothing of the scores or notes', () => {
    const listed = summariseScorecards(readSealed(encodeSubmission(card('sub-00000008', 'secret'), mac)));
    expect(listed).toEqual([
      {
        candidateId: 'C-0001',
        stageId: 'screening',
        interviewer: 'alice@example.com',
        submittedAt: '2026-11-02T10:00:00.000Z',
      },
    ]);
  });
});

describe('a sealed submission changed outside Scorecard', () => {
  test('does not verify, is left out and is listed in words', () => {
    const values = encodeSubmission(card('sub-00000009', 'fine'), mac);
    const key = `${SEALED_PREFIX}sub-00000009`;
    const forged = {
      [key]: values[key].replace('"score",4', '"score",1').replace(/"score","cat-0",4/, '"score","cat-0",1'),
    };
    expect(forged[key]).not.toBe(values[key]);
    const read = checkSealed(forged, mac);
    expect(read.sealed).toEqual([]);
    expect(read.untrusted.map((u) => u.message)).toEqual([
      'A sealed record said to be from alice@example.com was changed outside Scorecard and is not counted.',
    ]);
    expect(checkSealed(values, mac).sealed.map((s) => s.rows[0].submissionId)).toEqual(['sub-00000009']);
  });
});
