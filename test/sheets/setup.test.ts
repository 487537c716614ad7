/**
 * Set up workbook and its repairs, driven through the built bundle's menu handlers, asserting what the user sees.
 */
import {
  candidateRows,
  defaultWorkbookWithCandidates,
  freshDefaultWorkbook,
  lastAlert,
  typeCandidates,
} from '../../scripts/workbooks';
import { columnToLetters, createRuntime } from '../../runtime';

const STAGE_SHEETS = ['S1 Screening', 'S2 Main interview', 'S3 Practical test interview'];

describe('first setup', () => {
  it('asks for a process and builds every sheet with headers, formulas and validation', () => {
    const rt = freshDefaultWorkbook();
    expect(rt.ui.prompts[0].message).toContain('1. Backend Developer (three stages) (default)');
    expect(lastAlert(rt).title).toBe('Scorecard is ready');
    const names = rt.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining([
        'About',
        'Candidates',
        ...STAGE_SHEETS,
        'Rubric',
        'Templates',
        'Pipeline',
        'Score log',
      ]),
    );
    expect(rt.sheet('Score log').isSheetHidden()).toBe(true);
    expect(rt.displayed('S1 Screening', 'A2:H2')).toEqual([
      [
        'ID',
        'Name',
        'Communication clarity',
        'Motivation fit',
        'Basic role fit',
        'Average',
        'Passes',
        'Reason',
      ],
    ]);
    expect(rt.displayed('S1 Screening', 'C1:E1')).toEqual([[true, false, false]]);
    expect(rt.sheet('Candidates').getFrozenRows()).toBe(1);
    expect(rt.validate('S1 Screening', 'C3').rule).toBeTruthy();
  });

  it('a chosen process by number builds its stages', () => {
    const rt = createRuntime();
    rt.ui.respondWith({ button: 'OK', text: '3' });
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).toContain('S6 Offer');
  });

  it('an unknown choice changes nothing and says why', () => {
    const rt = createRuntime();
    rt.ui.respondWith({ button: 'OK', text: '9' });
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain('"9" is not one of the processes listed');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('cancelling changes nothing', () => {
    const rt = createRuntime();
    rt.ui.respondWith({ button: 'CANCEL', text: '' });
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(rt.ui.toasts[0].message).toContain('Set up cancelled');
  });
});

describe('candidates and pass status', () => {
  it('new rows get stable IDs and defaults, and appear on every scorecard sheet', () => {
    const rt = defaultWorkbookWithCandidates(3);
    expect(rt.displayed('Candidates', 'A2:A4')).toEqual([['C-0001'], ['C-0002'], ['C-0003']]);
    expect(rt.displayed('Candidates', 'E2:F2')).toEqual([['Screening', 'Active']]);
    for (const sheet of STAGE_SHEETS)
      expect(rt.displayed(sheet, 'A3:B3')).toEqual([['C-0001', 'Ada Lovelace']]);
  });

  it("a new row without a role gets the process's role; a role typed in is kept", () => {
    const rt = defaultWorkbookWithCandidates(0);
    typeCandidates(rt, [
      ['Hedy Lamarr', 'hedy@example.com', ''],
      ['Alan Kay', 'alan@example.com', 'Platform Engineer'],
    ]);
    expect(rt.displayed('Candidates', 'D2:D3')).toEqual([['Backend Developer'], ['Platform Engineer']]);
  });

  it('a half-scored row does not look final: its mean is marked partial on the stage sheet and on Candidates', () => {
    const rt = defaultWorkbookWithCandidates(3);
    rt.setCells('S1 Screening', 'C3', [
      [4, 5, 4],
      [4, '', ''],
      ['', '', ''],
    ]);
    expect(rt.displayedText('S1 Screening', 'F3:G5')).toEqual([
      ['4.33', 'TRUE'],
      ['4.00 (partial)', ''],
      ['', ''],
    ]);
    expect(rt.displayed('S1 Screening', 'F3')).toBeCloseTo(4.333, 3); // a number once complete
    const header = rt.displayed('Candidates', 'A1:Z1')[0] as string[];
    const average = columnToLetters(header.indexOf('Screening average') + 1);
    const result = columnToLetters(header.indexOf('Screening result') + 1);
    expect(rt.displayedText('Candidates', `${average}2:${result}4`)).toEqual([
      ['4.33', 'TRUE'],
      ['4.00 (partial)', ''],
      ['', ''],
    ]);
    rt.setCells('S1 Screening', 'D4', [[3, 4]]);
    expect(rt.displayedText('Candidates', `${average}3`)).toBe('3.67');
  });

  it('a deleted last row never gives its ID to the next candidate', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.sheet('Candidates').deleteRow(3);
    typeCandidates(rt, [['Hedy Lamarr', 'hedy@example.com', 'Backend Developer']], 3);
    expect(rt.displayed('Candidates', 'A3')).toBe('C-0003');
  });

  it('scores typed on a scorecard row show TRUE, FALSE or blank, and the reason', () => {
    const rt = defaultWorkbookWithCandidates(3);
    rt.setCells('S1 Screening', 'C3', [
      [4, 5, 4],
      [3, 5, 5],
      [4, '', ''],
    ]);
    expect(rt.displayed('S1 Screening', 'G3:G5')).toEqual([[true], [false], ['']]);
    expect(rt.displayed('S1 Screening', 'H4')).toBe(
      'Fails: key-risk Communication clarity scored 3.0, below 4.0',
    );
    expect(rt.displayed('S1 Screening', 'H5')).toBe('Pending: 2 of 3 categories unscored');
    expect(rt.displayed('Candidates', 'P2:P4')).toEqual([[true], [false], ['']]);
    expect(rt.displayedText('Candidates', 'O2')).toBe('4.33');
  });

  it('key risk comes from the applied rubric: a box ticked or unticked by hand changes no result, and set-up resets it and says so', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.setCells('S1 Screening', 'C3', [[3, 5, 5]]);
    expect(rt.displayed('S1 Screening', 'G3')).toBe(false);
    rt.setCells('S1 Screening', 'C1', [[false, true]]);
    expect(rt.displayed('S1 Screening', 'G3')).toBe(false);
    expect(rt.displayed('S1 Screening', 'H3')).toBe(
      'Fails: key-risk Communication clarity scored 3.0, below 4.0',
    );
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain(
      'Reset the key-risk row on "S1 Screening" (C1:E1) to the applied rubric: it had been changed by hand.',
    );
    expect(rt.displayed('S1 Screening', 'C1:E1')).toEqual([[true, false, false]]);
  });

  it('score cells reject anything but 1–5 with a helpful message', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.setCells('S1 Screening', 'C3', [[7]]);
    const check = rt.validate('S1 Screening', 'C3');
    expect(check.valid).toBe(false);
    expect(check.allowInvalid).toBe(false);
    expect(check.helpText).toContain('numbers from 1 (serious concern) to 5 (exceptional)');
  });

  it('a name that looks like a formula stays text', () => {
    const rt = freshDefaultWorkbook();
    typeCandidates(rt, [['=IMPORTXML("http://x","//a")', '+1-555', 'Backend Developer']]);
    expect(rt.formulaOf('Candidates', 'B2')).toBe('');
    expect(rt.displayed('Candidates', 'B2:C2')).toEqual([['=IMPORTXML("http://x","//a")', '+1-555']]);
    expect(rt.displayed('S1 Screening', 'B3')).toBe('=IMPORTXML("http://x","//a")');
  });

  it('the pipeline counts candidates per stage and pass rates', () => {
    const rt = defaultWorkbookWithCandidates(4);
    rt.setCells('S1 Screening', 'C3', [
      [4, 4, 4],
      [2, 2, 2],
    ]);
    expect(rt.displayed('Pipeline', 'A2:I2')).toEqual([
      ['Screening', '', '', 'None yet: type business days in column B or hours in column C', 4, 0, 2, 1, 0.5],
    ]);
  });

  it('the Pipeline sheet explains its columns, and says plainly that the default process names no service level', () => {
    const rt = defaultWorkbookWithCandidates(1);
    const guide = (rt.displayed('Pipeline', 'A7:A14') as string[][]).map((r) => r[0]);
    expect(guide[0]).toBe('How this sheet works');
    for (const column of ['Service level', 'Promise', 'Overdue', 'Scored, Passed, Pass rate'])
      expect(guide.some((line) => line.startsWith(`${column}:`))).toBe(true);
    expect(guide).toContain(
      'Backend Developer (three stages) sets no service level for Screening, Main interview, Practical test interview: type figures your team can keep.',
    );
    expect(rt.formatOf('Pipeline', 'A7').fontWeight).toBe('bold');
    // The feedback service level sits right below the stages, with the default of 24 hours (issue 12).
    expect(rt.displayed('Pipeline', 'A5:D5')).toEqual([
      [
        'Scorecards (after the interview)',
        '',
        24,
        "Each interviewer's scorecard within 24 hours of the interview",
      ],
    ]);
    expect(guide.some((line) => line.startsWith('Scorecards (after the interview):'))).toBe(true);
    // No figure is invented: the cells stay blank, and Overdue stays blank on Candidates until one is typed.
    expect(rt.displayed('Pipeline', 'B2:C4')).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(rt.displayed('Candidates', 'K2:L2')).toEqual([['', '']]);
    expect(rt.displayed('Candidates', 'K1:L1')).toEqual([['Next step due', 'Overdue']]);
    expect(rt.formatOf('Candidates', 'L1').note).toContain('Set service levels on the Pipeline sheet');
  });

  it('a service level typed on Pipeline makes Next step due and Overdue work, and the Promise says it in words', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('Candidates', 'J2', [[new Date(2020, 0, 6)]]); // in Screening since a Monday long ago
    rt.setCells('Pipeline', 'B2', [[3]]);
    expect(rt.displayed('Pipeline', 'D2')).toBe('Next step within 3 business days');
    expect(rt.displayedText('Candidates', 'K2:L3')).toEqual([
      ['2020-01-09', 'TRUE'],
      [expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'FALSE'],
    ]);
    expect(rt.displayed('Pipeline', 'F2')).toBe(1);
    rt.setCells('Pipeline', 'B2:C2', [['', 36]]);
    expect(rt.displayed('Pipeline', 'D2')).toBe('Next step within 36 hours');
  });

  it("presets whose seeds give service levels ship them filled in, in the seed's own terms", () => {
    const rt = createRuntime();
    rt.ui.respondWith({ button: 'OK', text: 'five-stage-backend' });
    rt.call('setUpWorkbook');
    expect(rt.displayed('Pipeline', 'A2:D2')).toEqual([
      [
        'Application screening',
        7,
        '',
        'Applicants who make the shortlist hear from us within 5–7 business days.',
      ],
    ]);
    rt.setCells('Pipeline', 'B2', [[5]]);
    expect(rt.displayed('Pipeline', 'D2')).toBe('Next step within 5 business days');
  });
});

describe('running setup again', () => {
  it('changes nothing that is right and says so', () => {
    const rt = defaultWorkbookWithCandidates(3);
    rt.setCells('S1 Screening', 'C3', [[4, 5, 4]]);
    const before = rt.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]);
    rt.call('setUpWorkbook');
    expect(rt.ui.toasts.at(-1)?.message).toBe('Everything was already in place; nothing needed repair.');
    expect(rt.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()])).toEqual(
      before,
    );
  });

  it('restores a deleted scorecard sheet and keeps the other sheets’ data', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('S1 Screening', 'C3', [[4, 5, 4]]);
    rt.spreadsheet.deleteSheet(rt.sheet('S2 Main interview'));
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain('Recreated the missing scorecard sheet "S2 Main interview"');
    expect(rt.displayed('S2 Main interview', 'A3:B4')).toEqual([
      ['C-0001', 'Ada Lovelace'],
      ['C-0002', 'Grace Lovelace'],
    ]);
    expect(rt.displayed('S1 Screening', 'C3:G3')).toEqual([[4, 5, 4, 13 / 3, true]]);
  });

  it('restores a deleted header, a deleted validation rule and a broken formula, naming each', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('Candidates', 'C1', [['']]);
    rt.sheet('S1 Screening').getRange('C3:E10').clearDataValidations();
    rt.setCells('S1 Screening', 'G3', [['oops']]);
    rt.call('setUpWorkbook');
    const message = lastAlert(rt).message ?? '';
    // The cleared header goes back over its own column (C), where the emails still are.
    expect(message).toContain('Restored the header "Email" on "Candidates" (C1)');
    expect(rt.displayed('Candidates', 'C2')).toBe('ada.lovelace0@example.com');
    expect(message).toContain('Restored the 1–5 score check on "S1 Screening"');
    expect(message).toContain('Rewrote the "Passes" formula on "S1 Screening" (G3)');
    expect(rt.displayed('S1 Screening', 'G3')).toBe('');
  });

  it('finds sheets by id after a rename, and columns by header after a move', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.sheet('Candidates').setName('People');
    const sheet = rt.sheet('People');
    // Move "Role" to the end, as a user dragging the column would.
    sheet.insertColumnAfter(sheet.getLastColumn());
    const roleValues = sheet.getRange('D1:D3').getValues();
    sheet.getRange(1, sheet.getLastColumn() + 1, 3, 1).setValues(roleValues);
    sheet.deleteColumn(4);
    typeCandidates(rt, [['Hedy Lamarr', 'hedy@example.com']], 4, 'People');
    expect(rt.displayed('People', 'A4')).toBe('C-0003');
    rt.call('setUpWorkbook');
    expect(rt.ui.toasts.at(-1)?.message).toBe('Everything was already in place; nothing needed repair.');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Candidates');
    expect(rt.displayed('S1 Screening', 'A5:B5')).toEqual([['C-0003', 'Hedy Lamarr']]);
  });

  it('headers that differ only in spacing or case are the same column, on every sheet', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('S1 Screening', 'C2', [['Communication  clarity']]);
    rt.setCells('S1 Screening', 'C3', [[4, 5, 4]]);
    rt.setCells('Candidates', 'D1', [['  role ']]);
    rt.setCells('Candidates', 'G1', [['Hiring  manager']]);
    rt.call('setUpWorkbook');
    expect(rt.ui.alerts.map((a) => a.title)).toEqual(['Scorecard is ready']); // the first run's only
    expect(rt.ui.toasts.at(-1)?.message).toBe('Everything was already in place; nothing needed repair.');
    expect(rt.displayed('S1 Screening', 'C2:G3')).toEqual([
      ['Communication  clarity', 'Motivation fit', 'Basic role fit', 'Average', 'Passes'],
      [4, 5, 4, 13 / 3, true],
    ]);
    expect(rt.displayed('Candidates', 'P2')).toBe(true);
  });

  it('a duplicated header gives a message naming the cells and changes nothing', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.setCells('Candidates', 'D1', [['Email']]);
    rt.spreadsheet.deleteSheet(rt.sheet('Pipeline'));
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain('Sheet "Candidates": the header "Email" appears in C1 and D1');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Pipeline');
  });

  it('merged header cells are refused with a message', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.sheet('S1 Screening').getRange('G2:H2').merge();
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain('cells G2:H2 are merged in the header row');
  });

  it('rows inserted above the header are tolerated', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.sheet('Candidates').insertRowsBefore(1, 2);
    typeCandidates(rt, [['Hedy Lamarr', 'hedy@example.com', 'Backend Developer']], 6);
    expect(rt.displayed('Candidates', 'A6')).toBe('C-0003');
  });

  it('names a stage that is not in the process and text in a score cell', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('Candidates', 'E3', [['Lunch']]);
    rt.sheet('S1 Screening').getRange('D3').clearDataValidations();
    rt.setCells('S1 Screening', 'D3', [['great']]);
    rt.call('setUpWorkbook');
    const message = lastAlert(rt).message ?? '';
    expect(message).toContain('Candidates!E3: "Lunch" is not a stage of this process');
    expect(message).toContain('S1 Screening!D3 holds "great", which is not a score from 1 to 5');
  });
});

describe('the menu', () => {
  it('is built with createAddonMenu, minimal before authorisation', () => {
    const rt = createRuntime();
    rt.call('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menuItems().map((i) => i.caption)).toEqual(['Set up workbook', 'Help']);
    expect(rt.ui.menus[0].addon).toBe(true);
  });

  it('after setup, the menu offers the documents for each stage of the process at once', () => {
    const rt = freshDefaultWorkbook();
    const paths = rt.ui.menuItems().map((i) => i.path);
    expect(paths).toContain('Scorecard ▸ Generate interview script ▸ Stage 2 · Main interview');
    expect(paths).toContain('Scorecard ▸ Score candidate');
  });

  it('onInstall shows the same menu as onOpen', () => {
    const rt = createRuntime();
    rt.call('onInstall', { authMode: 'FULL' });
    expect(rt.ui.menuItems().map((i) => i.functionName)).toEqual(
      expect.arrayContaining(['setUpWorkbook', 'applyRubricChanges', 'showScoringSidebar']),
    );
  });
});

describe('apply rubric changes', () => {
  it('adds a new category as a column, archives a removed one with its scores, and follows key-risk flags', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('S1 Screening', 'C3', [[4, 5, 3]]);
    // Rubric rows 2–4 are Screening's categories; remove "Basic role fit", add "Honesty", flag "Motivation fit".
    rt.setCells('Rubric', 'A4', [['', '', '', '', '', '', '', '', '']]);
    rt.setCells('Rubric', 'C3', [[true]]);
    const last = rt.sheet('Rubric').getLastRow() + 1;
    rt.setCells('Rubric', `A${last}`, [['Screening', 'Honesty', 'yes', 'Straight answers']]);
    const mainInterviewBefore = rt.displayed('S2 Main interview', 'A1:Z3');
    rt.call('applyRubricChanges');
    const message = lastAlert(rt).message ?? '';
    expect(message).toContain('Archived "Basic role fit" on "S1 Screening"');
    expect(message).toContain('Added the category "Honesty" to Screening');
    expect(message).toContain('"Motivation fit" in Screening is now a key-risk category');
    const screening = rt.sheet('S1 Screening');
    const header = screening.getRange(2, 1, 1, screening.getMaxColumns()).getValues()[0];
    expect(header.slice(0, 8)).toEqual([
      'ID',
      'Name',
      'Communication clarity',
      'Motivation fit',
      'Honesty',
      'Average',
      'Passes',
      'Reason',
    ]);
    expect(header.join('|')).toContain('Archived: Basic role fit');
    const archived = header.findIndex((h) => String(h).startsWith('Archived'));
    expect(
      rt
        .sheet('S1 Screening')
        .getRange(3, archived + 1)
        .getValue(),
    ).toBe(3);
    expect(rt.displayed('S1 Screening', 'C1:E1')).toEqual([[true, true, true]]);
    rt.setCells('S1 Screening', 'E3', [[4]]);
    expect(rt.displayed('S1 Screening', 'G3')).toBe(true);
    expect(message).not.toContain('Main interview');
    expect(rt.displayed('S2 Main interview', 'A1:Z3')).toEqual(mainInterviewBefore);
  });

  it('a broken Rubric lists every problem with its cell and changes nothing', () => {
    const rt = defaultWorkbookWithCandidates(1);
    rt.setCells('Rubric', 'A3', [['Lunch']]);
    rt.setCells('Rubric', 'K2', [['high']]);
    rt.call('applyRubricChanges');
    const message = lastAlert(rt).message ?? '';
    expect(message).toContain('A3: "Lunch" is not a stage of this process');
    expect(message).toContain('K2: Minimum average must be a number from 1 to 5');
    expect(rt.displayed('S1 Screening', 'A2:H2')[0][3]).toBe('Motivation fit');
  });
});

describe('bigger sheets', () => {
  it('pasting 500 candidates gives each an ID in one go', () => {
    const rt = freshDefaultWorkbook();
    typeCandidates(rt, candidateRows(500));
    expect(rt.displayed('Candidates', 'A501')).toBe('C-0500');
    expect(rt.displayed('S3 Practical test interview', 'A502')).toBe('C-0500');
  });
});

describe('a Candidates sheet that grows', () => {
  it('pasting past the last row: IDs at once, and Set up workbook (which the trigger asks for) extends the formulas', () => {
    const rt = freshDefaultWorkbook();
    typeCandidates(rt, candidateRows(1_005));
    expect(rt.displayed('Candidates', 'A1006')).toBe('C-1005');
    expect(rt.ui.toasts.at(-1)?.message).toContain('run Extensions ▸ Scorecard ▸ Set up workbook');
    rt.call('setUpWorkbook');
    rt.setCells('S1 Screening', 'C1007', [[5, 5, 5]]);
    expect(rt.displayed('S1 Screening', 'A1007:G1007')).toEqual([
      ['C-1005', expect.any(String), 5, 5, 5, 5, true],
    ]);
    expect(rt.displayed('Candidates', 'P1006')).toBe(true);
  });
});
