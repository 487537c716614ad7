/**
 * Dates are the spreadsheet's: with the spreadsheet in Los Angeles or Tokyo and the script in UTC (as
 * appsscript.json), a candidate typed just before or just after local midnight gets that local day as Applied on
 * and In stage since, Days in stage and Next step due count from it, an advance dates the new stage with the local
 * day, and the interview document prints the same day.
 */
import { candidateRows, freshDefaultWorkbook, typeCandidates } from '../../scripts/workbooks';
import { type Runtime, columnToLetters } from '../../runtime';

const MANAGER = 'manager@example.com';
const ALICE = 'alice@example.com';

/** A1 of a cell by its sheet's header text (row 1) and row. */
function cell(rt: Runtime, sheet: string, header: string, row: number): string {
  const width = rt.inspect.sheet(sheet)!.maxColumns;
  const headers = rt.inspect.values(sheet, `A1:${columnToLetters(width)}1`)[0];
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column "${header}" on ${sheet}`);
  return `${columnToLetters(index + 1)}${row}`;
}

const text = (rt: Runtime, header: string, row = 2) =>
  rt.displayedText('Candidates', cell(rt, 'Candidates', header, row));
const value = (rt: Runtime, header: string, row = 2) =>
  rt.displayed('Candidates', cell(rt, 'Candidates', header, row));

// Local midnight on 10 March 2026: 07:00 UTC in Los Angeles (PDT), 15:00 UTC the day before in Tokyo.
const CASES = [
  { zone: 'America/Los_Angeles', at: '2026-03-10T06:55:00.000Z', day: '2026-03-09', next: '2026-03-11' },
  { zone: 'America/Los_Angeles', at: '2026-03-10T07:05:00.000Z', day: '2026-03-10', next: '2026-03-12' },
  { zone: 'Asia/Tokyo', at: '2026-03-09T14:55:00.000Z', day: '2026-03-09', next: '2026-03-11' },
  { zone: 'Asia/Tokyo', at: '2026-03-09T15:05:00.000Z', day: '2026-03-10', next: '2026-03-12' },
] as const;

describe.each(CASES)('spreadsheet in $zone, script in UTC, clock at $at', ({ zone, at, day, next }) => {
  function workbook(): Runtime {
    const rt = freshDefaultWorkbook({ timeZone: zone, scriptTimeZone: 'Etc/UTC', now: at, latency: 0 });
    // Screening is promised within 2 business days.
    rt.setCells('Pipeline', 'B2', [[2]]);
    typeCandidates(rt, candidateRows(1));
    return rt;
  }

  test('a new candidate is dated with the local day, at midnight, and Days in stage starts at 0', () => {
    const rt = workbook();
    expect(text(rt, 'Applied on')).toBe(day);
    expect(text(rt, 'In stage since')).toBe(day);
    // Midnight of that day in the spreadsheet's zone: a whole serial number.
    const since = rt.inspect.values('Candidates', cell(rt, 'Candidates', 'In stage since', 2))[0][0];
    expect(Number.isInteger(since)).toBe(true);
    expect(value(rt, 'Days in stage')).toBe(0);
    expect(text(rt, 'Next step due')).toBe(next);
    expect(value(rt, 'Overdue')).toBe(false);
  });

  test('Days in stage and Overdue follow the local calendar', () => {
    const rt = workbook();
    rt.advance(3 * 24 * 3_600_000);
    rt.setCells('Candidates', 'Z1', [['']]); // any edit recalculates NOW()
    expect(value(rt, 'Days in stage')).toBe(3);
    expect(value(rt, 'Overdue')).toBe(true);
  });

  test('an advance dates the new stage with the local day; the interview script prints the same day', () => {
    const rt = workbook();
    rt.setCells('Candidates', cell(rt, 'Candidates', 'Hiring manager', 2), [[MANAGER]]);
    rt.setCells('Candidates', cell(rt, 'Candidates', 'Panel', 2), [[ALICE]]);
    rt.setNow(at);
    const scores = { 'communication-clarity': 5, 'motivation-fit': 4, 'basic-role-fit': 4 };
    rt.as(ALICE).call('submitScorecard', {
      submissionId: 'tz-alice',
      candidateId: 'C-0001',
      stageId: 'screening',
      scores,
      notes: {},
      recommendation: 'yes',
      overallNote: '',
    });
    rt.as(MANAGER).call('recordDecision', {
      submissionId: 'tz-decision',
      candidateId: 'C-0001',
      stageId: 'screening',
      reconciled: scores,
      outcome: 'advance',
      note: 'Clear on every answer.',
    });
    expect(value(rt, 'Stage')).toBe('Main interview');
    expect(text(rt, 'In stage since')).toBe(day);
    rt.select('Candidates', 'B2');
    rt.as(MANAGER).call('generateScriptStage2');
    const [doc] = rt.documents.list();
    expect(rt.documents.text(doc.id)).toContain(day);
  });
});
