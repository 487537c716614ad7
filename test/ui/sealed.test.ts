/**
 * Sealed until you have submitted: a pending scorecard lives in the document's properties, and nothing a
 * spreadsheet editor can open — any sheet (hidden or not), cell, note, named range or formula — shows it. The
 * Score log sheet gets a stage's scorecards only when the hiring manager decides it, in one write.
 */
import { lastAlert } from '../../scripts/workbooks';
import { type Runtime } from '../../runtime';
import { sidebarCall as run } from '../support/sidebar-call';
import {
  ALICE,
  BOB,
  MANAGER,
  STAGE,
  screeningDecision,
  screeningScorecard,
  screeningWorkbook,
} from '../support/screening-panel';
import { RESERVED_BYTES, SEALED_PREFIX } from '../../src/core/scoring/sealed';
import { STORE_BYTES } from '../../src/core/utf8';

const SECRET_NOTE = 'Alice-private-remark-7f3q';
const SECRET_OVERALL = 'Alice-overall-verdict-9zk';

/** Every scorecard here has a (maybe empty) note on communication clarity and recommends 'strong-no'. */
function scorecard(submissionId: string, scores: [number, number, number], note = '', overall = '') {
  return screeningScorecard(submissionId, scores, {
    notes: { 'communication-clarity': note },
    recommendation: 'strong-no',
    overallNote: overall,
  });
}

const DECISION = screeningDecision('decision-1', [3, 4, 3], { outcome: 'reject', note: 'Not this time' });

/**
 * Everything an editor can reach through the spreadsheet, gathered as Bob in an execution of his own: he unhides
 * every sheet and reads every cell's value, formula and note, every named range, and what formulas he types into
 * a sheet of his own show (the old named range, and every sheet read whole).
 */
function whatAnEditorCanRead(rt: Runtime, editor: string): string[] {
  return rt.as(editor).execute((scope) => {
    const ss = scope.SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const seen: string[] = [];
    const sheets = ss.getSheets();
    for (const sheet of sheets) {
      sheet.showSheet();
      const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
      for (const grid of [range.getValues(), range.getFormulas(), range.getNotes(), range.getDisplayValues()])
        for (const row of grid) for (const cell of row) if (cell !== '') seen.push(String(cell));
    }
    for (const named of ss.getNamedRanges()) {
      seen.push(named.getName());
      for (const row of named.getRange().getValues()) for (const cell of row) seen.push(String(cell));
    }
    const mine = ss.insertSheet('Bob looks around');
    const formulas = [
      '=Scorecard_ScoreLog',
      ...sheets.map((s) => `=TEXTJOIN("|", TRUE, '${s.getName()}'!A1:Z200)`),
      "=COUNTA('Score log'!A2:J1000)",
    ];
    mine.getRange(1, 1, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
    for (const row of mine.getRange(1, 1, formulas.length, 1).getDisplayValues()) seen.push(String(row[0]));
    return seen;
  });
}

describe('a scorecard is sealed until the reader has submitted their own', () => {
  test('an editor who has not submitted unhides every sheet, reads every cell, note and named range, types formulas: none of Alice’s scorecard', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [2, 5, 1], SECRET_NOTE, SECRET_OVERALL));

    const seen = whatAnEditorCanRead(rt, BOB);
    const joined = seen.join('\n');
    expect(joined).not.toContain(SECRET_NOTE);
    expect(joined).not.toContain(SECRET_OVERALL);
    expect(joined).not.toContain('sub-alice-1');
    expect(joined).not.toContain('strong-no');
    // The Score log holds its header only, the old named range is gone, the stage sheet has no scores.
    expect(seen).not.toContain('Scorecard_ScoreLog');
    expect(rt.displayed('Bob looks around', 'A1')).toBe('#NAME?');
    expect(rt.displayed('Bob looks around', `A${rt.inspect.spreadsheet().sheets.length + 1}`)).toBe(0);
    expect(rt.inspect.sheet('Score log')!.lastRow).toBe(1);
    expect(rt.displayed('S1 Screening', 'C3:E3')).toEqual([['', '', '']]);
    // The sidebar's panel still refuses him.
    expect(() => run(rt, BOB, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');

    // Once Bob has submitted, the panel (through the sidebar) shows him Alice's scorecard; the sheets still do not.
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [4, 4, 4]));
    const panel = run(rt, BOB, 'getPanel', STAGE);
    expect(panel.interviewers.map((i) => [i.email, i.scores['communication-clarity']])).toEqual([
      [ALICE, 2],
      [BOB, 4],
    ]);
    expect(panel.interviewers[0].notes['communication-clarity']).toBe(SECRET_NOTE);
    expect(rt.inspect.sheet('Score log')!.lastRow).toBe(1);
  });

  test('the decision publishes the stage’s scorecards to the Score log in one write and empties the sealed store', () => {
    const rt = screeningWorkbook();
    run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [2, 5, 1], SECRET_NOTE));
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [4, 4, 4]));
    expect([...rt.properties.document.keys()].filter((k) => k.startsWith(SEALED_PREFIX))).toHaveLength(2);
    rt.resetCounters();
    run(rt, MANAGER, 'recordDecision', DECISION);
    expect(rt.counters.get('Range.setValues')).toBe(2); // the Score log's rows, then the stage sheet's scores
    const log = rt.inspect.values('Score log', 'A2:J20').filter((r) => r[0] !== '');
    expect(log.map((r) => [r[1], r[6]])).toEqual([
      ...['score', 'score', 'score', 'recommendation', 'rights'].map((k) => ['sub-alice-1', k]),
      ...['score', 'score', 'score', 'recommendation'].map((k) => ['sub-bob-1', k]),
      ...['reconciled', 'reconciled', 'reconciled', 'decision', 'rights'].map((k) => ['decision-1', k]),
      // The manager saw the others' scores in deciding (test/ui/revised-after-panel.test.ts).
      [`seen:C-0001:screening:${MANAGER}`, 'panel-seen'],
    ]);
    expect(log.find((r) => r[1] === 'sub-alice-1' && r[9] !== '')?.[9]).toBe(SECRET_NOTE);
    expect([...rt.properties.document.keys()].filter((k) => k.startsWith(SEALED_PREFIX))).toEqual([]);
    // The panel reads the same scorecards from the published log.
    const panel = run(rt, MANAGER, 'getPanel', STAGE);
    expect(panel.interviewers.map((i) => i.email)).toEqual([ALICE, BOB]);
    expect(panel.decision).toMatchObject({ outcome: 'reject' });
  });

  test('a veto stays sealed until the decision too', () => {
    const rt = screeningWorkbook();
    run(rt, BOB, 'submitScorecard', scorecard('sub-bob-1', [4, 4, 4]));
    run(rt, BOB, 'recordVeto', {
      submissionId: 'veto-0001',
      ...STAGE,
      reason: 'Bob-veto-reason-x1',
    });
    expect(whatAnEditorCanRead(rt, ALICE).join('\n')).not.toContain('Bob-veto-reason-x1');
    run(rt, MANAGER, 'recordDecision', DECISION);
    expect(rt.inspect.values('Score log', 'J2:J20').flat()).toContain('Bob-veto-reason-x1');
  });

  test('a full store refuses the scorecard in words and records nothing', () => {
    const rt = screeningWorkbook();
    // Other data filling the document's store to just under what Scorecard lets scorecards use.
    const used = [...rt.properties.document].reduce((n, [k, v]) => n + k.length + v.length, 0);
    const free = STORE_BYTES - RESERVED_BYTES - used - 200;
    for (let i = 0; free - i * 8_000 > 0; i++)
      rt.properties.document.set(`other.${i}`, 'x'.repeat(Math.min(8_000, free - i * 8_000)));
    const before = new Map(rt.properties.document);
    expect(() =>
      run(rt, ALICE, 'submitScorecard', scorecard('sub-alice-1', [4, 4, 4], 'n'.repeat(500))),
    ).toThrow(
      'the spreadsheet’s private store is full of scorecards waiting for a decision. Nothing was recorded',
    );
    expect(new Map(rt.properties.document)).toEqual(before);
    expect(rt.inspect.sheet('Score log')!.lastRow).toBe(1);
  });

  test('set-up removes the Scorecard_ScoreLog named range an earlier version made, and says so', () => {
    const rt = screeningWorkbook();
    rt.spreadsheet.setNamedRange('Scorecard_ScoreLog', rt.sheet('Score log').getRange('A1:J100'));
    rt.call('setUpWorkbook');
    expect(lastAlert(rt).message).toContain('Removed the named range Scorecard_ScoreLog');
    expect(rt.spreadsheet.getRangeByName('Scorecard_ScoreLog')).toBeNull();
    expect(rt.spreadsheet.getRangeByName('Scorecard_Candidates')).not.toBeNull();
  });
});
