/**
 * Reminders: the daily digest job and Extensions ▸ Scorecard ▸ Reminders (Turn on…, Turn off, Send reminders
 * now). The job runs from one installable time-driven trigger, as the account that turned reminders on, with no
 * user at the keyboard: it never touches the Ui. Each run reads Candidates, Pipeline and the submissions once,
 * plans one digest per person (core/reminders), sends what today's recipient quota allows (most overdue first),
 * and appends what happened to the visible Reminders sheet.
 */
import { UserError } from '../core/errors';
import { sameEmail } from '../core/people';
import { type Digest, digestEmail, digestKey, fitQuota, planDigests } from '../core/reminders';
import { formatInZone } from '../core/time-zone';
import { plural } from '../core/wording';
import { appendRemindersLog, type ReminderLogRow } from '../sheets/reminders-log';
import {
  type ReminderTrigger,
  markDigest,
  readDigestMarks,
  readReminderTrigger,
  writeReminderTrigger,
} from '../sheets/reminders-state';
import { readScheduledInterviews } from '../sheets/schedule';
import { readReminderServiceLevels } from '../sheets/service-levels';
import { appliedProcess, requireProcess } from '../sheets/setup';
import { readSubmittedScorecards } from '../sheets/submissions';
import { withDocumentLock } from './actions';
import { runMenuAction } from './actions';
import { type Services, workbookFor } from './services';

/** The global function the trigger runs (src/main.ts). */
export const REMINDER_HANDLER = 'sendReminderDigests';
export const DEFAULT_REMINDER_HOUR = 8;
/** No new email is started after this long: the run ends well inside Apps Script's 6 minutes. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

export interface ReminderRunSummary {
  readonly sent: readonly string[];
  readonly notSent: number;
  readonly notes: number;
}

function owner(email: string): string {
  return email === '' ? 'an account whose email Google does not show here' : email;
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The status line for the menu and messages: which trigger is on and whose it is. */
export function reminderStatus(trigger: ReminderTrigger | null): string {
  if (!trigger) return 'Reminders are off.';
  return `Reminders are on: every day at about ${hourText(trigger.hour)} (${trigger.timeZone}), sent from ${owner(trigger.owner)}, who owns the trigger.`;
}

/** The caption of the status item in the Reminders submenu. */
export function reminderMenuCaption(trigger: ReminderTrigger | null): string {
  if (!trigger) return 'Status: off';
  return `Status: on, daily at ${hourText(trigger.hour)}, owner ${trigger.owner === '' ? '(email hidden)' : trigger.owner}`;
}

function myTriggers(services: Services): GoogleAppsScript.Script.Trigger[] {
  return services.scriptApp
    .getUserTriggers(services.spreadsheet)
    .filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

function parseHour(text: string): number {
  const answer = text.trim();
  if (answer === '') return DEFAULT_REMINDER_HOUR;
  const match = /^(\d{1,2})(?::00)?$/.exec(answer);
  const hour = match ? Number(match[1]) : NaN;
  if (!(hour >= 0 && hour <= 23)) {
    throw new UserError(
      'invalid-request',
      `"${answer}" is not an hour of the day: type a whole number from 0 to 23 (e.g. 8 for 08:00), or leave it blank for ${DEFAULT_REMINDER_HOUR}.`,
    );
  }
  return hour;
}

/** Menu: Reminders ▸ Turn on… — asks the hour, then keeps exactly one daily trigger, owned by the clicking account. */
export function turnOnRemindersAction(services: Services): void {
  runMenuAction(services, 'Turn on reminders', () => {
    const ui = services.ui;
    const me = services.activeUserEmail();
    const current = readReminderTrigger(services.documentProperties);
    const mine = myTriggers(services);
    if (current && mine.length === 0 && !(me !== '' && sameEmail(current.owner, me))) {
      throw new UserError(
        'not-allowed',
        `${reminderStatus(current)} Only that account can change or turn off its trigger (each account sees only its own). Ask them to use Reminders ▸ Turn off first.`,
      );
    }
    const timeZone = services.spreadsheet.getSpreadsheetTimeZone();
    const response = ui.prompt(
      'Turn on reminders',
      `At what hour should the daily reminder digests go out? Type a whole hour from 0 to 23 in the spreadsheet's time zone (${timeZone}), or leave it blank for ${DEFAULT_REMINDER_HOUR}.\n\n` +
        'Each interviewer gets one email listing the scorecards they owe; each hiring manager, the candidates waiting on them. They are sent from your account, which owns the trigger.',
      ui.ButtonSet.OK_CANCEL,
    );
    if (response.getSelectedButton() !== ui.Button.OK) return;
    const hour = parseHour(response.getResponseText());
    const trigger = withDocumentLock(services, () => {
      // Whatever this account had before goes first: turning on twice (or at another hour) leaves one trigger.
      for (const t of myTriggers(services)) services.scriptApp.deleteTrigger(t);
      const created = services.scriptApp
        .newTrigger(REMINDER_HANDLER)
        .timeBased()
        .everyDays(1)
        .atHour(hour)
        .inTimezone(timeZone)
        .create();
      const record: ReminderTrigger = { id: created.getUniqueId(), owner: me, hour, timeZone };
      writeReminderTrigger(services.documentProperties, record);
      return record;
    });
    const hidden =
      me === ''
        ? '\n\nGoogle does not show your email address to Scorecard here, so the menu cannot name you as the owner.'
        : '';
    ui.alert('Reminders are on', `${reminderStatus(trigger)}${hidden}`, ui.ButtonSet.OK);
  });
}

/** Menu: Reminders ▸ Turn off — removes this account's trigger. */
export function turnOffRemindersAction(services: Services): void {
  runMenuAction(services, 'Turn off reminders', () => {
    const ui = services.ui;
    const current = readReminderTrigger(services.documentProperties);
    const removed = withDocumentLock(services, () => {
      const mine = myTriggers(services);
      for (const t of mine) services.scriptApp.deleteTrigger(t);
      const wasMine = current !== null && mine.some((t) => t.getUniqueId() === current.id);
      if (wasMine || (current === null && mine.length > 0))
        writeReminderTrigger(services.documentProperties, null);
      return { count: mine.length, wasMine };
    });
    if (current && !removed.wasMine) {
      throw new UserError(
        'not-allowed',
        `${reminderStatus(current)} Its trigger belongs to that account, so only they can turn it off (each account sees only its own triggers).`,
      );
    }
    ui.alert(
      'Reminders are off',
      removed.count === 0 ? 'Reminders were not on.' : 'Reminders are off: no more digests will be sent.',
      ui.ButtonSet.OK,
    );
  });
}

/** Menu: Reminders ▸ Status — what is on and who owns it. */
export function showReminderStatusAction(services: Services): void {
  runMenuAction(services, 'Reminders', () => {
    services.ui.alert(
      'Reminders',
      reminderStatus(readReminderTrigger(services.documentProperties)),
      services.ui.ButtonSet.OK,
    );
  });
}

/** Menu: Reminders ▸ Send reminders now — today's digests from the clicking account (none twice in a day). */
export function sendRemindersNowAction(services: Services): void {
  runMenuAction(services, 'Send reminders now', () => {
    const summary = runReminderJob(services, 'menu');
    const lines = [
      summary.sent.length === 0
        ? 'No digest was sent: nobody has anything due that was not already reminded today.'
        : `Sent ${plural(summary.sent.length, 'digest')}: ${summary.sent.join(', ')}.`,
    ];
    if (summary.notSent > 0)
      lines.push(`${plural(summary.notSent, 'digest')} could not be sent; see the Reminders sheet.`);
    if (summary.notes > 0)
      lines.push(`${plural(summary.notes, 'note')} about the workbook are on the Reminders sheet.`);
    services.ui.alert('Reminders sent', lines.join('\n\n'), services.ui.ButtonSet.OK);
  });
}

/**
 * The trigger's run (no Ui). A trigger that is not the one recorded as on (left behind by an account that
 * turned reminders on before) removes itself instead of sending.
 */
export function reminderTriggerRun(services: Services, triggerUid: string | undefined): void {
  const current = readReminderTrigger(services.documentProperties);
  if (triggerUid !== undefined && (current === null || current.id !== triggerUid)) {
    for (const t of myTriggers(services))
      if (t.getUniqueId() === triggerUid) services.scriptApp.deleteTrigger(t);
    return;
  }
  runReminderJob(services, 'trigger');
}

function logTime(now: Date, timeZone: string): string {
  return formatInZone(now, timeZone, true);
}

/** One run of the job: plan, send within quota and time, log. */
export function runReminderJob(services: Services, how: 'trigger' | 'menu'): ReminderRunSummary {
  return withDocumentLock(services, () => {
    const started = services.now();
    const workbook = workbookFor(services);
    const process = appliedProcess(workbook, requireProcess(workbook));
    const timeZone = services.spreadsheet.getSpreadsheetTimeZone();
    const scheduled = readScheduledInterviews(workbook, process);
    const levels = readReminderServiceLevels(workbook, process);
    const submissions = readSubmittedScorecards(workbook);
    const plan = planDigests({
      process,
      candidates: scheduled.candidates,
      progress: {
        submitted: submissions.submitted.map((s) => ({
          candidateId: s.candidateId,
          stageId: s.stageId,
          email: s.interviewer,
        })),
        decided: submissions.decided,
      },
      stageServiceLevels: levels.stages,
      feedbackHours: levels.feedbackHours,
      now: started,
      timeZone,
    });
    const when = logTime(started, timeZone);
    const rows: ReminderLogRow[] = [];
    const notes = [...scheduled.problems, ...levels.problems, ...plan.skipped.map((s) => s.message)];

    const properties = services.documentProperties;
    const marks = readDigestMarks(properties);
    const keyOf = (d: Digest) => digestKey(d.email, started, timeZone);
    const interrupted: Digest[] = [];
    const pending: Digest[] = [];
    for (const d of plan.digests) {
      const mark = marks.get(keyOf(d));
      if (mark === 'sending') interrupted.push(d);
      else if (mark !== 'sent') pending.push(d);
    }
    // Marks of earlier days are no longer needed.
    const today = digestKey('', started, timeZone).trim();
    for (const key of marks.keys()) if (!key.startsWith(today)) markDigest(properties, key, null);

    const fit = fitQuota(pending, services.mail.getRemainingDailyQuota());
    const context = {
      workbookName: services.spreadsheet.getName(),
      workbookUrl: services.spreadsheet.getUrl(),
      timeZone,
    };
    const sent: string[] = [];
    let notSent = 0;
    let stopped = false;
    for (const digest of fit.send) {
      if (!stopped && services.now().getTime() - started.getTime() > RUN_BUDGET_MS) stopped = true;
      if (stopped) {
        notSent++;
        rows.push([
          when,
          digest.email,
          digest.itemCount,
          'Not sent',
          'The run stopped before its time ran out; the next run (or Reminders ▸ Send reminders now) sends it.',
        ]);
        continue;
      }
      const key = keyOf(digest);
      const email = digestEmail(digest, context);
      markDigest(properties, key, 'sending');
      try {
        services.mail.sendEmail({
          to: email.to,
          subject: email.subject,
          body: email.body,
          htmlBody: email.htmlBody,
          name: 'Scorecard',
        });
      } catch (error) {
        markDigest(properties, key, null);
        notSent++;
        const why = error instanceof Error ? error.message.replace(/^Exception: /, '') : String(error);
        rows.push([
          when,
          digest.email,
          digest.itemCount,
          'Not sent',
          `The email could not be sent (${why}); the next run tries again.`,
        ]);
        continue;
      }
      markDigest(properties, key, 'sent');
      sent.push(digest.email);
      rows.push([when, digest.email, digest.itemCount, 'Sent', email.subject]);
    }
    fit.leftOver.forEach((digest, i) => {
      notSent++;
      rows.push([when, digest.email, digest.itemCount, 'Not sent', fit.log[i]]);
    });
    for (const digest of interrupted) {
      rows.push([
        when,
        digest.email,
        digest.itemCount,
        'Not sent',
        'An earlier run today was stopped while sending this digest, so it may have gone out; it is not sent twice. Tomorrow’s digest includes whatever is still due.',
      ]);
    }
    for (const note of notes) rows.push([when, '', '', 'Note', note]);
    const by = how === 'trigger' ? 'daily trigger' : 'Send reminders now';
    rows.unshift([
      when,
      '',
      plan.digests.reduce((n, d) => n + d.itemCount, 0),
      'Run',
      `${by}, as ${owner(services.activeUserEmail())}: ${plural(sent.length, 'digest')} sent, ${notSent} not sent, ` +
        `${plural(plan.digests.length - pending.length, 'person', 'people')} already reminded today, ${plural(notes.length, 'note')}.`,
    ]);
    appendRemindersLog(workbook, rows);
    return { sent, notSent, notes: notes.length };
  });
}
