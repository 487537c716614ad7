import fc from 'fast-check';
import type { Digest } from '../../../src/core/reminders/digest';
import { fitQuota } from '../../../src/core/reminders/quota';
import { digestKey, digestsToSend } from '../../../src/core/reminders/run-key';
import { LA, TOKYO, local } from './builders';

const HOUR = 3_600_000;

function digest(email: string, mostOverdueHours: number, itemCount = 1): Digest {
  return {
    email,
    scorecards: [],
    overdue: [],
    decisions: [],
    mostOverdueMs: mostOverdueHours * HOUR,
    itemCount,
  };
}

describe('fitting the daily recipient quota', () => {
  const digests = [
    digest('ann@example.com', 2),
    digest('bob@example.com', 50, 3),
    digest('carl@example.com', -4),
  ];

  it('sends what fits, most overdue first, and lists the rest for the log', () => {
    const fit = fitQuota(digests, 1);
    expect(fit.send.map((d) => d.email)).toEqual(['bob@example.com']);
    expect(fit.leftOver.map((d) => d.email)).toEqual(['ann@example.com', 'carl@example.com']);
    expect(fit.log).toEqual([
      "Not sent to ann@example.com: today's email quota ran out (1 item, most overdue item 2 hours late). The next run sends it.",
      "Not sent to carl@example.com: today's email quota ran out (1 item, nothing late yet). The next run sends it.",
    ]);
  });

  it('sends everything when the quota allows, and nothing when it is spent or unreadable', () => {
    expect(fitQuota(digests, 100).send).toHaveLength(3);
    expect(fitQuota(digests, 100).log).toEqual([]);
    for (const quota of [0, -5, Number.NaN, 0.9]) expect(fitQuota(digests, quota).send).toEqual([]);
    expect(fitQuota(digests, 2.7).send).toHaveLength(2);
  });

  it('never sends more than the quota, loses nobody, and never sends a less overdue digest before a more overdue one', () => {
    const arbitraryDigests = fc.uniqueArray(
      fc.record({ n: fc.nat({ max: 1000 }), hours: fc.integer({ min: -48, max: 500 }) }),
      { selector: (d) => d.n, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitraryDigests, fc.integer({ min: -2, max: 40 }), (rows, quota) => {
        const all = rows.map((r) => digest(`p${r.n}@example.com`, r.hours));
        const fit = fitQuota(all, quota);
        expect(fit.send.length).toBe(Math.min(Math.max(quota, 0), all.length));
        expect([...fit.send, ...fit.leftOver].map((d) => d.email).sort()).toEqual(
          all.map((d) => d.email).sort(),
        );
        expect(fit.log).toHaveLength(fit.leftOver.length);
        const lowestSent = Math.min(...fit.send.map((d) => d.mostOverdueMs));
        for (const d of fit.leftOver) expect(d.mostOverdueMs).toBeLessThanOrEqual(lowestSent);
      }),
    );
  });
});

describe('idempotent runs', () => {
  const digests = [digest('ann@example.com', 5), digest('bob@example.com', 4), digest('carl@example.com', 3)];

  it('keys a digest by person and by the day in the spreadsheet zone, on either side of local midnight', () => {
    expect(digestKey('ann@example.com', local('2026-12-03 23:59', TOKYO), TOKYO)).toBe(
      'digest 2026-12-03 ann@example.com',
    );
    expect(digestKey('ann@example.com', local('2026-12-04 00:00', TOKYO), TOKYO)).toBe(
      'digest 2026-12-04 ann@example.com',
    );
    // The same instant is still 3 December in Los Angeles.
    expect(digestKey('ann@example.com', local('2026-12-04 00:00', TOKYO), LA)).toBe(
      'digest 2026-12-03 ann@example.com',
    );
    expect(digestKey('ann@example.com', local('2026-03-08 23:59'), LA)).toBe(
      'digest 2026-03-08 ann@example.com',
    );
    expect(digestKey('ann@example.com', local('2026-03-09 00:00'), LA)).toBe(
      'digest 2026-03-09 ann@example.com',
    );
  });

  it('after an interruption, sends only the digests not yet sent that day', () => {
    const now = local('2026-12-03 09:00');
    const sent = [digestKey('ann@example.com', now, LA)];
    expect(digestsToSend(digests, sent, local('2026-12-03 09:04'), LA).map((d) => d.email)).toEqual([
      'bob@example.com',
      'carl@example.com',
    ]);
    expect(
      digestsToSend(digests, ['digest 2026-12-03 ANN@example.com'], now, LA).map((d) => d.email),
    ).toEqual(['bob@example.com', 'carl@example.com']);
  });

  it('sends again the next day, and ignores keys it cannot read', () => {
    const sent = [digestKey('ann@example.com', local('2026-12-03 23:50'), LA), 'something else', ''];
    expect(digestsToSend(digests, sent, local('2026-12-04 00:10'), LA)).toHaveLength(3);
  });

  it('never sends a digest twice however a run is cut into pieces', () => {
    const now = local('2026-12-03 09:00');
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 6 }), (pieces) => {
        const sent: string[] = [];
        const mailed: string[] = [];
        for (const piece of pieces) {
          // Each run sends a few (the rest is cut off by the time limit), recording each key as it goes.
          for (const d of digestsToSend(digests, sent, now, LA).slice(0, piece)) {
            mailed.push(d.email);
            sent.push(digestKey(d.email, now, LA));
          }
        }
        expect(new Set(mailed).size).toBe(mailed.length);
        for (const d of digestsToSend(digests, sent, now, LA)) mailed.push(d.email);
        expect(mailed.sort()).toEqual(digests.map((d) => d.email).sort());
      }),
    );
  });
});
