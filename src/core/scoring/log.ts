/**
 * The Score log's records: what one row holds, how a scorecard, a decision and a veto are written as rows, and
 * the queries every other scoring module shares (a stage's rows, submissions grouped, the latest one). The server
 * reads the log in one batched read (src/sheets/score-log.ts) and appends what the scoring modules return.
 *
 * ## How a submission is written to the Score log
 *
 * Every row carries Timestamp (ISO 8601), Submission ID, Version, Candidate ID, Stage (id), Interviewer (the
 * signed-in account's email, never taken from the request) and Kind. All rows of one submission share the
 * timestamp, submission ID and version.
 *
 * | Kind           | Category    | Score            | Note                                                  |
 * | -------------- | ----------- | ---------------- | ----------------------------------------------------- |
 * | score          | category id | whole number 1–5 | the interviewer's note on that category (may be "")   |
 * | recommendation | ""          | blank            | "<recommendation>" or "<recommendation>: <overall>"   |
 * | reconciled     | category id | 1–5, steps of .5 | ""                                                    |
 * | decision       | ""          | blank            | "<outcome>: <note>" (outcome: advance, hold, reject)  |
 * | veto           | culture-fit | blank            | the reason                                            |
 * | veto-withdrawn | culture-fit | blank            | why the veto holder withdrew it                       |
 * | shareable      | category id | 1 shared, 0 not  | the interviewer whose note it is (the hiring manager  |
 * |                | or "overall"|                  | marks which notes a candidate update may quote)       |
 * | rights         | hiring mgr  | blank            | the panel's emails, ", "-separated                    |
 * | panel-seen     | ""          | whole number ≥ 0 | "" (the person saw others' scores when their own      |
 * |                |             |                  | scorecard was at this version; core/scoring/seen.ts)  |
 *
 * A scorecard = the `score` rows + one `recommendation` row; its version counts that interviewer's scorecards
 * for the candidate and stage (1, 2, …). A decision = one `reconciled` row per category + one `decision` row,
 * recorded by the hiring manager; its version counts decisions for the candidate and stage. A veto is one
 * `veto` row; it stands until the person who recorded it withdraws it with a `veto-withdrawn` row (the veto
 * row stays: a withdrawal is recorded, never a deletion). Vetoes and withdrawals share one version count. Rows are only ever appended: the latest version wins, older ones stay.
 *
 * A `rights` row says who holds the decision rights for the candidate's stage (core/scoring/rights.ts): it is
 * written with the stage's first scorecard (fixing the hiring manager and panel the cells named then), with a
 * hiring-manager change confirmed from the sidebar, and with every decision and veto (under whom it was made).
 *
 * A `panel-seen` row is written once per person, candidate and stage, the first time Scorecard shows that person
 * someone else's scores for it (the panel view, a debrief): a later version of their scorecard is marked as
 * revised after seeing the panel (core/scoring/seen.ts).
 */
import { UserError } from '../errors';
import { OUTCOMES, type Outcome, RECOMMENDATIONS, type Recommendation } from '../labels';
import { isBlank, isDate, parseNumber } from '../cells';
import { normaliseEmail, sameEmail } from '../people';
import type { ScoringCategory } from '../process';

export type LogKind =
  | 'score'
  | 'recommendation'
  | 'reconciled'
  | 'decision'
  | 'veto'
  | 'veto-withdrawn'
  | 'shareable'
  | 'rights'
  | 'panel-seen';

export const LOG_KINDS: readonly LogKind[] = [
  'score',
  'recommendation',
  'reconciled',
  'decision',
  'veto',
  'veto-withdrawn',
  'shareable',
  'rights',
  'panel-seen',
];

/** One row of the Score log. */
export interface LogEntry {
  /** ISO 8601 time of the submission. */
  timestamp: string;
  submissionId: string;
  version: number;
  candidateId: string;
  stageId: string;
  /** Email of the account that recorded the row. */
  interviewer: string;
  kind: LogKind;
  /** Category id for `score` and `reconciled` rows, `culture-fit` for a veto, "" otherwise. */
  category: string;
  score: number | null;
  note: string;
}

/** The fields of a Score log row in its columns' order: the order the sheet, the signature and the tests share. */
export const LOG_FIELDS: readonly (keyof LogEntry)[] = [
  'timestamp',
  'submissionId',
  'version',
  'candidateId',
  'stageId',
  'interviewer',
  'kind',
  'category',
  'score',
  'note',
];

/** The 0-based column of each field in a row of Score log cells (found by header: a moved column still reads). */
export type LogColumns = Readonly<Record<keyof LogEntry, number>>;

function cellText(value: unknown): string {
  return isBlank(value) ? '' : String(value).trim();
}

/**
 * One row of Score log cells, as Sheets gives them (text, numbers, Dates, ""), read as an entry: the one reading
 * the sidebar's server and the Insights functions share. Null when its Kind is not one Scorecard writes (a row
 * typed by hand, or a blank one).
 */
export function logEntryFromCells(row: readonly unknown[], c: LogColumns): LogEntry | null {
  const kind = cellText(row[c.kind]) as LogKind;
  if (!LOG_KINDS.includes(kind)) return null;
  const stamp = row[c.timestamp];
  return {
    timestamp: isDate(stamp) ? stamp.toISOString() : String(stamp),
    submissionId: String(row[c.submissionId]),
    version: parseNumber(row[c.version]) ?? 0,
    candidateId: cellText(row[c.candidateId]),
    stageId: cellText(row[c.stageId]),
    interviewer: normaliseEmail(String(row[c.interviewer] ?? '')),
    kind,
    category: cellText(row[c.category]),
    score: isBlank(row[c.score]) ? null : (parseNumber(row[c.score]) ?? null),
    note: String(row[c.note] ?? ''),
  };
}

/** The category column of a veto row. */
export const VETO_SCOPE = 'culture-fit';

/** The categories a stage scores, as the scoring modules need them. */
export type Categories = readonly Pick<ScoringCategory, 'id' | 'name' | 'keyRisk'>[];

/** A by-category record (scores, notes, reconciled scores) against the stage: ids it does not score, categories it lacks. */
export function categoryMismatch(
  record: Readonly<Record<string, unknown>>,
  categories: Categories,
): { unknown: string[]; missing: Categories } {
  const known = new Set(categories.map((c) => c.id));
  return {
    unknown: Object.keys(record).filter((id) => !known.has(id)),
    missing: categories.filter((c) => !Object.prototype.hasOwnProperty.call(record, c.id)),
  };
}

export function toIso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

/** The rows of one candidate and stage. */
export function forStage(entries: readonly LogEntry[], candidateId: string, stageId: string): LogEntry[] {
  return entries.filter((e) => e.candidateId === candidateId && e.stageId === stageId);
}

export function isScorecardKind(kind: LogKind): boolean {
  return kind === 'score' || kind === 'recommendation';
}

/** Groups rows by submission ID, keeping the order in which submissions first appear. */
export function bySubmission(entries: readonly LogEntry[]): LogEntry[][] {
  const groups = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.submissionId);
    if (group) group.push(entry);
    else groups.set(entry.submissionId, [entry]);
  }
  return [...groups.values()];
}

/** The latest of several submissions: highest version, then latest timestamp, then last in the log. */
export function latest(groups: readonly LogEntry[][]): LogEntry[] | null {
  let best: LogEntry[] | null = null;
  for (const group of groups) {
    if (best === null) {
      best = group;
      continue;
    }
    const [a, b] = [group[0], best[0]];
    if (a.version > b.version || (a.version === b.version && a.timestamp >= b.timestamp)) best = group;
  }
  return best;
}

function encodeWithText(head: string, text: string): string {
  return text === '' ? head : `${head}: ${text}`;
}

function decodeWithText<T extends string>(
  note: string,
  heads: readonly T[],
): { head: T; text: string } | null {
  const colon = note.indexOf(':');
  const head = (colon < 0 ? note : note.slice(0, colon)).trim().toLowerCase();
  const found = heads.find((h) => h === head);
  if (found === undefined) return null;
  const text = colon < 0 ? '' : note.slice(colon + 1).replace(/^ /, '');
  return { head: found, text };
}

/** Recommendation row note → recommendation + overall note (see the table above). */
export function encodeRecommendation(recommendation: Recommendation, overallNote: string): string {
  return encodeWithText(recommendation, overallNote);
}

export function decodeRecommendation(note: string): { recommendation: Recommendation; overallNote: string } {
  const decoded = decodeWithText(note, RECOMMENDATIONS);
  // A row someone edited by hand into something unreadable is shown as "no" with the text kept.
  return decoded
    ? { recommendation: decoded.head, overallNote: decoded.text }
    : { recommendation: 'no', overallNote: note };
}

export function encodeDecision(outcome: Outcome, note: string): string {
  return encodeWithText(outcome, note);
}

export function decodeDecision(note: string): { outcome: Outcome; note: string } {
  const decoded = decodeWithText(note, OUTCOMES);
  return decoded ? { outcome: decoded.head, note: decoded.text } : { outcome: 'hold', note };
}

/** Whether any row carries this submission ID (a retried call must not be recorded twice). */
export function alreadyRecorded(entries: readonly LogEntry[], submissionId: string): boolean {
  return entries.some((e) => e.submissionId === submissionId);
}

const REUSED_ID_MESSAGE =
  'This submission ID was already used for another submission; reload the sidebar and try again.';

/**
 * The first row already recorded under this submission ID, or null. Throws when that row belongs to a different
 * kind of submission, person, candidate or stage (a reused ID is never silently swallowed).
 */
export function earlierSubmission(
  entries: readonly LogEntry[],
  submissionId: string,
  kinds: readonly LogKind[],
  who: string,
  candidateId: string,
  stageId: string,
): LogEntry | null {
  const first = entries.find((e) => e.submissionId === submissionId);
  if (!first) return null;
  const same =
    kinds.includes(first.kind) &&
    sameEmail(first.interviewer, who) &&
    first.candidateId === candidateId &&
    first.stageId === stageId;
  if (!same) throw new UserError('invalid-request', REUSED_ID_MESSAGE);
  return first;
}

/** The next version of a decision or veto for a stage: 1 for the first. */
export function nextKindVersion(stageEntries: readonly LogEntry[], kinds: readonly LogKind[]): number {
  return stageEntries.filter((e) => kinds.includes(e.kind)).reduce((v, e) => Math.max(v, e.version), 0) + 1;
}
