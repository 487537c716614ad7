/**
 * What the reminders remember in document properties: the trigger that is on (its id, owner and hour: another
 * account cannot see it through ScriptApp, so the menu reads it here) and each digest as it is sent today, so an
 * interrupted run is continued, never repeated. A digest is marked "sending" just before MailApp is called and
 * "sent" just after; a mark left at "sending" (the run was stopped in between) is never sent again that day.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const TRIGGER_KEY = 'scorecard.reminders.trigger';
const SENT_PREFIX = 'scorecard.reminders.';

export interface ReminderTrigger {
  readonly id: string;
  /** The email of the account that owns the trigger ('' when Google did not show it). */
  readonly owner: string;
  readonly hour: number;
  readonly timeZone: string;
}

export function readReminderTrigger(properties: Properties): ReminderTrigger | null {
  const raw = properties.getProperty(TRIGGER_KEY);
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ReminderTrigger>;
    if (typeof parsed.id !== 'string' || typeof parsed.hour !== 'number') return null;
    return {
      id: parsed.id,
      owner: typeof parsed.owner === 'string' ? parsed.owner : '',
      hour: parsed.hour,
      timeZone: typeof parsed.timeZone === 'string' ? parsed.timeZone : '',
    };
  } catch {
    return null;
  }
}

export function writeReminderTrigger(properties: Properties, trigger: ReminderTrigger | null): void {
  if (trigger === null) properties.deleteProperty(TRIGGER_KEY);
  else properties.setProperty(TRIGGER_KEY, JSON.stringify(trigger));
}

export type DigestMark = 'sending' | 'sent';

/** Every digest mark (digest key → mark), from one read of the properties. */
export function readDigestMarks(properties: Properties): Map<string, DigestMark> {
  const marks = new Map<string, DigestMark>();
  for (const [key, value] of Object.entries(properties.getProperties())) {
    if (!key.startsWith(SENT_PREFIX) || key === TRIGGER_KEY) continue;
    if (value === 'sending' || value === 'sent') marks.set(key.slice(SENT_PREFIX.length), value);
  }
  return marks;
}

export function markDigest(properties: Properties, digestKey: string, mark: DigestMark | null): void {
  if (mark === null) properties.deleteProperty(SENT_PREFIX + digestKey);
  else properties.setProperty(SENT_PREFIX + digestKey, mark);
}
