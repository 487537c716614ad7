/**
 * Apps Script releases an execution's locks while its alert or prompt is open, so no action may rely on a lock
 * across a dialog: it asks first, then locks, reads again and acts. Here a second user's action runs while the
 * first user's dialog is open (the runtime runs the scripted answer while the dialog is open).
 */
import { candidateRows, freshDefaultWorkbook, typeCandidates } from '../../scripts/workbooks';
import { createRuntime } from '../../runtime';

const A = 'manager@example.com';
const B = 'second@example.com';
const SHEETS = [
  'About',
  'Candidates',
  'S1 Screening',
  'S2 Main interview',
  'S3 Practical test interview',
  'Rubric',
  'Templates',
  'Pipeline',
  'Score log',
];

describe('two people run the first Set up workbook at once', () => {
  test('the second set-up runs while the first is choosing a process: one set of sheets, and the first is told', () => {
    const rt = createRuntime({ user: A });
    rt.ui.respondWith(
      () => {
        // While A's prompt is open, B sets the workbook up (answering B's own prompt with Enter).
        rt.as(B).call('setUpWorkbook');
        return { button: 'OK', text: '' };
      },
      { button: 'OK', text: '' },
    );
    rt.call('setUpWorkbook');
    const names = rt.inspect.spreadsheet().sheets.map((s) => s.name);
    expect([...names].sort()).toEqual([...SHEETS].sort());
    const last = rt.ui.alerts[rt.ui.alerts.length - 1];
    expect(last.message).toContain('was set up by someone else while you were choosing');
  });
});

describe('generating documents while someone else does', () => {
  test('"No" (keep) after another user made a script during the question creates no duplicate', () => {
    const rt = freshDefaultWorkbook({ user: A });
    typeCandidates(rt, candidateRows(2));
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1'); // Ada has a script
    rt.select('Candidates', 'B2:B3');
    rt.ui.respondWith(() => {
      // While A is asked about Ada's script, B makes Grace's.
      rt.select('Candidates', 'B3');
      rt.as(B).call('generateScriptStage1');
      rt.select('Candidates', 'B2:B3');
      return 'NO';
    });
    rt.call('generateScriptStage1');
    expect(rt.documents.list()).toHaveLength(2);
    const links = rt.displayed('Candidates', 'A2:Z3') as string[][];
    const urls = rt.documents.list().map((d) => d.url);
    expect(links.flat().filter((v) => urls.includes(v))).toHaveLength(2);
  });
});
