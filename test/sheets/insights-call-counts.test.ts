/**
 * Refreshing Insights reads each source once and writes in a constant number of batched calls, whatever the
 * number of candidates and log rows: pinned at 10 and 1,000 candidates with 5,000 Score log rows.
 */
import { candidateRows, freshDefaultWorkbook, typeCandidates } from '../../scripts/workbooks';
import { writeLog } from '../fixtures/insights-small';
import type { Runtime } from '../../runtime';

function logRows(n: number, candidates: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [
    '2026-11-01T10:00:00.000Z',
    `seed-${Math.floor(i / 4)}`,
    1,
    `C-${String((Math.floor(i / 4) % candidates) + 1).padStart(4, '0')}`,
    'screening',
    `interviewer${Math.floor(i / 4) % 5}@example.com`,
    i % 4 === 3 ? 'recommendation' : 'score',
    i % 4 === 3 ? '' : ['communication-clarity', 'motivation-fit', 'basic-role-fit'][i % 4],
    i % 4 === 3 ? '' : 1 + (i % 5),
    i % 4 === 3 ? 'yes' : '',
  ]);
}

function refreshCounts(candidates: number) {
  const rt: Runtime = freshDefaultWorkbook();
  typeCandidates(rt, candidateRows(candidates));
  writeLog(rt, logRows(5_000, candidates));
  const measure = () => {
    rt.resetCounters();
    rt.call('refreshInsights');
    if (rt.ui.alerts.length > 1) throw new Error(`refresh failed: ${rt.ui.alerts.at(-1)?.message}`);
    return { reads: rt.sheetReads(), writes: rt.sheetWrites(), calls: rt.serviceCalls() };
  };
  const first = measure();
  const again = measure();
  const calibration = rt.inspect
    .values('Insights', 'A1:A60')
    .findIndex((r) => r[0] === 'Interviewer calibration');
  return { first, again, firstInterviewer: rt.displayed('Insights', `A${calibration + 3}`) };
}

describe('Insights refresh calls', () => {
  const small = refreshCounts(10);
  const large = refreshCounts(1_000);

  it('do not grow with candidates or log rows', () => {
    expect(large.first).toEqual(small.first);
    expect(large.again).toEqual(small.again);
  });

  it('are pinned', () => {
    // One read of the Candidates sheet; the block written in one setValues; formats and charts in a fixed
    // number of calls.
    // (The first refresh also creates the sheet and records its id.)
    // The first refresh also creates the sheet (recording its id) and inserts the four charts; later ones modify
    // them in place.
    expect(small.first).toEqual({ reads: 1, writes: 16, calls: 109 });
    expect(small.again).toEqual({ reads: 1, writes: 13, calls: 124 });
  });

  it('the tables are computed over the whole log', () => {
    expect(small.firstInterviewer).toBe('interviewer0@example.com');
    expect(large.firstInterviewer).toBe('interviewer0@example.com');
  });
});
