/**
 * The inspection API (rt.inspect) and the test helpers beside it: what they report, and that reading the
 * spreadsheet through them is never counted as the script's service calls or custom-function evaluations.
 */
import * as vm from 'node:vm';
import type { Runtime } from '..';
import { fixtureRuntime } from './fixture';

/** Every counter the runtime keeps, as one object. */
function allCounts(rt: Runtime) {
  return {
    calls: rt.counters.toObject(),
    evaluations: rt.customFunctionCalls.toObject(),
    inside: rt.customFunctionServiceCalls(),
  };
}

const NONE = { calls: {}, evaluations: {}, inside: 0 };

/** A small workbook made through the Apps Script API: two sheets, formats, validations, rules. */
function workbook(): Runtime {
  const rt = fixtureRuntime({ timeZone: 'Europe/Berlin' });
  const app = rt.spreadsheetApp;
  const ss = rt.spreadsheet;
  const sheet = rt.sheet('Sheet1').setName('Scores');
  sheet.getRange('A1:C1').setValues([['Name', 'Score', 'Stage']]);
  sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#EEEEEE').setHorizontalAlignment('center');
  sheet.getRange('A2:B3').setValues([
    ['Ada', 4],
    ['Grace', 9],
  ]);
  sheet.getRange('B2').setNote('Reconciled').setNumberFormat('0.00').setFontColor('#ff0000');
  sheet.getRange('A3').setFontStyle('italic').setWrap(true);
  sheet
    .getRange('B2:B20')
    .setDataValidation(
      app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).setHelpText('1 to 5').build(),
    );
  sheet.getRange('D2').setFormula('=DOUBLE_IT(B2)');
  sheet.getRange('D3').setFormula('=1/0');
  sheet.getRange('E2').setFormula('=DOUBLE_IT(B2:B3)');
  sheet.getRange('F2').setValue(new Date(Date.UTC(2024, 0, 5, 12, 30)));
  sheet.getRange('F2').setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 180);
  sheet.hideColumns(3);

  const stages = ss.insertSheet('Stages');
  stages.getRange('A1:A4').setValues([['Screening'], ['Main'], [''], ['Offer']]);
  stages.setTabColor('#00ff00');
  sheet
    .getRange('C2:C20')
    .setDataValidation(app.newDataValidation().requireValueInRange(stages.getRange('A1:A4')).build());
  sheet
    .getRange('G2')
    .setDataValidation(app.newDataValidation().requireValueInList(['yes', 'no']).build())
    .setValue('maybe');
  sheet.getRange('C2').setValue('Main');
  sheet.getRange('C3').setValue('Lunch');
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2>=4')
      .setBackground('#ceead6')
      .setRanges([sheet.getRange('A2:B20'), stages.getRange('A1')])
      .build(),
    app.newConditionalFormatRule().whenNumberGreaterThan(5).setFontColor('#990000').setBold(true).build(),
  ]);
  ss.insertSheet('Archive').hideSheet();
  rt.select('Scores', ['A2:B3', 'D5']);
  rt.resetCounters();
  return rt;
}

describe('rt.inspect: the spreadsheet, its sheets and the selection', () => {
  test('name, time zone, sheets in tab order and the selection', () => {
    const rt = workbook();
    rt.setSpreadsheetName('Hiring 2026');
    expect(rt.inspect.spreadsheet()).toEqual({
      id: rt.spreadsheet.getId(),
      name: 'Hiring 2026',
      timeZone: 'Europe/Berlin',
      sheets: [
        { id: 0, name: 'Scores', index: 1, hidden: false, tabColor: null },
        { id: expect.any(Number), name: 'Stages', index: 2, hidden: false, tabColor: '#00ff00' },
        { id: expect.any(Number), name: 'Archive', index: 3, hidden: true, tabColor: null },
      ],
      activeSheet: 'Scores',
      selection: { sheet: 'Scores', ranges: ['A2:B3', 'D5'], activeRange: 'D5', currentCell: 'D5' },
    });
    expect(rt.spreadsheet.getName()).toBe('Hiring 2026');
    rt.spreadsheet.setActiveSheet(rt.sheet('Stages'));
    expect(rt.inspect.selection()).toEqual({
      sheet: 'Stages',
      ranges: ['A1'],
      activeRange: 'A1',
      currentCell: 'A1',
    });
  });

  test('a sheet: size, used area, frozen rows, column widths with hidden columns as 0', () => {
    const rt = workbook();
    const info = rt.inspect.sheet('scores'); // names match case-insensitively, as getSheetByName
    expect(info).toMatchObject({
      name: 'Scores',
      maxRows: 1000,
      maxColumns: 26,
      lastRow: 3,
      lastColumn: 7,
      frozenRows: 1,
      frozenColumns: 0,
    });
    expect(info?.columnWidths).toHaveLength(26);
    expect(info?.columnWidths.slice(0, 4)).toEqual([180, 100, 0, 100]);
    expect(rt.inspect.sheet('Nowhere')).toBeNull();
    rt.sheet('Scores').insertColumnsAfter(26, 2);
    expect(rt.inspect.sheet('Scores')?.maxColumns).toBe(28);
  });
});

describe('rt.inspect.cells: everything the user sees of a block, in one call', () => {
  test('values, displayed text in the spreadsheet time zone, formulas, errors, formats and notes', () => {
    const rt = workbook();
    const [header, ada, grace] = rt.inspect.cells('Scores', 'A1:F3');
    expect(header[0]).toEqual({
      value: 'Name',
      text: 'Name',
      background: '#eeeeee',
      fontWeight: 'bold',
      horizontalAlignment: 'center',
    });
    expect(ada[1]).toMatchObject({
      value: 4,
      text: '4.00',
      note: 'Reconciled',
      numberFormat: '0.00',
      fontColor: '#ff0000',
    });
    expect(grace[0]).toEqual({ value: 'Grace', text: 'Grace', fontStyle: 'italic', wrap: true });
    expect(ada[3]).toEqual({ value: 8, text: '8', formula: '=DOUBLE_IT(B2)' });
    expect(grace[3]).toMatchObject({ value: '#DIV/0!', text: '#DIV/0!', formula: '=1/0' });
    expect(grace[3].error).toEqual({ error: '#DIV/0!', message: expect.any(String) });
    // An array result: its formula in the top-left cell only; the cell it spilled into has the value.
    expect(ada[4]).toEqual({ value: 8, text: '8', formula: '=DOUBLE_IT(B2:B3)' });
    expect(grace[4]).toEqual({ value: 18, text: '18' });
    // 12:30 UTC is 13:30 in Berlin in January.
    expect(ada[5]).toMatchObject({ text: '2024-01-05 13:30', numberFormat: 'yyyy-mm-dd hh:mm' });
    expect(rt.inspect.cells('Scores', { row: 4, col: 1, numRows: 1, numCols: 2 })).toEqual([
      [
        { value: '', text: '' },
        {
          value: '',
          text: '',
          validation: expect.objectContaining({ criteria: 'NUMBER_BETWEEN', valid: true }),
        },
      ],
    ]);
    expect(rt.inspect.values('Scores', 'A2:B3')).toEqual([
      ['Ada', 4],
      ['Grace', 9],
    ]);
    expect(rt.inspect.values('Scores', 'Stages!A1')).toEqual([['Screening']]);
    expect(() => rt.inspect.cells('Scores', 'not a range')).toThrow('Bad A1 notation: not a range');
  });

  test('data validation: criteria, options (a range read from its cells), help text, allow-invalid, validity', () => {
    const rt = workbook();
    const [[score, stage], [badScore, badStage]] = rt.inspect.cells('Scores', 'B2:C3');
    expect(score.validation).toEqual({
      criteria: 'NUMBER_BETWEEN',
      values: [1, 5],
      helpText: '1 to 5',
      allowInvalid: false,
      valid: true,
    });
    expect(badScore.validation?.valid).toBe(false);
    expect(stage.validation).toEqual({
      criteria: 'VALUE_IN_RANGE',
      values: ['Stages!A1:A4', true],
      options: ['Screening', 'Main', 'Offer'],
      helpText: '',
      allowInvalid: true,
      valid: true,
    });
    expect(badStage.validation?.valid).toBe(false);
    expect(rt.inspect.cells('Scores', 'G2')[0][0].validation).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      options: ['yes', 'no'],
      valid: false,
    });
    // The older helper reads the same rule.
    expect(rt.validate('Scores', 'B3')).toEqual({
      valid: false,
      rule: 'NUMBER_BETWEEN',
      helpText: '1 to 5',
      allowInvalid: false,
    });
  });
});

describe('rt.inspect: conditional formats and formula evaluation', () => {
  test('rules as plain data, with only the ranges on the sheet asked about', () => {
    const rt = workbook();
    expect(rt.inspect.conditionalFormats('Scores')).toEqual([
      {
        ranges: [{ row: 2, col: 1, numRows: 19, numCols: 2 }],
        condition: { type: 'CUSTOM_FORMULA', values: ['=$B2>=4'] },
        format: { background: '#ceead6' },
      },
      {
        ranges: [],
        condition: { type: 'NUMBER_GREATER_THAN', values: [5] },
        format: { fontColor: '#990000', bold: true },
      },
    ]);
    expect(rt.inspect.conditionalFormats('Stages')).toEqual([]);
  });

  test('a formula evaluated in a sheet: its references, other sheets, custom functions, errors as codes', () => {
    const rt = workbook();
    expect(rt.inspect.evaluate('Scores', '=$B2>=4')).toBe(true);
    expect(rt.inspect.evaluate('Scores', 'B3>=4')).toBe(true);
    expect(rt.inspect.evaluate('Scores', '=Stages!A2')).toBe('Main');
    expect(rt.inspect.evaluate('Scores', '=DOUBLE_IT(B2)')).toBe(8);
    expect(rt.inspect.evaluate('Scores', '=B2:B3')).toEqual([[4], [9]]);
    expect(rt.inspect.evaluate('Scores', '=1/0')).toBe('#DIV/0!');
    expect(rt.inspect.evaluate('Scores', '=DOUBLE_IT("x")')).toBe('#ERROR!');
    // Nothing was written: the sheet's used area is unchanged.
    expect(rt.inspect.sheet('Scores')?.lastRow).toBe(3);
  });
});

describe('inspecting is not a service call', () => {
  test('every inspection leaves every counter as it was', () => {
    const rt = workbook();
    expect(allCounts(rt)).toEqual(NONE);
    rt.inspect.spreadsheet();
    rt.inspect.sheet('Scores');
    rt.inspect.selection();
    rt.inspect.values('Scores', 'A1:G20');
    rt.inspect.cells('Scores', 'A1:G20');
    rt.inspect.conditionalFormats('Scores');
    rt.inspect.evaluate('Scores', '=DOUBLE_IT(B2)+DOUBLE_IT(B3)');
    rt.displayed('Scores', 'A1:G3');
    rt.displayedText('Scores', 'F2');
    rt.validate('Scores', 'B3');
    rt.range('Scores', 'A1:B2');
    expect(allCounts(rt)).toEqual(NONE);
  });

  test('a recalculation that earlier writes queued counts the same whether or not something inspects first', () => {
    const quiet = workbook();
    const inspected = workbook();
    for (const rt of [quiet, inspected]) rt.sheet('Scores').getRange('B2').setValue(5);
    inspected.inspect.cells('Scores', 'A1:G3');
    inspected.inspect.evaluate('Scores', '=DOUBLE_IT(7)');
    expect(allCounts(inspected)).toEqual(allCounts(quiet));
    expect(quiet.customFunctionCalls.get('DOUBLE_IT')).toBeGreaterThan(0);
    expect(quiet.counters.get('Range.setValue')).toBe(1);
  });

  test('custom functions a formula evaluation runs are not counted either', () => {
    const rt = workbook();
    rt.inspect.evaluate('Scores', '=DOUBLE_IT(B2)');
    expect(rt.customFunctionCalls.get('DOUBLE_IT')).toBe(0);
    expect(rt.customFunctionServiceCalls()).toBe(0);
  });
});

describe('enter: a user typing into one cell', () => {
  test('a value the validation accepts is written', () => {
    const rt = workbook();
    expect(rt.enter('Scores', 'B3', '3')).toEqual({ accepted: true });
    expect(rt.displayed('Scores', 'B3')).toBe(3);
  });

  test('a rejected value leaves content and formats as they were, and says why', () => {
    const rt = workbook();
    expect(rt.enter('Scores', 'B2', '7')).toEqual({ accepted: false, message: '1 to 5' });
    expect(rt.inspect.cells('Scores', 'B2')[0][0]).toMatchObject({
      value: 4,
      text: '4.00',
      numberFormat: '0.00',
    });
    // A date would have given the cell a date format: that is undone too.
    expect(rt.enter('Scores', 'B2', new Date(Date.UTC(2024, 0, 5)))).toMatchObject({ accepted: false });
    expect(rt.inspect.cells('Scores', 'B2')[0][0]).toMatchObject({
      value: 4,
      text: '4.00',
      numberFormat: '0.00',
    });
  });

  test('text, formulas and blanks come back exactly; without help text Sheets’ own message', () => {
    const rt = workbook();
    const strict = rt.spreadsheetApp
      .newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .build();
    const sheet = rt.sheet('Stages');
    sheet.getRange('B1:B4').setDataValidation(strict);
    sheet.getRange('B1').setValue("'4");
    sheet.getRange('B2').setFormula('=1+1');
    sheet.getRange('B3').setValue("'=not a formula");
    for (const a1 of ['B1', 'B2', 'B3', 'B4']) {
      expect(rt.enter('Stages', a1, 9)).toEqual({
        accepted: false,
        message: `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
      });
    }
    expect(rt.inspect.cells('Stages', 'B1:B4').map(([c]) => [c.value, c.formula])).toEqual([
      ['4', undefined],
      [2, '=1+1'],
      ['=not a formula', undefined],
      ['', undefined],
    ]);
    expect(() => rt.enter('Stages', 'B1:B2', 1)).toThrow('enter() types into one cell, not B1:B2');
  });
});

describe('values and errors for the script, made outside it', () => {
  test('scriptValue copies into the script realm; scriptError is an Error there', () => {
    const rt = workbook();
    // Inside an execution, scriptError makes an Error of that execution's realm.
    const seen = rt.execute((scope) => {
      const isError = vm.runInContext('(function (v) { return v instanceof Error; })', scope) as (
        v: unknown,
      ) => boolean;
      return { foreign: isError(new Error('x')), script: isError(rt.scriptError('Service unavailable')) };
    });
    expect(seen).toEqual({ foreign: false, script: true });
    expect(rt.scriptError('Service unavailable').message).toBe('Service unavailable');
    // Values made outside are copied into each execution's realm when they are passed to a call.
    const value = rt.scriptValue([1]);
    expect(Array.isArray(value)).toBe(true);
  });

  test('range() gives the Range an event carries', () => {
    const rt = workbook();
    const range = rt.range('Scores', 'A2:B3');
    expect(range.getA1Notation()).toBe('A2:B3');
    expect(range.getSheet().getName()).toBe('Scores');
  });
});
