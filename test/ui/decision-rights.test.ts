/**
 * Decision rights a cell edit cannot take: the hiring manager and panel are fixed at the stage's first scorecard;
 * an editor who types their own email into the Hiring manager cell gains nothing until the hiring manager in
 * force (or the spreadsheet's owner) confirms it; every decision and veto records under whom it was made.
 */
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

const OWNER = 'owner@example.com';

function publishedRows(rt: Runtime): unknown[][] {
  return rt.inspect.values('Score log', 'A2:J60').filter((r) => r[0] !== '');
}

test('typing yourself in as hiring manager takes no rights until the hiring manager in force confirms it', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  // Bob, an editor on the panel who has not submitted, makes himself hiring manager in the cell.
  rt.setCells('Candidates', 'G2', [[BOB]]);
  expect(() => run(rt, BOB, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');
  expect(() => run(rt, BOB, 'recordDecision', screeningDecision('decision-bob-1', 4))).toThrow(
    `Only the hiring manager (${MANAGER}) can record the decision`,
  );
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  const bobSees = run(rt, BOB, 'getPanel', STAGE);
  expect(bobSees).toMatchObject({ canDecide: false, rights: { hiringManager: MANAGER, canConfirm: false } });
  expect(bobSees.rights.change).toBe(
    `The candidate's row now names ${BOB} as hiring manager (panel: ${ALICE}, ${BOB}). Decision rights stay with ${MANAGER} (panel: ${ALICE}, ${BOB}) until ${MANAGER} or the spreadsheet's owner confirms the change here.`,
  );
  expect(() => run(rt, BOB, 'confirmHiringManager', { submissionId: 'confirm-bob-1', ...STAGE })).toThrow(
    `Only ${MANAGER} or the spreadsheet's owner can confirm`,
  );

  // The hiring manager in force sees the change and confirms it: now Bob decides, and the log says under whom.
  const managerSees = run(rt, MANAGER, 'getPanel', STAGE);
  expect(managerSees).toMatchObject({ canDecide: true, rights: { canConfirm: true } });
  const confirmed = run(rt, MANAGER, 'confirmHiringManager', { submissionId: 'confirm-mgr-1', ...STAGE });
  expect(confirmed).toEqual({ hiringManager: BOB, panel: [ALICE, BOB], change: null, canConfirm: false });
  // The previous hiring manager, who never scored, now waits like any interviewer; Bob decides.
  expect(() => run(rt, MANAGER, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');
  expect(run(rt, BOB, 'getPanel', STAGE).canDecide).toBe(true);
  expect(publishedRows(rt).map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
    ['confirm-mgr-1', MANAGER, 'rights', BOB],
  ]);
  run(rt, BOB, 'recordDecision', screeningDecision('decision-bob-2', 4));
  const decided = publishedRows(rt).filter((r) => r[1] === 'decision-bob-2');
  expect(decided.map((r) => [r[5], r[6], r[7]])).toEqual([
    [BOB, 'reconciled', 'communication-clarity'],
    [BOB, 'reconciled', 'motivation-fit'],
    [BOB, 'reconciled', 'basic-role-fit'],
    [BOB, 'decision', ''],
    [BOB, 'rights', BOB],
  ]);
});

test('the rights are fixed by the first scorecard, and the spreadsheet owner may confirm a change too', () => {
  const rt = screeningWorkbook({ owner: OWNER });
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  rt.setCells('Candidates', 'G2', [['carol@example.com']]);
  expect(() =>
    run(rt, 'carol@example.com', 'recordDecision', screeningDecision('decision-carol', 4)),
  ).toThrow(`Only the hiring manager (${MANAGER})`);
  // The owner has not scored, so the panel stays closed to them; the change shows where they can act on it.
  expect(() => run(rt, OWNER, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');
  rt.select('Candidates', 'B2');
  expect(run(rt, OWNER, 'getScoringContext', {}).rights).toMatchObject({
    hiringManager: MANAGER,
    canConfirm: true,
  });
  run(rt, OWNER, 'confirmHiringManager', { submissionId: 'confirm-owner', ...STAGE });
  run(rt, 'carol@example.com', 'recordDecision', screeningDecision('decision-carol', 4));
  expect(run(rt, 'carol@example.com', 'getPanel', STAGE).decision).toMatchObject({
    decidedBy: 'carol@example.com',
  });
});

test('a veto records the hiring manager it was made under', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  run(rt, BOB, 'recordVeto', { submissionId: 'veto-0001', ...STAGE, reason: 'Dismissive' });
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-0001', 4, { outcome: 'hold' }));
  const veto = publishedRows(rt).filter((r) => r[1] === 'veto-0001');
  expect(veto.map((r) => [r[5], r[6], r[7]])).toEqual([
    [BOB, 'veto', 'culture-fit'],
    [BOB, 'rights', MANAGER],
  ]);
});
