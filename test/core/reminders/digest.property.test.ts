/**
 * Properties of the digest plan over random workbooks: every owed scorecard appears in exactly one digest, no one
 * who submitted is reminded, nobody gets an empty digest or two digests, and everything is most overdue first.
 */
import fc from 'fast-check';
import { sameEmail } from '../../../src/core/people';
import { planDigests, type DigestInput } from '../../../src/core/reminders/digest';
import type { ReminderCandidate } from '../../../src/core/reminders/digest';
import { LA, TOKYO, process, progress } from './builders';

const NOW = new Date('2026-12-03T17:00:00Z');
const DAY = 86_400_000;
const PEOPLE = ['ann@example.com', 'bob@example.com', 'carl@example.com', 'dee@example.com'];
const STATUSES = ['Active', 'On hold', 'Offer', 'Hired', 'Rejected', 'Withdrawn', ''];
const STAGES = process.stages.map((s) => s.id);

/** An address as someone might type it: any case, stray spaces. */
const spelling = fc
  .tuple(fc.constantFrom(...PEOPLE), fc.boolean(), fc.boolean())
  .map(([email, upper, padded]) => {
    const cased = upper ? email.toUpperCase() : email;
    return padded ? ` ${cased} ` : cased;
  });
const panelEntry = fc.oneof(
  { weight: 5, arbitrary: spelling },
  { weight: 1, arbitrary: fc.constantFrom('Bob', 'tbd') },
);

const workbook = fc
  .array(
    fc.record({
      stageIndex: fc.nat({ max: STAGES.length - 1 }),
      status: fc.constantFrom(...STATUSES),
      hiringManager: fc.oneof(spelling, fc.constant('')),
      panel: fc.array(panelEntry, { maxLength: 4 }),
      // Days relative to now, per stage (absent = not scheduled); some in the future.
      schedule: fc.array(fc.option(fc.double({ min: -20, max: 5, noNaN: true }), { nil: undefined }), {
        minLength: STAGES.length,
        maxLength: STAGES.length,
      }),
      submitted: fc.array(fc.tuple(fc.nat({ max: STAGES.length - 1 }), spelling), { maxLength: 5 }),
      decided: fc.array(fc.nat({ max: STAGES.length - 1 }), { maxLength: 2 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) => {
    const candidates: ReminderCandidate[] = rows.map((row, i) => {
      const schedule: Record<string, Date> = {};
      row.schedule.forEach((days, s) => {
        if (days !== undefined) schedule[STAGES[s]] = new Date(NOW.getTime() + days * DAY);
      });
      return {
        id: `C-${String(i + 1).padStart(4, '0')}`,
        name: `Candidate ${i + 1}`,
        stageName: process.stages[row.stageIndex].name,
        stageId: STAGES[row.stageIndex],
        status: row.status,
        hiringManager: row.hiringManager,
        panel: row.panel,
        inStageSince: null,
        schedule,
      };
    });
    const submitted = rows.flatMap((row, i) =>
      row.submitted.map(([s, email]): [string, string, string] => [candidates[i].id, STAGES[s], email]),
    );
    const decided = rows.flatMap((row, i) =>
      row.decided.map((s): [string, string] => [candidates[i].id, STAGES[s]]),
    );
    return { candidates, progress: progress(submitted, decided) };
  });

function plan(w: { candidates: ReminderCandidate[]; progress: DigestInput['progress'] }, timeZone: string) {
  return planDigests({
    process,
    candidates: w.candidates,
    progress: w.progress,
    stageServiceLevels: {},
    now: NOW,
    timeZone,
  });
}

/** The rule stated directly: who owes a scorecard for which candidate and stage. */
function owed(w: { candidates: ReminderCandidate[]; progress: DigestInput['progress'] }) {
  const result: { email: string; candidateId: string; stageId: string }[] = [];
  for (const c of w.candidates) {
    if (['hired', 'rejected', 'withdrawn'].includes(c.status.toLowerCase())) continue;
    const current = STAGES.indexOf(c.stageId as string);
    for (const [stageId, at] of Object.entries(c.schedule)) {
      if (at > NOW || STAGES.indexOf(stageId) < current) continue;
      if (w.progress.decided.some((d) => d.candidateId === c.id && d.stageId === stageId)) continue;
      const people = PEOPLE.filter((p) => c.panel.some((entry) => sameEmail(entry, p)));
      for (const email of people) {
        const done = w.progress.submitted.some(
          (s) => s.candidateId === c.id && s.stageId === stageId && sameEmail(s.email, email),
        );
        if (!done) result.push({ email, candidateId: c.id, stageId });
      }
    }
  }
  return result;
}

describe('the digest plan over random workbooks', () => {
  it('puts every owed scorecard in exactly one digest, the owner’s, and nothing else', () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom(LA, TOKYO), (w, zone) => {
        const { digests } = plan(w, zone);
        const listed = digests.flatMap((d) =>
          d.scorecards.map((s) => ({
            email: d.email.trim().toLowerCase(),
            candidateId: s.candidateId,
            stageId: s.stageId,
          })),
        );
        const key = (o: { email: string; candidateId: string; stageId: string }) =>
          `${o.email}|${o.candidateId}|${o.stageId}`;
        expect(listed.map(key).sort()).toEqual(owed(w).map(key).sort());
      }),
    );
  });

  it('never reminds anyone of a scorecard they submitted', () => {
    fc.assert(
      fc.property(workbook, (w) => {
        for (const d of plan(w, LA).digests) {
          for (const s of d.scorecards) {
            const submitted = w.progress.submitted.some(
              (x) =>
                x.candidateId === s.candidateId && x.stageId === s.stageId && sameEmail(x.email, d.email),
            );
            expect(submitted).toBe(false);
          }
        }
      }),
    );
  });

  it('gives each person at most one digest, never an empty one, most overdue first throughout', () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const { digests } = plan(w, LA);
        digests.forEach((d, i) => {
          expect(d.itemCount).toBeGreaterThan(0);
          expect(d.itemCount).toBe(d.scorecards.length + d.decisions.length + d.overdue.length);
          expect(digests.slice(i + 1).some((other) => sameEmail(other.email, d.email))).toBe(false);
          for (const list of [d.scorecards, d.decisions, d.overdue]) {
            for (let j = 1; j < list.length; j++) {
              expect(list[j - 1].overdueMs).toBeGreaterThanOrEqual(list[j].overdueMs);
            }
          }
          if (i > 0) expect(digests[i - 1].mostOverdueMs).toBeGreaterThanOrEqual(d.mostOverdueMs);
        });
      }),
    );
  });

  it('never writes to a closed candidate’s people, nor about an interview still to come', () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const byId = new Map(w.candidates.map((c) => [c.id, c]));
        for (const d of plan(w, LA).digests) {
          for (const item of [...d.scorecards, ...d.decisions]) {
            const c = byId.get(item.candidateId) as ReminderCandidate;
            expect(['hired', 'rejected', 'withdrawn']).not.toContain(c.status.toLowerCase());
            const at = c.schedule[item.stageId];
            if (at) expect(at.getTime()).toBeLessThanOrEqual(NOW.getTime());
          }
        }
      }),
    );
  });
});
