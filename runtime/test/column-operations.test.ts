/**
 * Row and column insertion/deletion on sheets whose formulas spill (custom functions returning columns,
 * ARRAYFORMULA), with those spills referenced from another sheet: references adjust and spills recompute, as in
 * Sheets.
 */
import type { Runtime } from '..';
import { fixtureRuntime } from './fixture';

/**
 * Data!A1:B3 numbers, C1 spills TOTAL_ROWS down C1:C3, D1 an ARRAYFORMULA spilling D1:D3; Other reads both.
 * Read once (as the user sees it) unless `read` is false — row/column operations then meet formulas not yet
 * evaluated.
 */
let read = true;
function spillingWorkbook(): Runtime {
  const rt = fixtureRuntime();
  rt.sheet('Sheet1').setName('Data');
  rt.addSheet('Other');
  rt.setCells('Data', 'A1', [
    [1, 2, '=TOTAL_ROWS(A1:B3)', '=ARRAYFORMULA(IF(A1:A3>1,"big","small"))'],
    [3, 4],
    [5, 6],
  ]);
  rt.setCells('Other', 'A1', [
    ['=COUNTIF(Data!C1:C3,">5")', '=SUM(Data!C1:C3)', '=COUNTIF(Data!D1:D3,"big")'],
  ]);
  if (read) rt.displayed('Other', 'A1:C1');
  return rt;
}

describe.each([
  ['after the sheets were shown', true],
  ['before anything was recalculated', false],
])('row and column operations with spilled formulas referenced from another sheet (%s)', (_, shown) => {
  beforeEach(() => {
    read = shown;
  });

  it('starts with both spills and the counts over them', () => {
    const rt = spillingWorkbook();
    expect(rt.displayed('Data', 'C1:D3')).toEqual([
      [3, 'small'],
      [7, 'big'],
      [11, 'big'],
    ]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[2, 21, 2]]);
  });

  it('inserting a column before the spills moves them and the references follow', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').insertColumnBefore(1);
    expect(rt.formulaOf('Data', 'D1')).toBe('=TOTAL_ROWS(B1:C3)');
    expect(rt.displayed('Data', 'D1:E3')).toEqual([
      [3, 'small'],
      [7, 'big'],
      [11, 'big'],
    ]);
    expect(rt.formulaOf('Other', 'A1')).toBe('=COUNTIF(Data!D1:D3,">5")');
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[2, 21, 2]]);
  });

  it('inserting a column inside the input widens it and the spill recomputes', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').insertColumnAfter(1);
    rt.setCells('Data', 'B1', [[10], [10], [10]]);
    expect(rt.formulaOf('Data', 'D1')).toBe('=TOTAL_ROWS(A1:C3)');
    expect(rt.displayed('Data', 'D1:D3')).toEqual([[13], [17], [21]]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[3, 51, 2]]);
  });

  it('deleting a column of the input narrows it, the spill recomputes and the counts follow', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').deleteColumn(2);
    expect(rt.formulaOf('Data', 'B1')).toBe('=TOTAL_ROWS(A1:A3)');
    expect(rt.displayed('Data', 'B1:C3')).toEqual([
      [1, 'small'],
      [3, 'big'],
      [5, 'big'],
    ]);
    expect(rt.formulaOf('Other', 'B1')).toBe('=SUM(Data!B1:B3)');
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[0, 9, 2]]);
  });

  it('archiving a column the way the add-on does (insert at the end, copy, delete) keeps everything computed', () => {
    const rt = spillingWorkbook();
    const sheet = rt.sheet('Data');
    const end = sheet.getMaxColumns();
    sheet.insertColumnAfter(end);
    sheet.getRange(1, end + 1, 3, 1).setValues([[2], [4], [6]]);
    sheet.deleteColumn(2);
    expect(
      rt.displayed('Data', `${String.fromCharCode(64 + end)}1:${String.fromCharCode(64 + end)}3`),
    ).toEqual([[2], [4], [6]]);
    expect(rt.displayed('Data', 'B1:B3')).toEqual([[1], [3], [5]]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[0, 9, 2]]);
  });

  it('inserting a row inside the input grows the spill; the references grow too', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').insertRowAfter(1);
    rt.setCells('Data', 'A2', [[7, 7]]);
    expect(rt.formulaOf('Data', 'C1')).toBe('=TOTAL_ROWS(A1:B4)');
    expect(rt.displayed('Data', 'C1:D4')).toEqual([
      [3, 'small'],
      [14, 'big'],
      [7, 'big'],
      [11, 'big'],
    ]);
    expect(rt.formulaOf('Other', 'B1')).toBe('=SUM(Data!C1:C4)');
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[3, 35, 3]]);
  });

  it('inserting rows above moves the spills down', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').insertRowsBefore(1, 2);
    expect(rt.formulaOf('Data', 'C3')).toBe('=TOTAL_ROWS(A3:B5)');
    expect(rt.displayed('Data', 'C3:D5')).toEqual([
      [3, 'small'],
      [7, 'big'],
      [11, 'big'],
    ]);
    expect(rt.displayed('Data', 'C1:D2')).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[2, 21, 2]]);
  });

  it('deleting a row of the input shrinks the spill and the counts', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').deleteRow(2);
    expect(rt.formulaOf('Data', 'C1')).toBe('=TOTAL_ROWS(A1:B2)');
    expect(rt.displayed('Data', 'C1:D3')).toEqual([
      [3, 'small'],
      [11, 'big'],
      ['', ''],
    ]);
    expect(rt.formulaOf('Other', 'B1')).toBe('=SUM(Data!C1:C2)');
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[1, 14, 1]]);
  });

  it('deleting the rows above moves the spills up', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').insertRowsBefore(1, 3);
    rt.sheet('Data').deleteRows(1, 3);
    expect(rt.displayed('Data', 'C1:D3')).toEqual([
      [3, 'small'],
      [7, 'big'],
      [11, 'big'],
    ]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[2, 21, 2]]);
  });

  it('an array formula that becomes circular shows #REF! at its top and counts over it still compute', () => {
    const rt = spillingWorkbook();
    // D1's input now includes its own column: Sheets shows a circular-dependency #REF! only in D1.
    rt.setCells('Data', 'D1', [['=ARRAYFORMULA(IF(A1:A3+D1:D3>1,"big","small"))']]);
    expect(rt.displayed('Other', 'C1')).toBe(0); // HF used to throw "Unknown array" here
    expect(rt.displayed('Data', 'D1')).toBe('#REF!');
    expect(rt.displayed('Data', 'D2:D3')).toEqual([[''], ['']]);
    rt.setCells('Data', 'D1', [['=ARRAYFORMULA(IF(A1:A3>1,"big","small"))']]);
    expect(rt.displayed('Other', 'C1')).toBe(2);
  });
});

describe('array formulas replaced or cleared', () => {
  it('a spill that shrinks to one cell leaves no stale array behind for ranges and row operations', () => {
    const rt = spillingWorkbook();
    rt.setCells('Data', 'C1', [['=TOTAL_ROWS(A1:B1)']]);
    expect(rt.displayed('Data', 'C1:C3')).toEqual([[3], [''], ['']]);
    expect(rt.displayed('Other', 'A1:B1')).toEqual([[0, 3]]);
    rt.sheet('Data').insertRowAfter(1);
    rt.sheet('Data').insertColumnBefore(1);
    rt.sheet('Data').deleteRow(2);
    expect(rt.formulaOf('Other', 'B1')).toBe('=SUM(Data!D1:D3)');
    expect(rt.displayed('Data', 'D1:E3')).toEqual([
      [3, 'small'],
      ['', 'big'],
      ['', 'big'],
    ]);
    expect(rt.displayed('Other', 'A1:C1')).toEqual([[0, 3, 2]]);
  });

  it('clearing an ARRAYFORMULA empties its area; counts over it and row operations still work', () => {
    const rt = spillingWorkbook();
    rt.sheet('Data').getRange('D1').clearContent();
    expect(rt.displayed('Data', 'D1:D3')).toEqual([[''], [''], ['']]);
    expect(rt.displayed('Other', 'C1')).toBe(0);
    rt.sheet('Data').insertRowsAfter(1, 2);
    rt.setCells('Data', 'D1', [['=ARRAYFORMULA(IF(A1:A5>1,"big","small"))']]);
    expect(rt.displayed('Data', 'D1:D5')).toEqual([['small'], ['small'], ['small'], ['big'], ['big']]);
    expect(rt.formulaOf('Other', 'C1')).toBe('=COUNTIF(Data!D1:D5,"big")');
    expect(rt.displayed('Other', 'C1')).toBe(2);
  });

  it('an ARRAYFORMULA on another sheet re-spills when the rows it reads grow', () => {
    const rt = spillingWorkbook();
    rt.setCells('Other', 'E1', [['=ARRAYFORMULA(Data!A1:A3*10)']]);
    expect(rt.displayed('Other', 'E1:E4')).toEqual([[10], [30], [50], ['']]);
    rt.sheet('Data').insertRowBefore(3);
    rt.setCells('Data', 'A3', [[4]]);
    expect(rt.formulaOf('Other', 'E1')).toBe('=ARRAYFORMULA(Data!A1:A4*10)');
    expect(rt.displayed('Other', 'E1:E5')).toEqual([[10], [30], [40], [50], ['']]);
  });
});

describe('a sheet other formulas refer to is deleted', () => {
  it('rows can still be inserted and deleted on the other sheets, and the broken references show an error', () => {
    const rt = fixtureRuntime();
    rt.sheet('Sheet1').setName('Data');
    rt.addSheet('Other');
    rt.setCells('Data', 'A1', [
      ['a', 1],
      ['b', 2],
    ]);
    // As Candidates looks up its service levels on Pipeline: an ARRAYFORMULA over a range of the other sheet.
    rt.setCells('Other', 'A1', [
      ['=ARRAYFORMULA(IFERROR(VLOOKUP(B1:B2,Data!$A$1:$B$2,2,FALSE),"none"))', 'a'],
      ['', 'b'],
      ['kept'],
    ]);
    expect(rt.displayed('Other', 'A1:A2')).toEqual([[1], [2]]);
    rt.spreadsheet.deleteSheet(rt.sheet('Data'));
    rt.sheet('Other').insertRowsBefore(1, 2);
    expect(rt.displayed('Other', 'A5')).toBe('kept');
    expect(rt.errorOf('Other', 'A3')).toBeDefined(); // the lookup's range is gone (see the README)
    rt.sheet('Other').deleteRows(1, 2);
    expect(rt.displayed('Other', 'A3')).toBe('kept');
  });
});
