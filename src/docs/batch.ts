/**
 * Creating many documents in one execution: progress as it goes, a time budget well under Apps Script's 6-minute
 * limit (measured with the injected clock), and a clean stop — what was done is kept and reported, the rest is
 * listed so that running the same action again continues (done rows already have their link).
 */
import type { InterviewDocument } from '../core/templates/document';
import type { DocumentWriter, WrittenDocument } from './writer';

/** Stop starting new documents after this long; Apps Script stops a script at 6 minutes. */
export const TIME_BUDGET_MS = 4.5 * 60_000;
/** A progress toast every this many documents (and before the first). */
export const PROGRESS_EVERY = 5;

export interface DocJob {
  /** The candidate's ID. */
  readonly key: string;
  /** The candidate's name, for messages. */
  readonly label: string;
  readonly doc: InterviewDocument;
  /** The id of the document made earlier for this candidate and stage, if any. */
  readonly existing: string | null;
  /** Who gets the document (as editors): the candidate's hiring manager and panel, for example. */
  readonly shareWith: readonly string[];
}

export type DocOutcome = 'created' | 'replaced' | 'new-version';

export interface DocResult extends WrittenDocument {
  readonly job: DocJob;
  /** created: no earlier document; replaced: the earlier one overwritten in place; new-version: the earlier one could not be opened, so a new one was made and the old one kept. */
  readonly outcome: DocOutcome;
}

export interface BatchOutcome {
  readonly done: DocResult[];
  /** Jobs not done because time ran out or Docs failed (the failed one first). */
  readonly notStarted: DocJob[];
  readonly stoppedForTime: boolean;
  /** What Docs said when it refused a document, or null. */
  readonly failure: string | null;
  /** What the writer wants the user to know (e.g. that the Docs API refused and a slower way was used). */
  readonly notes: string[];
}

export interface BatchOptions {
  readonly writer: DocumentWriter;
  readonly jobs: readonly DocJob[];
  readonly now: () => Date;
  /** When the whole action started (ms): the budget counts from there. */
  readonly startedAt: number;
  readonly progress: (index: number, total: number) => void;
  readonly budgetMs?: number;
  /** Called with each newly created document's id (e.g. to move it into the workbook's folder); must not throw. */
  readonly place?: (documentId: string) => void;
  /**
   * Existing documents already opened (or found unopenable: null) while asking about them, by id, so each is
   * opened once.
   */
  readonly opened?: ReadonlyMap<string, GoogleAppsScript.Document.Document | null>;
}

/** Writes each job's document (overwriting `existing` when set), stopping early on time or on a Docs error. */
export function runBatch(options: BatchOptions): BatchOutcome {
  const { writer, jobs, now } = options;
  const create = (job: DocJob) => {
    const written = writer.create(job.doc, job.shareWith);
    options.place?.(written.id);
    return written;
  };
  const budget = options.budgetMs ?? TIME_BUDGET_MS;
  const done: DocResult[] = [];
  for (let i = 0; i < jobs.length; i++) {
    if (now().getTime() - options.startedAt > budget) {
      return { done, notStarted: jobs.slice(i), stoppedForTime: true, failure: null, notes: writer.report() };
    }
    if (jobs.length > 1 && i % PROGRESS_EVERY === 0) options.progress(i, jobs.length);
    const job = jobs[i];
    try {
      if (job.existing) {
        const opened = options.opened?.get(job.existing);
        const written =
          opened === null ? null : writer.overwrite(opened ?? job.existing, job.doc, job.shareWith);
        done.push(
          written
            ? { ...written, job, outcome: 'replaced' }
            : { ...create(job), job, outcome: 'new-version' },
        );
      } else {
        done.push({ ...create(job), job, outcome: 'created' });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        done,
        notStarted: jobs.slice(i),
        stoppedForTime: false,
        failure: message,
        notes: writer.report(),
      };
    }
  }
  return { done, notStarted: [], stoppedForTime: false, failure: null, notes: writer.report() };
}
