/**
 * Running a batch of documents: one question about documents that already exist, the batch itself with progress
 * toasts (new documents go into the workbook's Drive folder, src/docs/folder.ts), and the closing message.
 */
import { type BatchOutcome, type DocJob, runBatch } from '../../docs/batch';
import { documentUrl, documentWriter, openDocument } from '../../docs/writer';
import { type DocumentFolder, documentFolder, folderProperty } from '../../docs/folder';
import { withDocumentLock } from '../actions';
import type { Services } from '../services';
import { bullets, names, plural } from './format';
import type { Prepared } from './prepare';

type Choice = 'replace' | 'keep' | 'cancel';

/**
 * One question for the whole batch when some candidates already have the document: never silently duplicates.
 * A document this user cannot open (never shared with them, or deleted) is named, and "Yes" makes a new one for
 * it while its old link is kept (see writeScriptLinks).
 */
function askAboutExisting(
  services: Services,
  jobs: readonly DocJob[],
  what: string,
  unopenable: readonly DocJob[],
): Choice {
  const existing = jobs.filter((j) => j.existing !== null);
  if (existing.length === 0) return 'keep';
  const { ui } = services;
  const openable = existing.filter((j) => !unopenable.includes(j));
  const lines: string[] = [];
  if (openable.length > 0)
    lines.push(
      jobs.length === 1
        ? `${openable[0].label} already has ${what}.`
        : `${openable.length} of the ${jobs.length} selected candidates already have ${what}: ${names(openable)}.`,
    );
  if (unopenable.length > 0)
    lines.push(
      `${names(unopenable)} already ${unopenable.length === 1 ? 'has' : 'have'} ${what} that your Google account cannot open: it was not shared with you, or it was deleted.`,
    );
  const them = existing.length === 1 ? 'it' : 'them';
  const yes =
    `Yes: replace ${them} (rewritten in place, same link; the earlier text stays in the version history)` +
    (unopenable.length > 0
      ? "; where you cannot open one, a new one is made and the old link is kept in the cell's note."
      : '.');
  const answer = ui.alert(
    'Replace existing documents?',
    `${lines.join('\n')}\n\n${yes}\n` +
      `No: keep ${them} and create only the missing ones.\n` +
      'Cancel: create nothing.',
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.YES) return 'replace';
  if (answer === ui.Button.NO) return 'keep';
  return 'cancel';
}

export function toastCancelled(services: Services): void {
  services.spreadsheet.toast('Cancelled. Nothing was created.', 'Scorecard');
}

/** Existing documents opened while asking (null: this user cannot open it), by id. */
export type Opened = ReadonlyMap<string, GoogleAppsScript.Document.Document | null>;

/** The jobs to run and those kept, by the answer to askAboutExisting. */
function split(jobs: readonly DocJob[], choice: 'replace' | 'keep'): { kept: DocJob[]; todo: DocJob[] } {
  return choice === 'keep'
    ? { kept: jobs.filter((j) => j.existing !== null), todo: jobs.filter((j) => j.existing === null) }
    : { kept: [], todo: [...jobs] };
}

/** What a batch read: its jobs, and what the question about existing ones calls them. */
export interface BatchRead {
  readonly jobs: readonly DocJob[];
  /** "a Screening script": what some candidates may already have. */
  readonly what: string;
  /** The toast when every selected candidate already has one and the user keeps them. */
  readonly nothingLeft: string;
}

/**
 * A batch without a lock across its question (Apps Script releases locks while a dialog is open): reads under the
 * document lock and, when no document exists yet, acts at once; otherwise lets go, asks about the existing
 * documents, then locks again, reads again — someone may have made or changed documents meanwhile — and acts on
 * what is there now. Undefined, after a toast, when the user cancelled or nothing is left to create.
 */
export function readAskAct<T extends BatchRead, R>(
  services: Services,
  read: () => T,
  act: (batch: T, kept: readonly DocJob[], todo: readonly DocJob[], opened: Opened) => R,
): R | undefined {
  // Existing documents are opened once, to tell the user which they cannot open before asking.
  const opened = new Map<string, GoogleAppsScript.Document.Document | null>();
  const open = (id: string) => {
    if (!opened.has(id)) opened.set(id, openDocument(services.documents, id));
    return opened.get(id) ?? null;
  };
  const actOn = (batch: T, choice: 'replace' | 'keep'): { result: R } | undefined => {
    const { kept, todo } = split(batch.jobs, choice);
    if (todo.length === 0) return undefined;
    return { result: act(batch, kept, todo, opened) };
  };
  const first = withDocumentLock(services, () => {
    const batch = read();
    const ask = batch.jobs.some((j) => j.existing !== null);
    return { ask, batch, done: ask ? undefined : actOn(batch, 'keep') };
  });
  let { done, batch } = first;
  if (first.ask) {
    const unopenable = batch.jobs.filter((j) => j.existing !== null && open(j.existing) === null);
    const choice = askAboutExisting(services, batch.jobs, batch.what, unopenable);
    if (choice === 'cancel') {
      toastCancelled(services);
      return undefined;
    }
    ({ done, batch } = withDocumentLock(services, () => {
      const again = read();
      return { done: actOn(again, choice), batch: again };
    }));
  }
  if (!done) {
    services.spreadsheet.toast(batch.nothingLeft, 'Scorecard');
    return undefined;
  }
  return done.result;
}

/** The user's Drive folder for this workbook's new documents (looked up or made on the first one). */
export function workbookFolder(services: Services): DocumentFolder {
  return documentFolder({
    drive: services.drive,
    properties: services.userProperties(),
    key: folderProperty(services.spreadsheet.getId()),
    spreadsheetName: () => services.spreadsheet.getName(),
  });
}

/** Runs the batch with progress toasts, new documents going into the folder; the caller stores the links. */
export function run(
  services: Services,
  p: Prepared,
  jobs: readonly DocJob[],
  what: string,
  folder: DocumentFolder,
  opened?: Opened,
): BatchOutcome {
  const outcome = runBatch({
    writer: documentWriter({ app: services.documents, docs: services.docs, page: p.page }),
    jobs,
    now: services.now,
    startedAt: p.startedAt,
    progress: (index, total) =>
      services.spreadsheet.toast(`Creating ${what} ${index + 1} of ${total}…`, 'Scorecard', 10),
    place: (id) => folder.place(id),
    opened,
  });
  // A new toast replaces the progress one, which would otherwise stay up after the batch has ended.
  if (jobs.length > 1)
    services.spreadsheet.toast(
      `Done: ${outcome.done.length} of ${plural(jobs.length, what)}.`,
      'Scorecard',
      3,
    );
  return outcome;
}

/** Who can open the new documents, and every address Google refused. */
function sharingReport(outcome: BatchOutcome): string[] {
  const lines: string[] = [];
  const done = outcome.done;
  if (done.some((d) => d.sharing.shared.length > 0))
    lines.push("The documents are shared (can edit) with each candidate's hiring manager and panel.");
  const alone = done.filter((d) => d.sharing.shared.length === 0 && d.sharing.refused.length === 0);
  if (alone.length > 0)
    lines.push(
      `Only you can open the document of ${names(alone.map((d) => d.job))} so far: name the hiring manager and panel on Candidates, then generate again (Yes) to share it.`,
    );
  const refused = done.flatMap((d) =>
    d.sharing.refused.map((r) => `${d.job.label}: ${r.email} (${r.reason})`),
  );
  if (refused.length > 0)
    lines.push(`Google would not share with these addresses; check them on Candidates:\n${bullets(refused)}`);
  return lines;
}

/**
 * The closing message: what was done, where the new documents are, what was kept, and how to continue when the
 * batch stopped early.
 */
export function report(
  outcome: BatchOutcome,
  kept: readonly DocJob[],
  what: string,
  again: string,
  folder: DocumentFolder,
): string[] {
  const lines: string[] = [];
  const count = (o: string) => outcome.done.filter((d) => d.outcome === o).length;
  const created = count('created');
  const replaced = count('replaced');
  const fresh = count('new-version');
  if (created > 0) lines.push(`Created ${plural(created, what)}.`);
  if (replaced > 0) lines.push(`Replaced ${plural(replaced, what)} (same links).`);
  if (fresh > 0)
    lines.push(
      `${plural(fresh, 'earlier document')} could not be opened with your account (not shared with you, or deleted), so new ones were made; the old links are kept: ${outcome.done
        .filter((d) => d.outcome === 'new-version')
        .map((d) => `${d.job.label}: ${documentUrl(d.job.existing!)}`)
        .join('; ')}.`,
    );
  lines.push(...sharingReport(outcome));
  lines.push(...folder.report(), ...outcome.notes);
  if (kept.length > 0) lines.push(`Kept ${plural(kept.length, 'existing document')}: ${names(kept)}.`);
  if (outcome.notStarted.length > 0) {
    const why = outcome.stoppedForTime
      ? "Stopped early to stay within Apps Script's 6-minute limit."
      : `Google Docs refused the document for ${outcome.notStarted[0].label}: ${outcome.failure}`;
    lines.push(
      `${why} Not done yet: ${names(outcome.notStarted)}.`,
      `To continue, ${again} again and answer No when asked about existing documents: only the missing ones are created.`,
    );
  }
  return lines;
}

/** The closing alert: "<title> ready", or "<title>: not finished" when the batch stopped early. */
export function showReport(
  services: Services,
  outcome: BatchOutcome,
  title: string,
  lines: readonly string[],
): void {
  services.ui.alert(
    outcome.notStarted.length > 0 ? `${title}: not finished` : `${title} ready`,
    lines.join('\n'),
    services.ui.ButtonSet.OK,
  );
}
