/** Small helpers for the sentences Scorecard writes to people: messages, logs, emails. */

/** "1 scorecard", "3 scorecards"; pass the plural when it is not the noun plus "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * A length of time as people say it, to the largest two units that matter: "2 days 3 hours", "5 hours",
 * "1 hour 20 minutes", "40 minutes", "less than a minute". Negative lengths are measured the same way.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor((minutes * MINUTE_MS) / DAY_MS);
  const hours = Math.floor((minutes * MINUTE_MS - days * DAY_MS) / HOUR_MS);
  const rest = minutes - days * 1440 - hours * 60;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0)
    return rest > 0 ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
  return plural(rest, 'minute');
}
