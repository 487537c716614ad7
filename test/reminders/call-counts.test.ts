/**
 * A reminder run reads each table once and makes the same number of sheet calls for 10 or 1,000 candidates;
 * its mail calls are one quota look-up and one email per person with something due.
 */
import { type Runtime, cellA1 } from '../../runtime';
import { defaultWorkbookWithCandidates } from '../../scripts/workbooks';
import { LA, column, la, submit } from './support';

const INTERVIEWERS = ['i0', 'i1', 'i2', 'i3', 'i4'].map((n) => `${n}@example.com`);
const MANAGER = 'hm@example.com';

/** n candidates, each interviewed two days ago by two of five interviewers; the first one submitted for C-0001. */
export function busyWorkbook(n: number): Runtime {
  const rt = defaultWorkbookWithCandidates(n, { timeZone: LA, now: la('2026-12-03 09:00') });
  const rows = Array.from({ length: n }, (_, i) => [
    MANAGER,
    `${INTERVIEWERS[i % 5]}, ${INTERVIEWERS[(i + 1) % 5]}`,
  ]);
  rt.setCells('Candidates', cellA1(2, column(rt, 'Hiring manager')), rows);
  const when = Array.from({ length: n }, (_, i) => [la(`2026-12-0${1 + (i % 2)} 10:00`)]);
  rt.setCells('Candidates', cellA1(2, column(rt, 'Screening scheduled')), when);
  submit(rt, INTERVIEWERS[0], 'C-0001', 'count-sub-0001');
  return rt;
}

function run(n: number, days = 1) {
  const rt = busyWorkbook(n);
  for (let day = 1; day < days; day++) {
    rt.as(MANAGER).call('sendRemindersNow');
    rt.advance(24 * 3600_000);
  }
  rt.mail.setQuota(1_500);
  const before = rt.mail.sent().length;
  rt.resetCounters();
  rt.as(MANAGER).call('sendRemindersNow');
  return {
    reads: rt.sheetReads(),
    writes: rt.sheetWrites(),
    sendEmail: rt.counters.get('MailApp.sendEmail'),
    quota: rt.counters.get('MailApp.getRemainingDailyQuota'),
    digests: rt.mail.sent().length - before,
  };
}

describe('a reminder run costs the same sheet calls at any size', () => {
  let small: ReturnType<typeof run>;
  let large: ReturnType<typeof run>;
  beforeAll(() => {
    small = run(10);
    large = run(1_000);
  });

  it('sheet reads and writes do not grow with the number of candidates', () => {
    expect(large.reads).toBe(small.reads);
    expect(large.writes).toBe(small.writes);
    // The first run also creates the Reminders sheet (its header, widths and formats).
    expect(small.reads).toBeLessThanOrEqual(12);
    expect(small.writes).toBeLessThanOrEqual(12);
  });

  it('a later run: one read per table and the log appended in one write', () => {
    const [later10, later1000] = [run(10, 2), run(1_000, 2)];
    expect(later1000.reads).toBe(later10.reads);
    expect(later1000.writes).toBe(later10.writes);
    expect(later10.writes).toBeLessThanOrEqual(2);
    expect(later10.sendEmail).toBe(6);
  });

  it('mail calls: one quota look-up and one email per person due (five interviewers and the manager)', () => {
    for (const counts of [small, large]) {
      expect(counts.quota).toBe(1);
      expect(counts.digests).toBe(6);
      expect(counts.sendEmail).toBe(6);
    }
  });
});
