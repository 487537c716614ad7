import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HyperFormula } from 'hyperformula';
import { findCustomFunctions } from '..';
import { fixtureRuntime } from './fixture';

describe('custom functions in cells (HyperFormula)', () => {
  test('only functions whose JSDoc carries @customfunction are registered', () => {
    const rt = fixtureRuntime();
    expect(rt.customFunctions).toEqual([
      'DOUBLE_IT',
      'TOTAL_ROWS',
      'ARG_TYPES',
      'EVALUATIONS',
      'WRITE_FROM_CELL',
    ]);
    rt.setCells('Sheet1', 'A1', [['=NOT_CUSTOM(1)']]);
    expect(rt.displayed('Sheet1', 'A1')).toBe('#NAME?');
  });

  test('findCustomFunctions ignores a JSDoc that is not directly before the function', () => {
    const code =
      '/** @customfunction */\nvar x = 1;\nfunction A() {}\n/**\n * Doc\n * @customfunction\n */\nfunction B_2(x) {}';
    expect(findCustomFunctions(code)).toEqual(['B_2']);
  });

  test('a custom function in a cell shows its result and recalculates', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[2, '=DOUBLE_IT(A1)']]);
    expect(rt.displayed('Sheet1', 'B1')).toBe(4);
    rt.setCells('Sheet1', 'A1', [[10]]);
    expect(rt.displayed('Sheet1', 'B1')).toBe(20);
    expect(rt.formulaOf('Sheet1', 'B1')).toBe('=DOUBLE_IT(A1)');
  });

  test('a column-returning function spills n×1 below its cell', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [
      [1, 2],
      [3, 4],
      ['', ''],
      [5, 6],
    ]);
    rt.setCells('Sheet1', 'D1', [['=TOTAL_ROWS(A1:B4)']]);
    expect(rt.displayed('Sheet1', 'D1:D4')).toEqual([[3], [7], [''], [11]]);
    // Spilled cells carry values but no formula of their own.
    expect(rt.formulaOf('Sheet1', 'D2')).toBe('');
    expect(rt.sheet('Sheet1').getRange('D1:D5').getValues()).toEqual([[3], [7], [''], [11], ['']]);
  });

  test('a 2-D result spills right and down', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [
      [1, 2],
      [3, 4],
    ]);
    rt.setCells('Sheet1', 'D1', [['=DOUBLE_IT(A1:B2)']]);
    expect(rt.displayed('Sheet1', 'D1:E2')).toEqual([
      [2, 4],
      [6, 8],
    ]);
  });

  test('the spill follows the size of the result when the input range changes', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[1], [2], [3]]);
    rt.setCells('Sheet1', 'C1', [['=TOTAL_ROWS(A1:A3)']]);
    expect(rt.displayed('Sheet1', 'C1:C4')).toEqual([[1], [2], [3], ['']]);
    rt.setCells('Sheet1', 'C1', [['=TOTAL_ROWS(A1:A2)']]);
    expect(rt.displayed('Sheet1', 'C1:C3')).toEqual([[1], [2], ['']]);
  });

  test('a blocked spill shows #REF! and spills once the blocking cell is cleared', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[1], [2], [3]]);
    rt.setCells('Sheet1', 'C2', [['in the way']]);
    rt.setCells('Sheet1', 'C1', [['=TOTAL_ROWS(A1:A3)']]);
    expect(rt.displayed('Sheet1', 'C1')).toBe('#REF!');
    rt.setCells('Sheet1', 'C2', [['']]);
    expect(rt.displayed('Sheet1', 'C1:C3')).toEqual([[1], [2], [3]]);
  });

  test('custom functions compose with native functions', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[1], [2], [3]]);
    rt.setCells('Sheet1', 'B1', [
      ['=IF(DOUBLE_IT(A1)>3,"big","small")'],
      ['=IF(DOUBLE_IT(A2)>3,"big","small")'],
      ['=IFERROR(DOUBLE_IT("x"),"bad")'],
      ['=SUM(TOTAL_ROWS(A1:A3))'],
    ]);
    expect(rt.displayed('Sheet1', 'B1:B4')).toEqual([['small'], ['big'], ['bad'], [6]]);
  });

  test('COUNTIF over a spilled boolean column and TRUE/FALSE literals', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[true], [false], [true], ['=A1=TRUE']]);
    rt.setCells('Sheet1', 'B1', [['=COUNTIF(A1:A4,TRUE)', '=IF(FALSE,1,2)']]);
    expect(rt.displayed('Sheet1', 'B1:C1')).toEqual([[3, 2]]);
  });

  test('a thrown Error becomes #ERROR! with the message readable', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [['abc', '=DOUBLE_IT(A1)']]);
    expect(rt.displayed('Sheet1', 'B1')).toBe('#ERROR!');
    expect(rt.errorMessage('Sheet1', 'B1')).toBe('Not a number: "abc" at the argument');
    expect(rt.errorOf('Sheet1', 'B1')).toEqual({
      error: '#ERROR!',
      message: 'Not a number: "abc" at the argument',
    });
    expect(rt.errorOf('Sheet1', 'A1')).toBeUndefined();
    // Apps Script reads the error code as the value.
    expect(rt.sheet('Sheet1').getRange('B1').getValue()).toBe('#ERROR!');
  });

  test('"" returned by a custom function shows as empty', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'B1', [['=DOUBLE_IT(A1)']]);
    expect(rt.displayed('Sheet1', 'B1')).toBe('');
    expect(rt.displayedText('Sheet1', 'B1')).toBe('');
  });

  test('arguments arrive as Sheets passes them', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [
      [7, 'x'],
      [true, ''],
    ]);
    rt.setCells('Sheet1', 'D1', [
      ['=ARG_TYPES(A1)'],
      ['=ARG_TYPES(A1:B2)'],
      ['=ARG_TYPES(B2)'],
      ['=ARG_TYPES()'],
      ['=ARG_TYPES(A2, "s", 1.5)'],
      ['=ARG_TYPES(A1:A1)'],
    ]);
    expect(rt.displayed('Sheet1', 'D1:D6')).toEqual([
      ['1|number:7'],
      ['1|array2x2'], // a range is a 2-D array of this realm (instanceof Array holds)
      ['1|string:'], // a blank cell is ""
      ['0|'], // omitted arguments are not passed
      ['3|boolean:true,string:s,number:1.5'],
      ['1|number:7'],
    ]);
  });

  test('cross-sheet references follow renames', () => {
    const rt = fixtureRuntime();
    rt.addSheet('Candidates');
    rt.setCells('Candidates', 'B2', [[4]]);
    rt.setCells('Sheet1', 'A1', [['=Candidates!B2*2', '=DOUBLE_IT(Candidates!B2)']]);
    expect(rt.displayed('Sheet1', 'A1:B1')).toEqual([[8, 8]]);
    rt.sheet('Candidates').setName('People');
    rt.setCells('People', 'B2', [[5]]);
    expect(rt.displayed('Sheet1', 'A1:B1')).toEqual([[10, 10]]);
    expect(rt.formulaOf('Sheet1', 'A1')).toBe('=People!B2*2');
  });

  test('formula references shift when rows are inserted', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[1], [2], ['=SUM(A1:A2)']]);
    rt.sheet('Sheet1').insertRowsAfter(1, 2);
    expect(rt.displayed('Sheet1', 'A5')).toBe(3);
    expect(rt.formulaOf('Sheet1', 'A5')).toBe('=SUM(A1:A4)');
  });

  test('evaluation counts custom-function calls and flags service calls made inside them', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [[1, '=DOUBLE_IT(A1)']]);
    expect(rt.customFunctionCalls.get('DOUBLE_IT')).toBeGreaterThan(0);
    expect(rt.customFunctionServiceCalls()).toBe(0);
  });
});

describe('the HyperFormula patches (runtime/formulas.ts)', () => {
  it('run against the exact HyperFormula version package.json pins', () => {
    const pinned = (
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies.hyperformula;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(HyperFormula.version).toBe(pinned);
  });

  it('show an array formula that is one error in its top-left cell only, as Sheets does', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [['=ARRAYFORMULA(A1:A3*2)']]);
    expect(rt.displayed('Sheet1', 'A1')).toBe('#REF!');
    expect(rt.displayed('Sheet1', 'A2:A3')).toEqual([[''], ['']]);
  });

  it('index an exact-match lookup once per formula, and still find the first match', () => {
    const rt = fixtureRuntime();
    rt.setCells('Sheet1', 'A1', [
      ['b', 1],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ]);
    rt.setCells('Sheet1', 'D1', [['=ARRAYFORMULA(VLOOKUP({"b";"c";"z"}, A1:B4, 2, FALSE))']]);
    expect(rt.displayed('Sheet1', 'D1:D3')).toEqual([[1], [4], ['#N/A']]);
  });
});
