/**
 * The digest as an email: a subject, a plain-text body and an HTML body. Every piece of user text (workbook,
 * candidate and stage names, addresses, the link) is escaped in the HTML, so a name such as `<b>Ada</b>` reads
 * literally. Dates are shown in the spreadsheet's time zone.
 */
import { escapeHtml } from '../html';
import { formatInZone, wallClock } from '../time-zone';
import { formatDuration, plural } from '../wording';
import type { AwaitingDecision, Digest, OverdueCandidate, OwedScorecard } from './digest';

export interface DigestEmailContext {
  /** The spreadsheet's name, as its owner named it. */
  readonly workbookName: string;
  /** The spreadsheet's address (Spreadsheet.getUrl()). */
  readonly workbookUrl: string;
  readonly timeZone: string;
}

export interface DigestEmail {
  readonly to: string;
  readonly subject: string;
  /** Plain text, for MailApp's body. */
  readonly body: string;
  /** The same content as HTML, for MailApp's htmlBody option. */
  readonly htmlBody: string;
}

/** A line of text, with the parts that came from a user marked so the HTML can escape them. */
type Piece = string | { readonly user: string };
type Line = readonly Piece[];

interface Section {
  readonly title: string;
  readonly lines: readonly Line[];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function user(text: string): Piece {
  return { user: oneLine(text) };
}

function candidateName(item: { candidateName: string; candidateId: string }): Piece {
  return user(item.candidateName.trim() === '' ? item.candidateId : item.candidateName);
}

function at(date: Date, timeZone: string): string {
  return formatInZone(date, timeZone, true);
}

/** A due time on a day boundary (business-day service levels) reads better as the day alone. */
function dueWhen(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return formatInZone(date, timeZone, w.hour !== 0 || w.minute !== 0);
}

function scorecardLine(item: OwedScorecard, timeZone: string): Line {
  const timing =
    item.overdueMs > 0
      ? `it was due ${at(item.dueAt, timeZone)} and is ${formatDuration(item.overdueMs)} late`
      : `it is due by ${at(item.dueAt, timeZone)}`;
  return [
    candidateName(item),
    ', ',
    user(item.stageName),
    `: interviewed ${at(item.interviewAt, timeZone)}; ${timing}.`,
  ];
}

function scorecardsIn(item: AwaitingDecision): string {
  const expected = Math.max(item.panelSize, item.submitted);
  if (item.missing.length > 0) return `${item.submitted} of ${expected} scorecards are in`;
  return expected === 1 ? 'the scorecard is in' : `all ${expected} scorecards are in`;
}

function decisionLine(item: AwaitingDecision, timeZone: string): Line {
  const line: Piece[] = [candidateName(item), ', ', user(item.stageName), `: ${scorecardsIn(item)}`];
  if (item.missing.length > 0) {
    line.push('; still to come from ');
    item.missing.forEach((email, i) => {
      if (i > 0) line.push(', ');
      line.push(user(email));
    });
  }
  if (item.interviewAt !== null) line.push(` (interviewed ${at(item.interviewAt, timeZone)})`);
  line.push('.');
  return line;
}

function overdueLine(item: OverdueCandidate, timeZone: string): Line {
  return [
    candidateName(item),
    ', ',
    user(item.stageName),
    `: in this stage since ${dueWhen(item.inStageSince, timeZone)}; the next step was due ` +
      `${dueWhen(item.dueAt, timeZone)}, ${formatDuration(item.overdueMs)} ago.`,
  ];
}

function sections(digest: Digest, timeZone: string): Section[] {
  const all: Section[] = [
    {
      title: `Scorecards to write (${digest.scorecards.length})`,
      lines: digest.scorecards.map((i) => scorecardLine(i, timeZone)),
    },
    {
      title: `Decisions waiting for you (${digest.decisions.length})`,
      lines: digest.decisions.map((i) => decisionLine(i, timeZone)),
    },
    {
      title: `Candidates waiting longer than their stage allows (${digest.overdue.length})`,
      lines: digest.overdue.map((i) => overdueLine(i, timeZone)),
    },
  ];
  return all.filter((s) => s.lines.length > 0);
}

function summary(digest: Digest): string {
  const parts: string[] = [];
  if (digest.scorecards.length > 0) parts.push(`${plural(digest.scorecards.length, 'scorecard')} to write`);
  if (digest.decisions.length > 0) parts.push(`${plural(digest.decisions.length, 'decision')} waiting`);
  if (digest.overdue.length > 0) parts.push(`${plural(digest.overdue.length, 'candidate')} overdue`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const CLOSING =
  'Notes written while an interview is fresh make for fairer decisions, and candidates are glad to hear back ' +
  'soon. Thank you!';

function footer(timeZone: string): string {
  return (
    `Times are in ${timeZone}. Scorecard sends at most one of these a day, and only when something is waiting ` +
    'for you.'
  );
}

function plain(line: Line): string {
  return line.map((p) => (typeof p === 'string' ? p : p.user)).join('');
}

function html(line: Line): string {
  return line.map((p) => (typeof p === 'string' ? escapeHtml(p) : escapeHtml(p.user))).join('');
}

/** The email for one digest. */
export function digestEmail(digest: Digest, context: DigestEmailContext): DigestEmail {
  const { timeZone } = context;
  const workbook = oneLine(context.workbookName) || 'your hiring workbook';
  const url = context.workbookUrl.trim();
  const parts = sections(digest, timeZone);
  const subject = `Scorecard · ${workbook}: ${summary(digest)}`;

  const text: string[] = ['Hello,', '', `Here is what is waiting for you in "${workbook}" today.`];
  for (const section of parts) {
    text.push('', section.title, ...section.lines.map((l) => `- ${plain(l)}`));
  }
  text.push('', `Open the workbook: ${url}`, '', CLOSING, '', footer(timeZone));

  // A link only to a web address; anything else is shown as text.
  const link = /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}">Open ${escapeHtml(workbook)}</a>`
    : escapeHtml(url);
  const htmlParts: string[] = [
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5;">',
    '<p>Hello,</p>',
    `<p>Here is what is waiting for you in <b>${escapeHtml(workbook)}</b> today.</p>`,
  ];
  for (const section of parts) {
    htmlParts.push(
      `<h3 style="font-size: 15px; margin: 16px 0 4px;">${escapeHtml(section.title)}</h3>`,
      '<ul>',
      ...section.lines.map((l) => `<li>${html(l)}</li>`),
      '</ul>',
    );
  }
  htmlParts.push(
    `<p>${link}</p>`,
    `<p>${escapeHtml(CLOSING)}</p>`,
    `<p style="color: #666; font-size: 12px;">${escapeHtml(footer(timeZone))}</p>`,
    '</div>',
  );
  return { to: digest.email, subject, body: text.join('\n'), htmlBody: htmlParts.join('\n') };
}
