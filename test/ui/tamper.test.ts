/**
 * A tamper-evident record: every Score log row and every sealed submission carries an HMAC under a key in the
 * document's properties. A row edited, added or copied by hand, a forged rights row, a sealed record changed
 * outside Scorecard: each is named in words in the panel and the debrief, and counted in no decision, panel
 * score or pass status.
 */
import type { Runtime } from '../../runtime';
import { sidebarCall as run } from '../support/sidebar-call';
import {
  ALICE,
  BOB,
  CATEGORIES,
  MANAGER,
  STAGE,
  debriefText,
  screeningDecision,
  screeningScorecard,
  screeningWorkbook,
} from '../support/screening-panel';

function logRows(rt: Runtime): unknown[][] {
  return rt.inspect.values('Score log', 'A1:K80').filter((r) => r[0] !== '');
}

/** The 1-based row of the Score log whose cells match. */
function rowOf(rt: Runtime, match: (r: unknown[]) => boolean): number {
  const index = rt.inspect.values('Score log', 'A1:K80').findIndex(match);
  expect(index).toBeGreaterThan(0);
  return index + 1;
}

test('every row Scorecard writes is signed; the key is in document properties, in no cell', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 4));
  const [header, ...rows] = logRows(rt);
  expect(header[10]).toBe('Signature');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(String(row[10])).toMatch(/^[0-9a-f]{64}$/);
  const key = rt.execute(({ PropertiesService }) =>
    PropertiesService.getDocumentProperties().getProperty('scorecard.signingKey'),
  );
  expect(key).toMatch(/^[0-9a-f-]{72}$/);
  const everyCell = rt.spreadsheet.getSheets().flatMap((s) => s.getDataRange().getDisplayValues().flat());
  expect(everyCell.some((v) => v.includes(key!))).toBe(false);
  expect(run(rt, MANAGER, 'getPanel', STAGE).untrusted).toEqual([]);
});

test('a score edited by hand in the Score log is named in the panel and the debrief and not counted', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 2));
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 3));
  // An editor unhides the log and raises Bob's communication score from 2 to 5.
  const row = rowOf(rt, (r) => r[1] === 'sub-bob-001' && r[7] === 'communication-clarity');
  rt.setCells('Score log', `I${row}`, [[5]]);
  const message = `Row ${row} of the Score log was changed or added by hand and is not counted.`;
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.untrusted).toEqual([message]);
  const clarity = panel.categories.find((c) => c.id === 'communication-clarity')!;
  const bob = panel.interviewers.findIndex((i) => i.email === BOB);
  expect(clarity.scores[bob]).toBeNull(); // neither the 5 typed in nor anything else
  expect(panel.interviewers[bob].scores['communication-clarity']).toBeUndefined();
  expect(debriefText(rt, MANAGER)).toContain(message);
});

test('a decision edited by hand does not stand: the panel shows no reject and says which row', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 4));
  const row = rowOf(rt, (r) => r[6] === 'decision');
  rt.setCells('Score log', `J${row}`, [['reject: not for us']]);
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.decision).toBeNull();
  expect(panel.untrusted).toEqual([
    `Row ${row} of the Score log was changed or added by hand and is not counted.`,
  ]);
});

test('rows added by hand (a forged scorecard) do not open the panel, count in no score, and are named', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  // Bob has not submitted. He types a scorecard of his own into the log, copying the format of a real one.
  const forged = [
    ...CATEGORIES.map((c) => [
      '2026-11-02T10:00:00.000Z',
      'sub-forged-1',
      1,
      'C-0001',
      'screening',
      BOB,
      'score',
      c,
      1,
      '',
    ]),
    [
      '2026-11-02T10:00:00.000Z',
      'sub-forged-1',
      1,
      'C-0001',
      'screening',
      BOB,
      'recommendation',
      '',
      '',
      'strong-no',
    ],
  ];
  rt.setCells('Score log', 'A2', forged);
  expect(() => run(rt, BOB, 'getPanel', STAGE)).toThrow('Submit your own scorecard first');
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.interviewers.map((i) => i.email)).toEqual([ALICE]);
  expect(panel.categories.map((c) => c.panelScore)).toEqual([4, 4, 4]);
  expect(panel.untrusted).toEqual(
    [2, 3, 4, 5].map((n) => `Row ${n} of the Score log was changed or added by hand and is not counted.`),
  );
  expect(panel.pass.summary).not.toContain('1.0');
  const text = debriefText(rt, MANAGER);
  expect(text).toContain('Row 5 of the Score log was changed or added by hand and is not counted.');
  expect(text).not.toContain('strong-no');
});

test('a rights row added by hand hands no decision rights over, and is named', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  // Bob writes a rights row naming himself hiring manager, as a confirmation would.
  rt.setCells('Score log', 'A2', [
    [
      '2026-11-03T10:00:00.000Z',
      'confirm-forged',
      1,
      'C-0001',
      'screening',
      MANAGER,
      'rights',
      BOB,
      '',
      `${ALICE}, ${BOB}`,
    ],
  ]);
  rt.setCells('Candidates', 'G2', [[BOB]]);
  expect(() => run(rt, BOB, 'recordDecision', screeningDecision('decision-bob', 5))).toThrow(
    `Only the hiring manager (${MANAGER}) can record the decision`,
  );
  const panel = run(rt, BOB, 'getPanel', STAGE);
  expect(panel).toMatchObject({ canDecide: false, rights: { hiringManager: MANAGER } });
  expect(panel.untrusted).toEqual([
    'Row 2 of the Score log was changed or added by hand and is not counted.',
  ]);
});

test('a signed row copied to another row counts once and the copy is named', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 4));
  const rows = logRows(rt);
  const original = rowOf(rt, (r) => r[6] === 'veto' || r[6] === 'decision');
  const copyAt = rows.length + 1;
  rt.setCells('Score log', `A${copyAt}`, [rows[original - 1]]);
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.untrusted).toEqual([
    `Row ${copyAt} of the Score log is a copy of row ${original} and is not counted.`,
  ]);
  expect(panel.decision?.outcome).toBe('advance');
});

test('a sealed scorecard changed outside Scorecard (an editor of a bound script) is named and not counted', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 2));
  rt.execute(({ PropertiesService }) => {
    const store = PropertiesService.getDocumentProperties();
    const value = store.getProperty('sealed.sub-bob-001')!;
    store.setProperty('sealed.sub-bob-001', value.replace(/,2,/g, ',5,'));
  });
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.interviewers.map((i) => i.email)).toEqual([ALICE]);
  expect(panel.untrusted).toEqual([
    `A sealed record said to be from ${BOB} was changed outside Scorecard and is not counted.`,
  ]);
  expect(debriefText(rt, MANAGER)).toContain('was changed outside Scorecard and is not counted');
});

test('checking the record costs one HMAC while it is as Scorecard wrote it, one per row only once it is not', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 3));
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 4));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 5));
  const hmacs = () => rt.counters.get('Utilities.computeHmacSha256Signature');
  rt.resetCounters();
  run(rt, MANAGER, 'getPanel', STAGE);
  expect(hmacs()).toBe(1);
  const rows = logRows(rt).length - 1;
  rt.setCells('Score log', 'I2', [[1]]);
  rt.resetCounters();
  run(rt, MANAGER, 'getPanel', STAGE);
  // The digest, then each log row and the one sealed scorecard.
  expect(hmacs()).toBe(1 + rows + 1);
});

test('set-up adds the Signature column to a workbook made before it and signs what that workbook holds', () => {
  const rt = screeningWorkbook();
  // A workbook from before signing: no key, no Signature header, a published scorecard without signatures.
  rt.execute(({ PropertiesService }) => {
    const store = PropertiesService.getDocumentProperties();
    store.deleteProperty('scorecard.signingKey');
    store.deleteProperty('scorecard.recordsDigest');
  });
  rt.setCells('Score log', 'K1', [['']]);
  rt.setCells('Score log', 'A2', [
    ...CATEGORIES.map((c) => [
      '2026-11-02T10:00:00.000Z',
      'sub-old-0001',
      1,
      'C-0001',
      'screening',
      ALICE,
      'score',
      c,
      4,
      '',
    ]),
    [
      '2026-11-02T10:00:00.000Z',
      'sub-old-0001',
      1,
      'C-0001',
      'screening',
      ALICE,
      'recommendation',
      '',
      '',
      'yes',
    ],
  ]);
  expect(() => run(rt, MANAGER, 'getPanel', STAGE)).toThrow('Run Set up workbook to repair them');
  rt.setActiveUser(MANAGER);
  const report = rt.call('setUpWorkbook') as unknown;
  expect(JSON.stringify(report ?? rt.ui.alerts.at(-1))).toContain('Signed the 4 Score log row(s)');
  expect(logRows(rt)[0][10]).toBe('Signature');
  const panel = run(rt, MANAGER, 'getPanel', STAGE);
  expect(panel.untrusted).toEqual([]);
  expect(panel.interviewers.map((i) => i.email)).toEqual([ALICE]);
});
