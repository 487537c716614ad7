/**
 * Revisions are visible, not a loophole (issue 10, item 2): an interviewer can submit a throwaway scorecard,
 * read the panel and submit again, but the first look at someone else's scores is recorded before it is shown,
 * and every later version of their scorecard says "revised after seeing the panel" in the panel and the debrief,
 * before and after the decision publishes the stage.
 */
import type { Runtime } from '../../runtime';
import { sidebarCall as run } from '../support/sidebar-call';
import {
  ALICE,
  BOB,
  MANAGER,
  STAGE,
  debriefText,
  screeningDecision,
  screeningScorecard,
  screeningWorkbook,
} from '../support/screening-panel';
import { RESERVED_BYTES, SEALED_PREFIX } from '../../src/core/scoring/sealed';
import { LOOKS_MAY_USE_BYTES } from '../../src/core/scoring/seen';
import { STORE_BYTES } from '../../src/core/utf8';

/** Each scorecard in the panel as `viewer` sees it: whose, which version, and how it came after the panel. */
function marks(rt: Runtime, viewer: string): [string, number, string | null][] {
  return run(rt, viewer, 'getPanel', STAGE).interviewers.map((c) => [c.email, c.version, c.afterPanel]);
}

const sealedKeys = (rt: Runtime) =>
  [...rt.properties.document.keys()].filter((k) => k.startsWith(SEALED_PREFIX));

test('a throwaway scorecard, a look at the panel, a new version: marked in the panel, the sidebar and the debrief', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 5));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 1));
  // Alice's first look at Bob's scores is recorded before the panel is shown: one sealed record, one call.
  rt.resetCounters();
  const first = run(rt, ALICE, 'getPanel', STAGE);
  expect(first.interviewers.map((c) => c.afterPanel)).toEqual([null, null]);
  expect(rt.counters.get('Properties.setProperties')).toBe(1);
  expect(sealedKeys(rt)).toContain(`${SEALED_PREFIX}seen:C-0001:screening:${ALICE}`);
  // Looking again records nothing more and takes no lock.
  rt.resetCounters();
  run(rt, ALICE, 'getPanel', STAGE);
  expect(rt.counters.get('Properties.setProperties') ?? 0).toBe(0);
  expect(rt.counters.get('Lock.tryLock') ?? 0).toBe(0);

  const revised = run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 5));
  expect(revised).toMatchObject({ version: 2, duplicate: false, afterPanel: 'revised' });
  expect(marks(rt, BOB)).toEqual([
    [BOB, 1, null],
    [ALICE, 2, 'revised'],
  ]);
  expect(marks(rt, MANAGER)).toEqual([
    [BOB, 1, null],
    [ALICE, 2, 'revised'],
  ]);
  // Her sidebar, opened again, says so about her own scorecard.
  expect(run(rt, ALICE, 'getScoringContext', STAGE).mine).toMatchObject({
    version: 2,
    afterPanel: 'revised',
  });

  const debrief = debriefText(rt, MANAGER);
  expect(debrief).toContain('version 2, revised after seeing the panel');
  // In the Submitted row, and named under the table (the template says everyone scored on their own).
  expect(debrief.match(/after seeing the panel/g)).toHaveLength(2);
  expect(debrief).toContain(`${ALICE}: version 2, revised after seeing the panel.`);
});

test('the record is published with the decision, signed, and a revision after the decision is still marked', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 4));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 2));
  run(rt, ALICE, 'getPanel', STAGE);
  run(rt, MANAGER, 'recordDecision', screeningDecision('decision-1', 3, { note: 'Discussed' }));
  expect(sealedKeys(rt)).toEqual([]);
  const seenRows = rt.inspect
    .values('Score log', 'A2:K60')
    .filter((r) => r[6] === 'panel-seen')
    .map((r) => [r[5], r[8], /^[0-9a-f]{64}$/.test(String(r[10]))]);
  // Alice saw Bob's scores at her version 1; the manager saw both when deciding, before any scorecard of theirs.
  expect(seenRows).toEqual([
    [ALICE, 1, true],
    [MANAGER, 0, true],
  ]);
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 4));
  expect(marks(rt, MANAGER)).toEqual([
    [BOB, 1, null],
    [ALICE, 2, 'revised'],
  ]);
  expect(run(rt, MANAGER, 'getPanel', STAGE).untrusted).toEqual([]);
});

test('a revision before seeing anyone else’s scores is not marked', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 2));
  // Nobody else has submitted: the panel shows her own scorecard only, and nothing is recorded.
  run(rt, ALICE, 'getPanel', STAGE);
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 3));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 4));
  expect(marks(rt, MANAGER)).toEqual([
    [ALICE, 2, null],
    [BOB, 1, null],
  ]);
});

test('a hiring manager who reads a debrief before scoring has their scorecard marked "submitted after seeing the panel"', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  debriefText(rt, MANAGER);
  const mine = run(rt, MANAGER, 'submitScorecard', screeningScorecard('sub-manager-1', 5));
  expect(mine).toMatchObject({ version: 1, afterPanel: 'submitted' });
  expect(marks(rt, ALICE)).toEqual([
    [ALICE, 1, null],
    [MANAGER, 1, 'submitted'],
  ]);
  expect(debriefText(rt, MANAGER)).toContain('version 1, submitted after seeing the panel');
});

test('a store too full to record the look refuses the panel in words and shows no one’s scores', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 5));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 1));
  // Full past what scorecards may use, and past the part of the reserve a look may use too.
  const used = [...rt.properties.document].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const free = STORE_BYTES - (RESERVED_BYTES - LOOKS_MAY_USE_BYTES) - used - 50;
  for (let i = 0; free - i * 8_000 > 0; i++)
    rt.properties.document.set(`other.${i}`, 'x'.repeat(Math.min(8_000, free - i * 8_000)));
  const before = new Map(rt.properties.document);
  expect(() => run(rt, ALICE, 'getPanel', STAGE)).toThrow(
    'Scorecard cannot show you the others’ scores yet: it records that you have seen them before it shows them',
  );
  expect(new Map(rt.properties.document)).toEqual(before);
});

/** Fills the document's store with other data up to `room` bytes short of what scorecards may use. */
function fillStore(rt: Runtime, room: number): void {
  const used = [...rt.properties.document].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const free = STORE_BYTES - RESERVED_BYTES - used - room;
  for (let i = 0; free - i * 8_000 > 0; i++)
    rt.properties.document.set(`other.${i}`, 'x'.repeat(Math.min(8_000, free - i * 8_000)));
}

const decide = (rt: Runtime, submissionId: string) =>
  run(rt, MANAGER, 'recordDecision', screeningDecision(submissionId, 4, { outcome: 'hold' }));

test('a store full of waiting scorecards still lets the hiring manager open the panel that decides them', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 5));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  fillStore(rt, 50);
  // No scorecard fits any more…
  expect(() => run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-2', 3))).toThrow(
    'private store is full',
  );
  // …but the manager's look is recorded (in the part of the reserve looks may use), and the panel shows.
  expect(marks(rt, MANAGER)).toEqual([
    [BOB, 1, null],
    [ALICE, 1, null],
  ]);
  expect(sealedKeys(rt)).toContain(`${SEALED_PREFIX}seen:C-0001:screening:${MANAGER}`);
  decide(rt, 'decision-1');
  expect(sealedKeys(rt)).toEqual([]);
});

test('a first look after the decision goes to the Score log, not the sealed store, and still marks a revision', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 5));
  decide(rt, 'decision-1');
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 2));
  const before = sealedKeys(rt);
  run(rt, ALICE, 'getPanel', STAGE);
  expect(sealedKeys(rt)).toEqual(before); // only her scorecard, waiting for the next decision
  const looks = rt.inspect
    .values('Score log', 'A2:K60')
    .filter((r) => r[6] === 'panel-seen')
    .map((r) => r[5]);
  expect(looks).toEqual([MANAGER, ALICE]);
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 5));
  expect(marks(rt, BOB)).toEqual([
    [BOB, 1, null],
    [ALICE, 2, 'revised'],
  ]);
});

test('a debrief shared with the panel records each reader’s look: a revision after reading it is marked', () => {
  const rt = screeningWorkbook();
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-1', 5));
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 1));
  // The manager makes the debrief; it is shared with Alice and Bob, who have submitted. Alice never opens the panel.
  debriefText(rt, MANAGER);
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 5));
  expect(marks(rt, MANAGER)).toEqual([
    [BOB, 1, null],
    [ALICE, 2, 'revised'],
  ]);
});

test('a hiring manager who also interviews opens on the Score tab until they have scored, and is told why', () => {
  const rt = screeningWorkbook();
  rt.setCells('Candidates', 'G2', [
    [MANAGER, `${ALICE}, ${MANAGER}`],
    [MANAGER, `${ALICE}, ${BOB}`],
  ]);
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  expect(run(rt, MANAGER, 'getScoringContext', STAGE)).toMatchObject({
    isHiringManager: true,
    canSeePanel: true,
    opensOnPanel: false,
  });
  run(rt, MANAGER, 'submitScorecard', screeningScorecard('sub-manager-1', 4));
  expect(run(rt, MANAGER, 'getScoringContext', STAGE).opensOnPanel).toBe(true);
  // A manager who does not interview the candidate comes to decide: the Panel.
  expect(
    run(rt, MANAGER, 'getScoringContext', { candidateId: 'C-0002', stageId: 'screening' }),
  ).toMatchObject({
    isHiringManager: true,
    opensOnPanel: true,
  });
});
