/** Text helpers for the document actions' messages. */

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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2026-05-13" or "2026-05-13 14:05" in the spreadsheet's time zone. */
export function formatInZone(date: Date, timeZone: string, withTime: boolean): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = `${part('year')}-${part('month')}-${part('day')}`;
    return withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
  } catch {
    const iso = date.toISOString();
    return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
}
