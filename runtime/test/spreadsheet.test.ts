import { fixtureRuntime } from './fixture';

describe('Range and Sheet behave like Apps Script', () => {
  test('ranges are 1-based in every form', () => {
    const rt = fixtureRuntime();
    const sheet = rt.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(sheet.getRange('B2').getValue()).toBe(5);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(rt.spreadsheet.getRange('Sheet1!C1').getValue()).toBe(3);
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange('A1:C2').getCell(2, 2).getValue()).toBe(5);
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
  });

  test('out-of-bounds ranges throw', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    const msg = 'Exception: The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(0, 1)).toThrow(msg);
    expect(() => sheet.getRange(1, 0)).toThrow(msg);
    expect(() => sheet.getRange(1001, 1)).toThrow(msg);
    expect(() => sheet.getRange(1, 27)).toThrow(msg);
    expect(() => sheet.getRange(999, 1, 5, 1)).toThrow(msg);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('AA1')).toThrow(msg);
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  test('setValues with the wrong shape throws the Apps Script message', () => {
    const rt = fixtureRuntime();
    const range = rt.sheet('Sheet1').getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('strings beginning with "=" become formulas unless the cell is plain text', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    sheet.getRange('A2').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A2').getValue()).toBe('=1+1');
    expect(sheet.getRange('A2').getFormula()).toBe('');
    sheet.getRange('A3').setValue("'=1+1");
    expect(sheet.getRange('A3').getValue()).toBe('=1+1');
    sheet.getRange('A4:A6').setValues([['+1-555'], ['007'], ['TRUE']]);
    expect(sheet.getRange('A4:A6').getValues()).toEqual([['+1-555'], [7], [true]]);
    sheet.getRange('B1').setFormula('=A1*10');
    expect(sheet.getRange('B1').getValue()).toBe(20);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['=1+1', '=A1*10'],
      ['', ''],
    ]);
  });

  test('blanks read as "", display values are strings', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    sheet.getRange('A1:C1').setValues([[4.5, true, 'x']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[4.5, true, 'x', '']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['4.5', 'TRUE', 'x', '']]);
    sheet.getRange('A2').setValue(0.25).setNumberFormat('0.0%');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('25.0%');
    expect(sheet.getRange('A2').getValue()).toBe(0.25);
  });

  test('values read by the bundle are arrays and Dates of its own realm', () => {
    const rt = fixtureRuntime();
    rt.sheet('Sheet1')
      .getRange('A1')
      .setValue(new Date(Date.UTC(2024, 0, 15, 9, 30)));
    expect(rt.call('isDateValue', 'A1')).toBe(true);
    const v = rt.sheet('Sheet1').getRange('A1').getValue() as Date;
    expect(v.getTime()).toBe(Date.UTC(2024, 0, 15, 9, 30));
    expect(rt.sheet('Sheet1').getRange('A1').getDisplayValue()).toBe('1/15/2024 9:30:00');
    expect(rt.call('isDateValue', 'B1')).toBe(false);
  });

  test('last row/column, data range, and new-sheet dimensions', () => {
    const rt = fixtureRuntime();
    const sheet = rt.spreadsheet.insertSheet('Data');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange('B3:C4').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    sheet.getRange('B4:C4').clearContent();
    expect(sheet.getLastRow()).toBe(3);
  });

  test('inserting and deleting rows and columns shifts data, formats and dimensions', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A3').setNote('note on c');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getRange('A5').getNote()).toBe('note on c');
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    sheet.insertColumnsAfter(0 + 1, 1);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.getRange('C1').setValue('moved?');
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('B1').getValue()).toBe('moved?');
    sheet.insertRows(1);
    expect(sheet.getRange('A2').getValue()).toBe('a');
    expect(() => sheet.deleteRows(0, 1)).toThrow();
  });

  test('appendRow writes after the last row', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    sheet.appendRow(['h1', 'h2']);
    sheet.appendRow(['a', '=1+2']);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['h1', 'h2'],
      ['a', 3],
    ]);
  });

  test('checkboxes hold booleans; validation rules are readable and checkable', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    sheet.getRange('A2').setValue(true);
    sheet.getRange('A1:A3').insertCheckboxes();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[false], [true], [false]]);
    expect(sheet.getRange('A1').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    sheet.getRange('A1').check();
    expect(sheet.getRange('A1').isChecked()).toBe(true);
    sheet.getRange('A1:A3').removeCheckboxes();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();

    const app = rt.spreadsheetApp;
    const rule = app
      .newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .setHelpText('1 to 5')
      .build();
    sheet.getRange('B1:B3').setDataValidation(rule);
    sheet.getRange('B1:B2').setValues([[3], [9]]);
    expect(rt.validate('Sheet1', 'B1')).toEqual({
      valid: true,
      rule: 'NUMBER_BETWEEN',
      helpText: '1 to 5',
      allowInvalid: false,
    });
    expect(rt.validate('Sheet1', 'B2').valid).toBe(false);
    expect(rt.validate('Sheet1', 'B3').valid).toBe(true); // blank is valid
    expect(rt.validate('Sheet1', 'C1').rule).toBeNull();
    const dv = sheet.getRange('B1').getDataValidation()!;
    expect(dv.getCriteriaValues()).toEqual([1, 5]);
    expect(dv.getHelpText()).toBe('1 to 5');
    expect(dv.getAllowInvalid()).toBe(false);

    const list = app.newDataValidation().requireValueInList(['Screening', 'Main'], true).build();
    sheet.getRange('C1:C2').setDataValidations([[list], [list]]);
    sheet.getRange('C1:C2').setValues([['Main'], ['Other']]);
    expect(rt.validate('Sheet1', 'C1').valid).toBe(true);
    expect(rt.validate('Sheet1', 'C2').valid).toBe(false);
    expect(sheet.getRange('C1:C2').getDataValidations()[1][0]!.getCriteriaType()).toBe('VALUE_IN_LIST');
  });

  test('formats, notes, merges, frozen rows, widths, hidden sheets', () => {
    const rt = fixtureRuntime();
    const sheet = rt.sheet('Sheet1');
    const r = sheet.getRange('A1:B1');
    r.setBackground('#FF0000')
      .setFontWeight('bold')
      .setFontColor('#333333')
      .setHorizontalAlignment('center')
      .setWrap(true);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A2').getBackground()).toBe('#ffffff');
    r.setNotes([['n1', 'n2']]);
    expect(r.getNotes()).toEqual([['n1', 'n2']]);
    r.setNumberFormats([['0.00', '@']]);
    expect(r.getNumberFormats()).toEqual([['0.00', '@']]);
    sheet.getRange('A1').setValue(3.14159);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3.14');

    sheet.getRange('A1').setValue('keep');
    sheet.getRange('B1').setValue('dropped');
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((m) => m.getA1Notation()),
    ).toEqual(['A1:B1']);
    sheet.getRange('A1:B1').breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);

    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.setColumnWidth(2, 300);
    expect(sheet.getColumnWidth(2)).toBe(300);
    expect(sheet.getColumnWidth(3)).toBe(100);
    const other = rt.spreadsheet.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => sheet.hideSheet()).toThrow();
    sheet.hideColumns(3, 2);
    expect(sheet.isColumnHiddenByUser(4)).toBe(true);
  });

  test('spreadsheet sheets: insert, duplicate names, ids, indexes, delete, active sheet', () => {
    const rt = fixtureRuntime();
    const ss = rt.spreadsheet;
    const cand = ss.insertSheet('Candidates');
    expect(() => ss.insertSheet('Candidates')).toThrow(
      'A sheet with the name "Candidates" already exists. Please enter another name.',
    );
    expect(ss.getActiveSheet().getName()).toBe('Candidates');
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Candidates']);
    expect(cand.getIndex()).toBe(3);
    expect(ss.getSheetById(cand.getSheetId())).toBe(cand);
    expect(new Set(ss.getSheets().map((s) => s.getSheetId())).size).toBe(3);
    expect(ss.getSheetByName('Sheet1')!.getSheetId()).toBe(0);
    expect(() => cand.setName('first')).toThrow('already exists');
    ss.deleteSheet(first);
    expect(ss.getSheetByName('First')).toBeNull();
    expect(ss.getUrl()).toContain(ss.getId());
    expect(ss.getSpreadsheetTimeZone()).toBe('Etc/UTC');
  });

  test('selection helpers and the Selection API', () => {
    const rt = fixtureRuntime();
    rt.addSheet('Candidates');
    rt.select('Candidates', ['A2:C2', 'A5:C6']);
    const ss = rt.spreadsheet;
    expect(ss.getActiveSheet().getName()).toBe('Candidates');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A5:C6');
    expect(
      ss
        .getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:C2', 'A5:C6']);
    expect(ss.getSelection().getCurrentCell()!.getA1Notation()).toBe('A5');
    expect(rt.spreadsheetApp.getActiveRange()!.getA1Notation()).toBe('A5:C6');
  });

  test('named ranges, protection and conditional format rules', () => {
    const rt = fixtureRuntime();
    const ss = rt.spreadsheet;
    const sheet = rt.sheet('Sheet1');
    ss.setNamedRange('Scores', sheet.getRange('B2:D10'));
    expect(ss.getRangeByName('Scores')!.getA1Notation()).toBe('B2:D10');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Scores']);
    ss.removeNamedRange('Scores');
    expect(ss.getRangeByName('Scores')).toBeNull();

    const p = sheet.protect().setDescription('Scorecard data').setWarningOnly(true);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['manager@example.com']);
    p.removeEditors(['someone@example.com']);
    expect(sheet.getProtections(rt.spreadsheetApp.ProtectionType.SHEET)[0].getDescription()).toBe(
      'Scorecard data',
    );
    expect(sheet.getProtections('SHEET')[0].isWarningOnly()).toBe(true);
    const rp = sheet.getRange('A1:A2').protect();
    expect(ss.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('A1:A2');
    rp.remove();
    expect(ss.getProtections('RANGE')).toHaveLength(0);

    const rule = rt.spreadsheetApp
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2=TRUE')
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A2:E100')])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getBooleanCondition().getCriteriaType()).toBe('CUSTOM_FORMULA');
    expect(rules[0].getBooleanCondition().getCriteriaValues()).toEqual(['=$E2=TRUE']);
    expect(rules[0].getBooleanCondition().getBackground()).toBe('#b7e1cd');
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:E100');
  });
});
