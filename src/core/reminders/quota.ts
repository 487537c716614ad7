/**
 * The daily recipient quota (MailApp.getRemainingDailyQuota()): each digest goes to one person, so it costs one
 * recipient. When not all fit, the most overdue go now and the rest are listed for the owner.
 */
import { formatDuration, plural } from '../wording';
import { compareDigests, type Digest } from './digest';

export interface QuotaFit {
  /** Digests to send now, most overdue first. */
  readonly send: readonly Digest[];
  /** Digests that did not fit, most overdue first. */
  readonly leftOver: readonly Digest[];
  /** One line per left-over person, for the Reminders log. */
  readonly log: readonly string[];
}

function overdueWords(ms: number): string {
  return ms >= 0 ? `most overdue item ${formatDuration(ms)} late` : 'nothing late yet';
}

/** Which digests fit in the recipients left today (a negative or fractional quota counts as the whole number below). */
export function fitQuota(digests: readonly Digest[], remainingRecipients: number): QuotaFit {
  const room = Number.isFinite(remainingRecipients) ? Math.max(0, Math.floor(remainingRecipients)) : 0;
  const ordered = [...digests].sort(compareDigests);
  const send = ordered.slice(0, room);
  const leftOver = ordered.slice(room);
  const log = leftOver.map(
    (d) =>
      `Not sent to ${d.email}: today's email quota ran out (${plural(d.itemCount, 'item')}, ` +
      `${overdueWords(d.mostOverdueMs)}). The next run sends it.`,
  );
  return { send, leftOver, log };
}
