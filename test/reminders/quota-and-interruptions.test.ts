/**
 * The daily recipient quota and interrupted runs: what fits is sent most overdue first and the rest is written on
 * the Reminders sheet; a run stopped by the 6-minute limit or a mail failure never sends a digest twice, and a
 * re-run continues with the ones not sent.
 */
import { DEFAULT_LATENCY } from '../../runtime';
import { ANN, BOB, CY, MIA, reminderLog, scheduledWorkbook } from './support';

function recipients(rt: ReturnType<typeof scheduledWorkbook>): string[] {
  return rt.mail.sent().map((m) => m.to.join(','));
}

describe('the daily quota', () => {
  it('sends what fits, most overdue first, and lists the rest where the owner sees them', () => {
    const rt = scheduledWorkbook();
    rt.mail.setQuota(2, MIA);
    rt.as(MIA).call('sendRemindersNow');
    // Bob's (Ada, due 12-02 10:00) and Mia's decision on Ada are the most overdue; Grace's were due at 15:30.
    expect(recipients(rt).sort()).toEqual([BOB, MIA].sort());
    const notSent = reminderLog(rt).filter((r) => r[3] === 'Not sent');
    expect(notSent.map((r) => r[1]).sort()).toEqual([ANN, CY].sort());
    expect(notSent[0][4]).toMatch(
      /^Not sent to .+: today's email quota ran out \(1 item, most overdue item .+ late\)\. The next run sends it\.$/,
    );
    expect(rt.ui.alerts.at(-1)?.message).toContain('2 digests could not be sent; see the Reminders sheet.');
    // Tomorrow, with a larger quota (a Workspace account's 1,500), everyone gets what is still due.
    rt.mail.setQuota(1_500, MIA);
    rt.setNow(new Date(rt.now().getTime() + 24 * 3600_000));
    rt.as(MIA).call('sendRemindersNow');
    expect(recipients(rt).slice(2).sort()).toEqual([ANN, BOB, CY, MIA].sort());
  });
});

describe('interrupted runs', () => {
  it('a mail failure part-way: that digest is not marked sent, the others go, and a re-run sends only it', () => {
    const rt = scheduledWorkbook();
    rt.mail.failNext('Service unavailable: Gmail');
    rt.as(MIA).call('sendRemindersNow');
    expect(recipients(rt)).toHaveLength(3);
    const failed = reminderLog(rt).find((r) => r[3] === 'Not sent')!;
    expect(failed[4]).toBe(
      'The email could not be sent (Service unavailable: Gmail); the next run tries again.',
    );
    rt.as(MIA).call('sendRemindersNow');
    expect(recipients(rt)).toHaveLength(4);
    expect(recipients(rt)[3]).toBe(failed[1]);
    expect(new Set(recipients(rt)).size).toBe(4);
  });

  it('a slow mail service: the run stops before the 6-minute limit and a re-run continues', () => {
    const rt = scheduledWorkbook();
    rt.setLatency({ ...DEFAULT_LATENCY, 'MailApp.sendEmail': 100_000 });
    rt.as(MIA).call('sendRemindersNow');
    const first = recipients(rt);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(4);
    expect(reminderLog(rt).filter((r) => r[3] === 'Not sent')[0][4]).toContain(
      'The run stopped before its time ran out',
    );
    rt.setLatency(DEFAULT_LATENCY);
    rt.as(MIA).call('sendRemindersNow');
    expect(recipients(rt).sort()).toEqual([ANN, BOB, CY, MIA].sort());
  });

  it('a run killed at the 6-minute limit while sending never sends that digest twice', () => {
    const rt = scheduledWorkbook();
    // The second email's call crosses the limit: Apps Script stops the execution there.
    rt.setLatency({ ...DEFAULT_LATENCY, 'MailApp.sendEmail': 200_000 });
    expect(() => rt.as(MIA).call('sendRemindersNow')).toThrow('Exceeded maximum execution time');
    expect(recipients(rt)).toHaveLength(1);
    rt.setLatency(DEFAULT_LATENCY);
    rt.as(MIA).call('sendRemindersNow');
    const all = recipients(rt);
    // Every address at most once; the one being sent when the run was stopped is reported, not resent.
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(3);
    const interrupted = reminderLog(rt).filter((r) => r[4].startsWith('An earlier run today was stopped'));
    expect(interrupted).toHaveLength(1);
    expect(all).not.toContain(interrupted[0][1]);
  });
});
