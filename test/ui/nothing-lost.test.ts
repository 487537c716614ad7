/**
 * Nothing lost: every step of sealing and publishing is interrupted once — the lock held by another execution,
 * the store full, the script stopped in the middle of a write — and every scorecard that was accepted is still
 * there exactly once: sealed, or published, never both as far as anyone reading can tell, and never neither.
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
import { SEALED_PREFIX, readSealed } from '../../src/core/scoring/sealed';

const STOPPED = 'Exceeded maximum execution time';

const decision = screeningDecision('decision-1', 4);

/** Submission IDs of the scorecards in the sealed store and on the Score log sheet. */
function where(rt: Runtime): { sealed: string[]; published: string[] } {
  const sealed = readSealed(Object.fromEntries(rt.properties.document)).map((s) => s.rows[0].submissionId);
  const rows = rt.inspect.values('Score log', 'A2:J80').filter((r) => r[6] === 'recommendation');
  return { sealed: sealed.sort(), published: rows.map((r) => String(r[1])).sort() };
}

/** What the hiring manager's panel counts: each interviewer's scorecard once. */
function panelCards(rt: Runtime): string[] {
  return run(rt, MANAGER, 'getPanel', STAGE).interviewers.map((i) => i.email);
}

/** Document properties whose writes and deletes can be made to stop the script, as a timeout does. */
function stoppable(rt: Runtime, stop: { set?: boolean; delete?: boolean }) {
  const real = rt.properties;
  return {
    getDocumentProperties() {
      const store = real.getDocumentProperties();
      return new Proxy(store, {
        get(target, name, receiver) {
          if (name === 'setProperties' && stop.set)
            return () => {
              throw rt.scriptError(STOPPED);
            };
          if (name === 'deleteProperty' && stop.delete)
            return () => {
              throw rt.scriptError(STOPPED);
            };
          const value = Reflect.get(target, name, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    getScriptProperties: () => real.getScriptProperties(),
    getUserProperties: () => real.getUserProperties(),
  };
}

test('a lock held by another execution: refused, nothing half-written; the retry seals it once', () => {
  const rt = screeningWorkbook();
  rt.locks.hold('document');
  expect(() => run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4))).toThrow(
    'Try again in a moment',
  );
  expect(where(rt)).toEqual({ sealed: [], published: [] });
  rt.locks.release('document');
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  // The sidebar's retry of the same submission:
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  expect(where(rt)).toEqual({ sealed: ['sub-alice-1'], published: [] });
  // The decision meets a held lock: nothing moves; the next try publishes both scorecards once.
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  rt.locks.hold('document');
  expect(() => run(rt, MANAGER, 'recordDecision', decision)).toThrow('Try again in a moment');
  expect(where(rt)).toEqual({ sealed: ['sub-alice-1', 'sub-bob-001'], published: [] });
  rt.locks.release('document');
  run(rt, MANAGER, 'recordDecision', decision);
  expect(where(rt)).toEqual({ sealed: [], published: ['sub-alice-1', 'sub-bob-001'] });
});

test('a full store: the scorecard is refused in words and nothing is lost; earlier ones stay sealed', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  for (let i = 0; i < 60; i++) rt.properties.document.set(`other.${i}`, 'x'.repeat(7_500));
  expect(() => run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4))).toThrow(
    'private store is full',
  );
  expect(where(rt)).toEqual({ sealed: ['sub-alice-1'], published: [] });
  for (let i = 0; i < 60; i++) rt.properties.document.delete(`other.${i}`);
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  expect(panelCards(rt)).toEqual([ALICE, BOB]);
});

test('the script stopped while sealing: nothing recorded, the retry seals once', () => {
  const rt = screeningWorkbook();
  rt.replaceGlobal('PropertiesService', stoppable(rt, { set: true }));
  expect(() => run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4))).toThrow();
  rt.replaceGlobal('PropertiesService', rt.properties);
  expect(where(rt)).toEqual({ sealed: [], published: [] });
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  expect(where(rt)).toEqual({ sealed: ['sub-alice-1'], published: [] });
});

test('the script stopped between publishing and clearing the store: counted once, cleared by the next write', () => {
  const rt = screeningWorkbook();
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-1', 4));
  run(rt, BOB, 'submitScorecard', screeningScorecard('sub-bob-001', 4));
  rt.replaceGlobal('PropertiesService', stoppable(rt, { delete: true }));
  expect(() => run(rt, MANAGER, 'recordDecision', decision)).toThrow();
  rt.replaceGlobal('PropertiesService', rt.properties);
  // The Score log has them and so, still, does the store: every reader counts each once.
  expect(where(rt)).toEqual({
    sealed: ['sub-alice-1', 'sub-bob-001'],
    published: ['sub-alice-1', 'sub-bob-001'],
  });
  expect(panelCards(rt)).toEqual([ALICE, BOB]);
  // The sheets were written before the record, so the candidate has moved on and the retry changes nothing.
  expect(rt.displayed('Candidates', 'E2')).toBe('Main interview');
  expect(rt.displayed('S1 Screening', 'C3:E3')).toEqual([[4, 4, 4]]);
  expect(run(rt, MANAGER, 'recordDecision', decision).decision).toMatchObject({ outcome: 'advance' });
  expect(rt.displayed('Candidates', 'E2')).toBe('Main interview');
  // A later write under the lock clears the stale copies; nothing is published twice.
  // (A revision: the same content again would be the same submission and write nothing.)
  run(rt, ALICE, 'submitScorecard', screeningScorecard('sub-alice-2', 4, { overallNote: 'A second look' }));
  expect(where(rt)).toEqual({ sealed: ['sub-alice-2'], published: ['sub-alice-1', 'sub-bob-001'] });
  expect([...rt.properties.document.keys()].filter((k) => k.startsWith(SEALED_PREFIX))).toEqual([
    `${SEALED_PREFIX}sub-alice-2`,
  ]);
  expect(panelCards(rt)).toEqual([ALICE, BOB]);
});
