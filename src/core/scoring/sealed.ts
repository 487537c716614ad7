/**
 * The sealed store's records. Scorecards and vetoes are not written to the visible Score log when they are
 * submitted: they are kept sealed (in document properties, src/sheets/sealed-store.ts) until the hiring manager
 * decides the stage, and only then published to the Score log, all in one write. This module is the pure part:
 * how one submission is written as property values (in parts of at most PART_BYTES, under the per-scorecard and
 * per-store ceilings), read back, merged with the published log (a submission published and still sealed after
 * an interrupted publish counts once), and what a decision publishes.
 *
 * One submission is one JSON object: `{ t, id, v, c, s, i, r }` (timestamp, submission ID, version, candidate
 * ID, stage ID, interviewer, rows), each row `[kind, category, score, note]`, followed by `h`, the HMAC of the
 * object without it (core/scoring/signature.ts): one changed outside Scorecard is not counted. It is stored under
 * `sealed.<submission ID>`; a longer one as `sealed.<id>` = "parts:N" and `sealed.<id>.1` … `sealed.<id>.N`,
 * all written in one setProperties call.
 */
import { UserError } from '../errors';
import { PART_BYTES, STORE_BYTES, splitUtf8, utf8Bytes } from '../utf8';
import { LOG_KINDS, type LogEntry, type LogKind, bySubmission } from './log';
import { type Mac, type Untrusted, untrustedSealedMessage } from './signature';

export const SEALED_PREFIX = 'sealed.';
/** The most one scorecard may take sealed (64 KB, 9 parts): far above any real scorecard, below a runaway one. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** Room kept free for the workbook's own state (sheet ids, the applied rubric, document links). */
export const RESERVED_BYTES = 60 * 1024;

/** The property values of one submission (all its rows share the submission's fields). */
export function encodeSubmission(rows: readonly LogEntry[], mac: Mac): Record<string, string> {
  const [first] = rows;
  const body = JSON.stringify({
    t: first.timestamp,
    id: first.submissionId,
    v: first.version,
    c: first.candidateId,
    s: first.stageId,
    i: first.interviewer,
    r: rows.map((e) => [e.kind, e.category, e.score, e.note]),
  });
  const json = `${body.slice(0, -1)},"h":${JSON.stringify(mac(body))}}`;
  const key = SEALED_PREFIX + first.submissionId;
  if (utf8Bytes(json) <= PART_BYTES) return { [key]: json };
  const parts = splitUtf8(json, PART_BYTES);
  const values: Record<string, string> = { [key]: `parts:${parts.length}` };
  parts.forEach((part, i) => (values[`${key}.${i + 1}`] = part));
  return values;
}

/** UTF-8 bytes that values take in a property store (keys and values). */
export function storedBytes(values: Readonly<Record<string, string>>): number {
  let n = 0;
  for (const [key, value] of Object.entries(values)) n += utf8Bytes(key) + utf8Bytes(value);
  return n;
}

function isRow(row: unknown): row is [LogKind, string, number | null, string] {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    LOG_KINDS.includes(row[0] as LogKind) &&
    typeof row[1] === 'string' &&
    (row[2] === null || typeof row[2] === 'number') &&
    typeof row[3] === 'string'
  );
}

/**
 * One stored submission back as log rows; null when it is not one (a part missing, or not ours), or when `mac`
 * is given and its signature does not match what it holds.
 */
export function decodeSubmission(text: string, mac: Mac | null): LogEntry[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { h, ...o } = parsed as Record<string, unknown>;
  if (mac !== null && (typeof h !== 'string' || mac(JSON.stringify(o)) !== h)) return null;
  const fields = [o.t, o.id, o.c, o.s, o.i];
  if (!fields.every((f) => typeof f === 'string') || typeof o.v !== 'number' || !Array.isArray(o.r))
    return null;
  if (!o.r.every(isRow)) return null;
  return (o.r as [LogKind, string, number | null, string][]).map(([kind, category, score, note]) => ({
    timestamp: o.t as string,
    submissionId: o.id as string,
    version: o.v as number,
    candidateId: o.c as string,
    stageId: o.s as string,
    interviewer: o.i as string,
    kind,
    category,
    score,
    note,
  }));
}

/** A sealed submission as read from the store: its rows and the property keys that hold it. */
export interface SealedSubmission {
  readonly rows: readonly LogEntry[];
  readonly keys: readonly string[];
}

/** Every sealed submission in a snapshot of the store's properties, in the order they were submitted (unchecked). */
export function readSealed(properties: Readonly<Record<string, string>>): SealedSubmission[] {
  return checkSealed(properties, null).sealed;
}

/**
 * The sealed submissions, each checked against its signature when a `mac` is given: one that does not match
 * is left out and listed as untrusted.
 */
export function checkSealed(
  properties: Readonly<Record<string, string>>,
  mac: Mac | null,
): { sealed: SealedSubmission[]; untrusted: Untrusted[] } {
  const found: SealedSubmission[] = [];
  const untrusted: Untrusted[] = [];
  for (const [key, head] of Object.entries(properties)) {
    if (!key.startsWith(SEALED_PREFIX) || /\.\d+$/.test(key.slice(SEALED_PREFIX.length))) continue;
    const count = /^parts:(\d+)$/.exec(head);
    let text = head;
    const keys = [key];
    if (count) {
      text = '';
      for (let i = 1; i <= Number(count[1]); i++) {
        const part = properties[`${key}.${i}`];
        if (part === undefined) break;
        text += part;
        keys.push(`${key}.${i}`);
      }
    }
    const rows = decodeSubmission(text, mac);
    if (rows && rows.length > 0) found.push({ rows, keys });
    else if (mac !== null) {
      const claimed = decodeSubmission(text, null)?.[0];
      untrusted.push({
        candidateId: claimed?.candidateId ?? '',
        stageId: claimed?.stageId ?? '',
        message: untrustedSealedMessage(claimed?.interviewer ?? ''),
      });
    }
  }
  return { sealed: found.sort((a, b) => (a.rows[0].timestamp < b.rows[0].timestamp ? -1 : 1)), untrusted };
}

/**
 * The published log and the sealed submissions as one list of records. A submission found in both (a publish
 * interrupted between the log's write and the store's clean-up) counts once, as published.
 */
export function mergeRecords(
  published: readonly LogEntry[],
  sealed: readonly SealedSubmission[],
): { entries: LogEntry[]; stale: SealedSubmission[] } {
  const ids = new Set(published.map((e) => e.submissionId));
  const stale = sealed.filter((s) => ids.has(s.rows[0].submissionId));
  const pending = sealed.filter((s) => !ids.has(s.rows[0].submissionId));
  return { entries: [...published, ...pending.flatMap((s) => s.rows)], stale };
}

export const STORE_FULL_MESSAGE =
  'Scorecard cannot keep this scorecard sealed: the spreadsheet’s private store is full of scorecards waiting ' +
  'for a decision. Nothing was recorded and your form is kept. Ask the hiring managers to record their ' +
  'decisions (that publishes the waiting scorecards and frees the store), then submit again.';

/**
 * The property values to write for new sealed rows (one or more submissions), after checking the ceilings:
 * a submission over MAX_SUBMISSION_BYTES, or a store that would go past STORE_BYTES − `reserve`, is refused
 * with a UserError before anything is written.
 */
export function planSeal(
  rows: readonly LogEntry[],
  currentStoreBytes: number,
  mac: Mac,
  reserve = RESERVED_BYTES,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const group of bySubmission(rows)) {
    const encoded = encodeSubmission(group, mac);
    const size = storedBytes(encoded);
    if (size > MAX_SUBMISSION_BYTES) {
      throw new UserError(
        'invalid-request',
        `This scorecard is ${Math.ceil(size / 1024)} KB of text; Scorecard keeps at most ` +
          `${MAX_SUBMISSION_BYTES / 1024} KB per scorecard sealed. Nothing was recorded: shorten the notes, then submit again.`,
      );
    }
    Object.assign(values, encoded);
  }
  if (currentStoreBytes + storedBytes(values) > STORE_BYTES - reserve)
    throw new UserError('unavailable', STORE_FULL_MESSAGE);
  return values;
}

/** What a decision publishes: the stage's sealed submissions, in the order they were submitted. */
export function sealedForStage(
  sealed: readonly SealedSubmission[],
  candidateId: string,
  stageId: string,
): SealedSubmission[] {
  return sealed.filter((s) => s.rows[0].candidateId === candidateId && s.rows[0].stageId === stageId);
}

/** A submission as the reminders see it: who submitted what, when; never scores or notes. */
export interface SubmissionSummary {
  readonly candidateId: string;
  readonly stageId: string;
  readonly interviewer: string;
  /** ISO 8601. */
  readonly submittedAt: string;
}

/** The scorecards among sealed submissions, without their scores or notes. */
export function summariseScorecards(sealed: readonly SealedSubmission[]): SubmissionSummary[] {
  return sealed
    .filter((s) => s.rows.some((e) => e.kind === 'score' || e.kind === 'recommendation'))
    .map(({ rows: [e] }) => ({
      candidateId: e.candidateId,
      stageId: e.stageId,
      interviewer: e.interviewer,
      submittedAt: e.timestamp,
    }));
}
