/**
 * Every action reads and writes the sheet in a constant number of batched calls, whatever the number of
 * candidates and log rows. Pinned at 10 and 1,000 candidates (the bench prints 10,000).
 */
import { candidateRows, freshDefaultWorkbook, typeCandidates } from '../../scripts/workbooks';
import type { Runtime } from '../../runtime';

interface Counts {
  reads: number;
  writes: number;
  calls: number;
}

function count(rt: Runtime, action: () => void): Counts {
  rt.resetCounters();
  action();
  return { reads: rt.sheetReads(), writes: rt.sheetWrites(), calls: rt.serviceCalls() };
}

function withLog(rt: Runtime, rows: number): void {
  const values = Array.from({ length: rows }, (_, i) => [
    '2026-11-01T10:00:00.000Z',
    `seed-${i}`,
    1,
    'C-0002',
    'screening',
    `interviewer${i % 5}@example.com`,
    'score',
    'motivation-fit',
    4,
    '',
  ]);
  const sheet = rt.sheet('Score log');
  if (sheet.getMaxRows() < rows + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  rt.setCells('Score log', 'A2', values);
}

const SHEETS = ['Candidates', 'S1 Screening', 'S2 Main interview', 'S3 Practical test interview'];

/**
 * The default workbook with every table grown to 2,000 rows and set up again, so that 10 and 1,000 candidates
 * are measured on the same sheets: the counts compare actions, not a one-off extension of the formulas.
 */
function roomyWorkbook(): Runtime {
  const rt = freshDefaultWorkbook();
  for (const name of SHEETS) {
    const sheet = rt.sheet(name);
    sheet.insertRowsAfter(sheet.getMaxRows(), 2_000 - sheet.getMaxRows());
  }
  rt.call('setUpWorkbook');
  return rt;
}

function actions(candidates: number) {
  const rt = roomyWorkbook();
  typeCandidates(rt, candidateRows(candidates));
  withLog(rt, 5_000);
  const repair = count(rt, () => rt.call('setUpWorkbook'));
  const apply = count(rt, () => rt.call('applyRubricChanges'));
  rt.setActiveUser('alice@example.com');
  rt.select('Candidates', 'B2');
  const open = count(rt, () => rt.call('getScoringContext', {}));
  const submit = count(rt, () =>
    rt.call('submitScorecard', {
      submissionId: 'count-submission',
      candidateId: 'C-0001',
      stageId: 'screening',
      scores: { 'communication-clarity': 4, 'motivation-fit': 4, 'basic-role-fit': 4 },
      notes: {},
      recommendation: 'yes',
      overallNote: '',
    }),
  );
  // Bob's scorecard, then Alice's first look at the panel (recorded) and a second one (not).
  rt.setActiveUser('bob@example.com');
  rt.call('submitScorecard', {
    submissionId: 'count-submission-bob',
    candidateId: 'C-0001',
    stageId: 'screening',
    scores: { 'communication-clarity': 5, 'motivation-fit': 5, 'basic-role-fit': 5 },
    notes: {},
    recommendation: 'yes',
    overallNote: '',
  });
  rt.setActiveUser('alice@example.com');
  const panel = { candidateId: 'C-0001', stageId: 'screening' };
  const firstLook = count(rt, () => rt.call('getPanel', panel));
  const lookAgain = count(rt, () => rt.call('getPanel', panel));
  return { repair, apply, open, submit, firstLook, lookAgain };
}

describe('sheet calls do not grow with the number of candidates', () => {
  let small: ReturnType<typeof actions>;
  let large: ReturnType<typeof actions>;

  beforeAll(() => {
    small = actions(10);
    large = actions(1_000);
  });

  it.each(['repair', 'apply', 'open', 'submit', 'firstLook', 'lookAgain'] as const)('%s', (action) => {
    expect(large[action]).toEqual(small[action]);
  });

  it('opening the sidebar reads each table once and writes nothing', () => {
    expect(small.open.writes).toBe(0);
    expect(small.open.reads).toBeLessThanOrEqual(4);
  });

  it('submitting reads Candidates and the log once each and appends in one write', () => {
    expect(small.submit.reads).toBeLessThanOrEqual(3);
    expect(small.submit.writes).toBeLessThanOrEqual(3);
  });

  it('the panel: the first look adds the lock and one property write to what every look costs', () => {
    expect(small.lookAgain).toEqual({ reads: 2, writes: 0, calls: 29 });
    expect(small.firstLook).toEqual({ reads: 2, writes: 0, calls: 32 });
  });

  it('pasting candidates: the IDs cost the same calls for 10 or 1,000 rows', () => {
    const counts = [10, 1_000].map((n) => {
      const rt = roomyWorkbook();
      rt.setCells('Candidates', 'B2', candidateRows(n));
      const range = rt.sheet('Candidates').getRange(2, 2, n, 3);
      return count(rt, () => rt.call('onEdit', { authMode: 'LIMITED', range }));
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
