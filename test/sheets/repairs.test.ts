/**
 * Repairs a newcomer hit: Set up workbook puts a cleared header back in its own column, a re-created scorecard
 * sheet back in its tab position, leaves no ghost candidate for a cleared name, and no empty default sheet.
 */
import { defaultWorkbookWithCandidates, freshDefaultWorkbook, lastAlert } from '../../scripts/workbooks';
import { columnToLetters, createRuntime } from '../../runtime';

const TABS = [
  'About',
  'Candidates',
  'S1 Screening',
  'S2 Main interview',
  'S3 Practical test interview',
  'Pipeline',
  'Rubric',
  'Templates',
  'Score log',
];

function headers(rt: ReturnType<typeof createRuntime>, sheet: string, row = 1): string[] {
  const width = rt.inspect.sheet(sheet)!.maxColumns;
  return rt.inspect.values(sheet, `A${row}:${columnToLetters(width)}${row}`)[0] as string[];
}

describe('the default sheet of a new spreadsheet', () => {
  test('an empty "Sheet1" is not left behind by the first set-up', () => {
    const rt = freshDefaultWorkbook();
    expect(rt.inspect.spreadsheet().sheets.map((s) => s.name)).not.toContain('Sheet1');
  });

  test('a "Sheet1" that holds something is kept', () => {
    const rt = createRuntime();
    rt.setCells('Sheet1', 'A1', [['My old list']]);
    rt.ui.respondWith({ button: 'OK', text: '' });
    rt.call('setUpWorkbook');
    expect(rt.displayed('Sheet1', 'A1')).toBe('My old list');
  });
});

describe('a cleared header', () => {
  test('is restored in its own column, over its data, not appended at the far right', () => {
    const rt = defaultWorkbookWithCandidates(2);
    const before = headers(rt, 'Candidates');
    const email = before.indexOf('Email');
    const at = `${columnToLetters(email + 1)}1`;
    rt.setCells('Candidates', at, [['']]);
    rt.call('setUpWorkbook');
    const after = headers(rt, 'Candidates');
    expect(after).toEqual(before);
    expect(rt.displayed('Candidates', `${columnToLetters(email + 1)}2`)).toBe('ada.lovelace0@example.com');
    expect(lastAlert(rt).message).toContain(`Restored the header "Email"`);
  });
});

describe('a deleted scorecard sheet', () => {
  test('is re-created in its place among the tabs', () => {
    const rt = freshDefaultWorkbook();
    expect(rt.inspect.spreadsheet().sheets.map((s) => s.name)).toEqual(TABS);
    rt.spreadsheet.deleteSheet(rt.sheet('S2 Main interview'));
    rt.call('setUpWorkbook');
    expect(rt.inspect.spreadsheet().sheets.map((s) => s.name)).toEqual(TABS);
  });
});

describe("a candidate's cleared name", () => {
  test('leaves no ghost candidate named "0" on the scorecard sheets, and is not counted', () => {
    const rt = defaultWorkbookWithCandidates(3);
    rt.setCells('Candidates', 'B3', [['']]); // Grace's name cleared, her ID stays
    rt.call('setUpWorkbook');
    const names = rt.displayed('S1 Screening', 'B3:B5') as string[][];
    expect(names.flat()).not.toContain(0);
    expect(names.flat()).not.toContain('0');
    const pipeline = headers(rt, 'Pipeline');
    const inStage = rt.displayed(
      'Pipeline',
      `${columnToLetters(pipeline.indexOf('Candidates in stage') + 1)}2`,
    );
    expect(inStage).toBe(2);
  });
});
