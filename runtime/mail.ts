/**
 * MailApp: sending email as the running account, against the daily recipient quota, with every message recorded
 * for tests and the preview (`rt.mail.sent()`).
 *
 * Sources (Apps Script reference, read through the `search` tool):
 * - MailApp, https://developers.google.com/apps-script/reference/mail/mail-app — sendEmail(recipient, subject,
 *   body[, options]) and sendEmail(message) (to, cc, bcc, subject, body, htmlBody, name, replyTo, noReply);
 *   getRemainingDailyQuota(): "the number of recipients you can send emails to for the rest of the day";
 *   "Quotas are based on the number of email recipients". Scope https://www.googleapis.com/auth/script.send_mail.
 * - Quotas, https://developers.google.com/apps-script/guides/services/quotas — "Email recipients per day: 100
 *   (consumer) / 1,500 (Google Workspace)"; a script over it fails with "Service invoked too many times for one
 *   day: email."
 */
import type { Api } from './api';
import { Counters, instrument } from './counters';
import type { Realm } from './realm';

export const DEFAULT_MAIL_QUOTA = 100;
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

/** A message as it left (plain data). */
export interface SentMail {
  /** The account it was sent from (the running user's; a trigger's owner). */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string | undefined;
  readonly name: string | undefined;
  readonly replyTo: string | undefined;
  /** Simulated time it was sent (ms). */
  readonly at: number;
}

export interface MailHost {
  readonly counters: Counters;
  readonly realm: Realm;
  account(): string;
  nowMs(): number;
}

interface MailOptions {
  cc?: string;
  bcc?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown;
  inlineImages?: unknown;
}

interface MailMessage extends MailOptions {
  to: string;
  subject: string;
  body?: string;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function addresses(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

export class MailState {
  readonly sent: SentMail[] = [];
  /** Recipients sent today, per account and (UTC) day. */
  readonly used = new Map<string, number>();
  readonly quota = new Map<string, number>();
  defaultQuota = DEFAULT_MAIL_QUOTA;
  /** Failures the test queued for the next sendEmail calls (a message each). */
  readonly failures: string[] = [];
}

function dayKey(account: string, ms: number): string {
  return `${account} ${new Date(ms).toISOString().slice(0, 10)}`;
}

/**
 * Checked against @types/google-apps-script (api.ts) except sendEmail (overloaded: the last overload is the
 * four-string one; the fake takes every form).
 */
export class FakeMailApp implements Api<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  constructor(
    readonly _counters: Counters,
    readonly _host: MailHost,
    readonly _state: MailState,
  ) {}

  _remaining(): number {
    return this._remainingFor(this._host.account());
  }

  _remainingFor(account: string): number {
    const quota = this._state.quota.get(account) ?? this._state.defaultQuota;
    return Math.max(0, quota - (this._state.used.get(dayKey(account, this._host.nowMs())) ?? 0));
  }

  getRemainingDailyQuota(): number {
    return this._remaining();
  }

  sendEmail(
    first: string | MailMessage,
    subject?: string,
    body?: string,
    optionsOrBody?: MailOptions | string,
  ): void {
    let message: MailMessage;
    if (typeof first === 'object' && first !== null) message = first;
    else if (typeof optionsOrBody === 'string')
      // sendEmail(to, replyTo, subject, body)
      message = { to: first, replyTo: subject, subject: body ?? '', body: optionsOrBody };
    else message = { to: first, subject: subject ?? '', body: body ?? '', ...(optionsOrBody ?? {}) };
    const fail = (text: string) => this._host.realm.error(`Exception: ${text}`);
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw fail('Failed to send email: no recipient');
    const bad = all.find((a) => !EMAIL.test(a));
    if (bad !== undefined) throw fail(`Invalid email: ${bad}`);
    if (all.length > this._remaining()) throw fail(MAIL_QUOTA_MESSAGE);
    const failure = this._state.failures.shift();
    if (failure !== undefined) throw fail(failure);
    const account = this._host.account();
    const key = dayKey(account, this._host.nowMs());
    this._state.used.set(key, (this._state.used.get(key) ?? 0) + all.length);
    this._state.sent.push({
      from: account,
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody,
      name: message.name,
      replyTo: message.replyTo,
      at: this._host.nowMs(),
    });
  }
}
instrument(FakeMailApp, 'MailApp');
