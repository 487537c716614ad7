/**
 * The custom functions as a user meets them: typed into cells of a spreadsheet, evaluated by a spreadsheet
 * engine with the built bundle's functions registered from their JSDoc.
 */
import { createRuntime } from '../runtime';

function sheetWithScores() {
  const rt = createRuntime();
  rt.addSheet('Scores');
  rt.setCells('Scores', 'A1', [
    ['Key risk', true, false, false],
    ['Name', 'Communication', 'Motivation', 'Role fit'],
    ['Ada', 4, 5, 4],
    ['Grace', 3, 5, 5],
    ['Alan', 4, '', 4],
    ['Edsger', 2, 2, 2],
  ]);
  return rt;
}

describe('custom functions in cells', () => {
  it('PASSES with a key-risk row shows TRUE, FALSE and blank for pending', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'F3', [
      ['=PASSES(B3:D3, B$1:D$1)'],
      ['=PASSES(B4:D4, B$1:D$1)'],
      ['=PASSES(B5:D5, B$1:D$1)'],
    ]);
    expect(rt.displayed('Scores', 'F3:F5')).toEqual([[true], [false], ['']]);
  });

  it('ticking a key-risk checkbox changes the result', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'F4', [['=PASSES(B4:D4, B$1:D$1)']]);
    expect(rt.displayed('Scores', 'F4')).toBe(false);
    rt.setCells('Scores', 'B1', [[false]]);
    expect(rt.displayed('Scores', 'F4')).toBe(true);
  });

  it('composes with native functions', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'G3', [
      ['=IF(PASSES(B3:D3, B$1:D$1),"Hire","No")'],
      ['=IF(PASSES(B4:D4, B$1:D$1),"Hire","No")'],
    ]);
    expect(rt.displayed('Scores', 'G3:G4')).toEqual([['Hire'], ['No']]);
  });

  it('one call computes a whole column, and COUNTIF counts it', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'F3', [['=PASSES(B3:D6, B1:D1)']]);
    expect(rt.displayed('Scores', 'F3:F6')).toEqual([[true], [false], [''], [false]]);
    expect(rt.customFunctionCalls.get('PASSES')).toBeGreaterThan(0);
    rt.setCells('Scores', 'H1', [['=COUNTIF(F3:F6, TRUE)']]);
    expect(rt.displayed('Scores', 'H1')).toBe(1);
  });

  it('RUBRIC_AVERAGE, PASS_REASON and DIVERGENT show their results', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'F3', [
      [
        '=RUBRIC_AVERAGE(B3:D3)',
        '=PASS_REASON(B4:D4, B$1:D$1, 4, 3, 4, B$2:D$2)',
        '=DIVERGENT(B3:D4, B2:D2)',
      ],
    ]);
    expect(rt.displayed('Scores', 'F3')).toBeCloseTo(4.333, 3);
    expect(rt.displayed('Scores', 'G3')).toBe('Fails: key-risk Communication scored 3.0, below 4.0');
    expect(rt.displayed('Scores', 'H3')).toBe('');
    rt.setCells('Scores', 'H4', [['=DIVERGENT(B5:D6, B2:D2)']]);
    expect(rt.displayed('Scores', 'H4')).toBe('Communication, Role fit'); // Motivation has one score only
  });

  it('a bad score shows an error naming the value and where it is', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'C3', [['great']]);
    rt.setCells('Scores', 'F3', [['=PASSES(B3:D3)']]);
    expect(rt.displayed('Scores', 'F3')).toBe('#ERROR!');
    expect(rt.errorMessage('Scores', 'F3')).toBe(
      'PASSES: scores row 1, column 2 holds "great", which is not a score from 1 to 5',
    );
  });

  it('inside a block only the bad row says #INVALID', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'C4', [[9]]);
    rt.setCells('Scores', 'F3', [['=PASSES(B3:D6)']]);
    const column = rt.displayed('Scores', 'F3:F6');
    expect(column[0][0]).toBe(true);
    expect(column[1][0]).toMatch(/^#INVALID: scores row 2, column 2 holds 9/);
    expect(column[3][0]).toBe(false);
  });

  it('the functions call no service', () => {
    const rt = sheetWithScores();
    rt.setCells('Scores', 'F3', [['=PASSES(B3:D6, B1:D1)', '=PASS_REASON(B3:D6)', '=RUBRIC_AVERAGE(B3:D6)']]);
    expect(rt.displayed('Scores', 'F3')).toBe(true);
    expect(rt.customFunctionServiceCalls()).toBe(0);
  });
});
