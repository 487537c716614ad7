/** Text helpers for the document actions' messages. */

// Their homes are in core (reminders and documents share them); re-exported for the document actions.
export { plural } from '../../core/wording';
export { formatInZone } from '../../core/time-zone';

/** Longest list of names or problems shown in one message. */
const MAX_LINES = 25;

export function bullets(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LINES).map((l) => `• ${l}`);
  if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more`);
  return shown.join('\n');
}

export function names(jobs: readonly { label: string }[]): string {
  const shown = jobs.slice(0, 10).map((j) => j.label);
  return jobs.length > 10 ? `${shown.join(', ')} and ${jobs.length - 10} more` : shown.join(', ');
}
