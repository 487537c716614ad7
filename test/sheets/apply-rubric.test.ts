/**
 * Apply rubric changes on a workbook built through the menu: a removed category's column, scores included, is
 * archived at the end of its scorecard sheet, and the formulas that read the moved columns follow them.
 */
import { columnToLetters } from '../../runtime';
import { defaultWorkbookWithCandidates, lastAlert } from '../../scripts/workbooks';

describe('archiving a rubric category (Apply rubric changes)', () => {
  it("moves the removed category's column, scores included, to the end and reports it", () => {
    const rt = defaultWorkbookWithCandidates(2);
    rt.setCells('S1 Screening', 'C3', [[4, 5, 3]]);
    rt.setCells('Rubric', 'A4', [['', '', '', '', '', '', '', '', '']]); // remove the category "Basic role fit"
    rt.call('applyRubricChanges');
    const alert = lastAlert(rt);
    expect(alert.message).not.toContain('Something went wrong');
    expect(alert.title).toBe('Rubric changes applied');
    expect(alert.message).toContain('Archived "Basic role fit" on "S1 Screening"');
    expect(rt.logs.filter((l) => l.level === 'error')).toEqual([]);

    const sheet = rt.sheet('S1 Screening');
    const header: string[] = rt.displayed('S1 Screening', `A2:${columnToLetters(sheet.getMaxColumns())}2`)[0];
    expect(header.slice(0, 7)).toEqual([
      'ID',
      'Name',
      'Communication clarity',
      'Motivation fit',
      'Average',
      'Passes',
      'Reason',
    ]);
    const archived = header.findIndex((h) => h.startsWith('Archived: Basic role fit'));
    expect(archived).toBeGreaterThan(6);
    expect(sheet.getRange(3, archived + 1).getValue()).toBe(3);
    // The remaining scores recompute, and the Pipeline's counts over the moved Passes column follow it.
    expect(rt.displayed('S1 Screening', 'A3:F3')).toEqual([['C-0001', 'Ada Lovelace', 4, 5, 4.5, true]]);
    expect(rt.displayed('Pipeline', 'G2:H2')).toEqual([[1, 1]]);
  });
});
