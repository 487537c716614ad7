/**
 * Idempotent runs: a digest is sent to a person at most once per day (in the spreadsheet's time zone). The
 * caller records each digest's key as soon as it is sent; a run after an interruption (the 6-minute limit, a
 * mail failure) passes the keys recorded so far and sends only the rest.
 */
import { sameEmail } from '../people';
import { dayInZone } from '../time-zone';
import type { Digest } from './digest';

const PREFIX = 'digest';

/** The key of the digest to `email` on the day `now` falls on: "digest 2026-12-03 ann@example.com". */
export function digestKey(email: string, now: Date, timeZone: string): string {
  return `${PREFIX} ${dayInZone(now, timeZone)} ${email.trim()}`;
}

function parseKey(key: string): { day: string; email: string } | null {
  const match = /^digest (\d{4}-\d{2}-\d{2}) (\S+)$/.exec(key.trim());
  return match ? { day: match[1], email: match[2] } : null;
}

/** The digests not yet sent today, in their order; keys of other days (or unreadable keys) are ignored. */
export function digestsToSend(
  digests: readonly Digest[],
  sentKeys: Iterable<string>,
  now: Date,
  timeZone: string,
): Digest[] {
  const today = dayInZone(now, timeZone);
  const sentToday: string[] = [];
  for (const key of sentKeys) {
    const parsed = parseKey(key);
    if (parsed && parsed.day === today) sentToday.push(parsed.email);
  }
  return digests.filter((d) => !sentToday.some((email) => sameEmail(email, d.email)));
}
