/**
 * One pass status: the panel (sidebar), the stage sheet, the Candidates sheet and the Pipeline say the same for a
 * candidate's stage after scorecards are submitted, after the decision, and after someone edits the stage
 * sheet's key-risk row by hand (key risk comes from the applied rubric only).
 */
import { lastAlert } from '../../scripts/workbooks';
import type { Runtime } from '../../runtime';
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

/** A cell found by its header in row `headerRow`, on the row whose first-column value (or `key`) matches. */
function byHeader(rt: Runtime, sheet: string, headerRow: number, header: string, row: number): unknown {
  const width = rt.inspect.sheet(sheet)!.maxColumns;
  const headers = rt.inspect.values(sheet, { row: headerRow, col: 1, numRows: 1, numCols: width })[0];
  const col = headers.indexOf(header);
  expect(col).toBeGreaterThanOrEqual(0);
  return rt.inspect.values(sheet, { row, col: col + 1, numRows: 1, numCols: 1 })[0][0];
}

const asStatus = (passes: unknown) => (passes === true ? 'pass' : passes === false ? 'fail' : 'pending');

/** Everything that states the pass status of Ada's screening, as each place shows it. */
function everywhere(rt: Runtime) {
  const panel = run(rt, MANAGER, 'getPanel', STAGE).pass;
  return {
    panel: panel.status,
    panelSummary: panel.summary,
    sheet: asStatus(byHeader(rt, 'S1 Screening', 2, 'Passes', 3)),
    sheetReason: byHeader(rt, 'S1 Screening', 2, 'Reason', 3),
    held: byHeader(rt, 'S1 Screening', 2, 'Scores held', 3),
    candidates: asStatus(byHeader(rt, 'Candidates', 1, 'Screening result', 2)),
    pipelineScored: byHeader(rt, 'Pipeline', 1, 'Scored', 2),
  };
}

test('the panel’s pass status equals the sheet’s after a submit, a decision and a hand edit of the key-risk row', () => {
  const rt = screeningWorkbook();

  // Submitted, not decided: pending everywhere, and the sheet says why.
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', [3, 5, 5]));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-01', [3, 5, 5]));
  let seen = everywhere(rt);
  expect(seen).toMatchObject({
    panel: 'pending',
    sheet: 'pending',
    candidates: 'pending',
    pipelineScored: 0,
    sheetReason: '2 scorecards waiting for a decision',
    held: '2 scorecards waiting for a decision',
  });
  expect(seen.panelSummary).toMatch(
    /^2 scorecards waiting for a decision\. On the mean of the scorecards: Fails/,
  );

  // Decided: the reconciled scores count, in the same words on the sheet and in the panel.
  run(
    rt,
    MANAGER,
    'recordDecision',
    screeningDecision('decision-1', [3, 5, 5], { outcome: 'hold', note: 'Talk again about clarity' }),
  );
  seen = everywhere(rt);
  expect(seen).toMatchObject({
    panel: 'fail',
    sheet: 'fail',
    candidates: 'fail',
    pipelineScored: 1,
    held: 'Reconciled scores from the decision',
  });
  expect(seen.sheetReason).toBe('Fails: key-risk Communication clarity scored 3.0, below 4.0');
  expect(seen.panelSummary).toBe(seen.sheetReason);

  // Someone unticks the key-risk box by hand: nothing changes its mind, and set-up puts the box back.
  rt.setCells('S1 Screening', 'C1', [[false]]);
  expect(everywhere(rt)).toEqual(seen);
  rt.call('setUpWorkbook');
  expect(lastAlert(rt).message).toContain('Reset the key-risk row on "S1 Screening"');
  expect(rt.displayed('S1 Screening', 'C1')).toBe(true);
  expect(everywhere(rt)).toEqual(seen);
});
