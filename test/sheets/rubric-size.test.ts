/**
 * Apps Script keeps at most 9 KB in one property and 500 KB in a store: a rubric of long anchors applies fully
 * (stored in several properties), or is refused before any sheet changes when it cannot be stored at all.
 */
import { defaultWorkbookWithCandidates, lastAlert } from '../../scripts/workbooks';
import type { Runtime } from '../../runtime';

const WIDTH = 11; // Stage, Category, Key risk, What we look for, 1–5 means, Pass rule, Value

/** An anchor of about `length` characters, different for every category and point (with a non-ASCII letter). */
function anchor(category: number, point: number, length: number): string {
  const start = `Category ${category + 1}, score ${point}: the candidate `;
  return (start + 'explains trade-offs with concrete examples and naïve mistakes named '.repeat(40)).slice(
    0,
    length,
  );
}

/** Rewrites the Rubric sheet: `stage`'s categories replaced by `count` long ones, everything else kept. */
function rewriteRubric(rt: Runtime, stage: string, count: number, anchorLength: number): void {
  const rows = rt.inspect.sheet('Rubric')!.maxRows;
  const values = rt.inspect.values('Rubric', { row: 1, col: 1, numRows: rows, numCols: WIDTH });
  const categories = values
    .slice(1)
    .filter((r) => r[0] !== '' && r[0] !== stage)
    .map((r) => r.slice(0, 9));
  const settings = values
    .slice(1)
    .filter((r) => r[9] !== '')
    .map((r) => r.slice(9, 11));
  const fresh = Array.from({ length: count }, (_, i) => [
    stage,
    `Long category ${i + 1}`,
    i === 0,
    `What we look for in long category ${i + 1}`,
    ...[1, 2, 3, 4, 5].map((p) => anchor(i, p, anchorLength)),
  ]);
  const all = [...fresh, ...categories];
  const height = Math.max(all.length, settings.length, rows - 1);
  if (height + 1 > rows) rt.sheet('Rubric').insertRowsAfter(rows, height + 1 - rows);
  rt.setCells(
    'Rubric',
    'A2',
    Array.from({ length: height }, (_, i) => [
      ...(all[i] ?? new Array(9).fill('')),
      ...(settings[i] ?? ['', '']),
    ]),
  );
}

function stageHeader(rt: Runtime, sheet: string): unknown[] {
  const width = rt.inspect.sheet(sheet)!.maxColumns;
  return rt.inspect.values(sheet, { row: 2, col: 1, numRows: 1, numCols: width })[0].filter((h) => h !== '');
}

describe('a rubric with long anchors', () => {
  test('12 categories with 400-character anchors apply fully: sheet, stored rubric and sidebar agree', () => {
    const rt = defaultWorkbookWithCandidates(2);
    rewriteRubric(rt, 'Screening', 12, 400);
    rt.call('applyRubricChanges');
    expect(lastAlert(rt).title).toBe('Rubric changes applied');
    // The three old categories are archived at the end, scores kept.
    expect(stageHeader(rt, 'S1 Screening').filter((h) => !String(h).startsWith('Archived:'))).toEqual([
      'ID',
      'Name',
      ...Array.from({ length: 12 }, (_, i) => `Long category ${i + 1}`),
      'Average',
      'Passes',
      'Reason',
      'Scores held',
    ]);
    // A later execution reads the applied rubric back whole: every anchor, every character.
    rt.select('Candidates', 'B2');
    const context = rt.as('alice@example.com').call('getScoringContext', {});
    expect(context.stage.categories).toHaveLength(12);
    expect(context.stage.categories[11].anchors[4]).toBe(anchor(11, 5, 400));
    // Nothing needs repair afterwards: the stored rubric matches the sheets.
    rt.call('setUpWorkbook');
    expect(rt.ui.toasts.at(-1)?.message).toContain('nothing needed repair');
  });

  test('a rubric too large for the document properties is refused before any sheet changes', () => {
    const rt = defaultWorkbookWithCandidates(2);
    const before = stageHeader(rt, 'S1 Screening');
    const stored = new Map(rt.properties.document);
    rewriteRubric(rt, 'Screening', 40, 2_600);
    rt.call('applyRubricChanges');
    const alert = lastAlert(rt);
    expect(alert.message).toContain('too long to keep');
    expect(alert.message).toContain('Nothing was changed');
    expect(stageHeader(rt, 'S1 Screening')).toEqual(before);
    expect(new Map(rt.properties.document)).toEqual(stored);
  });
});
