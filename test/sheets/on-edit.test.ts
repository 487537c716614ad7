/**
 * The onEdit simple trigger runs on every edit anywhere in the spreadsheet, within 30 seconds and without
 * authorization: an edit outside Candidates costs at most 3 service calls and reads no presets; a paste of 1,000
 * candidates gets its IDs within a pinned budget, and leaves extending the formulas to the next Set up workbook.
 */
import {
  candidateRows,
  defaultWorkbookWithCandidates,
  freshDefaultWorkbook,
  typeCandidates,
} from '../../scripts/workbooks';
import { DEFAULT_LATENCY, type ExecutionRecord, type Runtime, createRuntime } from '../../runtime';

/** The budget an edit outside Candidates may use: which sheet was edited, and the one property that says it. */
export const OUTSIDE_CANDIDATES = { calls: 3 };
/**
 * What a 1,000-row paste into Candidates may use: service calls (constant in the number of rows: 63 today), and
 * simulated time at DEFAULT_LATENCY (about 0.5 s of the trigger's 30).
 */
export const THOUSAND_ROW_PASTE = { calls: 64, ms: 1_000 };

function lastOnEdit(rt: Runtime): ExecutionRecord {
  const runs = rt.executions.filter((e) => e.name === 'onEdit');
  return runs[runs.length - 1];
}

function edit(rt: Runtime, sheet: string, a1: string, value: unknown): void {
  rt.setCells(sheet, a1, [[value]]);
  rt.call('onEdit', { authMode: 'LIMITED', range: rt.range(sheet, a1), source: rt.spreadsheet, value });
}

describe('onEdit outside the Candidates sheet', () => {
  test.each([
    ['a score on a scorecard sheet', 'S1 Screening', 'C3', 4],
    ['a note on the Rubric', 'Rubric', 'H30', 'Keep it short'],
    ['a cell of a sheet the user added', 'Notes', 'A1', 'Call Ada back'],
  ])('%s costs at most 3 service calls and parses no presets', (_label, sheet, a1, value) => {
    const rt = defaultWorkbookWithCandidates(3);
    if (sheet === 'Notes') rt.addSheet('Notes');
    rt.setTriggerBudget('onEdit', OUTSIDE_CANDIDATES);
    edit(rt, sheet, a1, value);
    const run = lastOnEdit(rt);
    expect(run.outcome).toBe('ok');
    expect(run.calls).toBeLessThanOrEqual(OUTSIDE_CANDIDATES.calls);
    expect(run.counts['HtmlService.createHtmlOutputFromFile']).toBeUndefined();
  });

  test('before the workbook is set up, an edit costs as little', () => {
    const rt = createRuntime();
    rt.setTriggerBudget('onEdit', OUTSIDE_CANDIDATES);
    edit(rt, 'Sheet1', 'A1', 'Ada Lovelace');
    expect(lastOnEdit(rt).calls).toBeLessThanOrEqual(OUTSIDE_CANDIDATES.calls);
  });
});

describe('a 1,000-row paste into Candidates', () => {
  function pasted(): Runtime {
    const rt = freshDefaultWorkbook({ latency: DEFAULT_LATENCY });
    rt.setTriggerBudget('onEdit', THOUSAND_ROW_PASTE);
    typeCandidates(rt, candidateRows(1_000));
    return rt;
  }

  test('every row gets its ID and a row on each scorecard sheet, within the budget, with no set-up in the trigger', () => {
    const rt = pasted();
    const run = lastOnEdit(rt);
    expect(run.outcome).toBe('ok');
    expect(run.calls).toBeLessThanOrEqual(THOUSAND_ROW_PASTE.calls);
    expect(run.elapsedMs).toBeLessThanOrEqual(THOUSAND_ROW_PASTE.ms);
    expect(rt.displayed('Candidates', 'A1001')).toBe('C-1000');
    expect(rt.displayed('S1 Screening', 'A1002')).toBe('C-1000');
    // No set-up ran inside the trigger: no named ranges, no conditional formats were rewritten.
    expect(run.counts['Spreadsheet.setNamedRange']).toBeUndefined();
    expect(run.counts['Sheet.setConditionalFormatRules']).toBeUndefined();
  });

  test('the trigger says the new rows need Set up workbook, which then extends the formulas over them', () => {
    const rt = pasted();
    expect(rt.ui.toasts[rt.ui.toasts.length - 1].message).toContain('Set up workbook');
    rt.call('setUpWorkbook');
    expect(rt.ui.alerts[rt.ui.alerts.length - 1]?.title).not.toBe('Scorecard');
    expect(rt.displayed('Candidates', 'A1001')).toBe('C-1000');
    expect(rt.displayed('S1 Screening', 'A1002:B1002')).toEqual([['C-1000', 'Radia Perlman 9']]);
    const headers = rt.inspect.values('Candidates', 'A1:Z1')[0];
    const days = headers.indexOf('Days in stage');
    expect(rt.inspect.values('Candidates', { row: 1001, col: days + 1, numRows: 1, numCols: 1 })[0][0]).toBe(
      0,
    );
    // After it, an edit that adds nobody asks for nothing.
    const toasts = rt.ui.toasts.length;
    edit(rt, 'Candidates', 'D2', 'Staff engineer');
    expect(rt.ui.toasts).toHaveLength(toasts);
  });
});
