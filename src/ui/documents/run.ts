/**
 * Running a batch of documents: one question about documents that already exist, the batch itself with progress
 * toasts (new documents go into the workbook's Drive folder, src/docs/folder.ts), and the closing message.
 */
import { type BatchOutcome, type DocJob, runBatch } from '../../docs/batch';
import { type DocumentFolder, documentFolder } from '../../docs/folder';
import { documentWriter } from '../../docs/writer';
import type { Services } from '../services';
import { names, plural } from './format';
import type { Prepared } from './prepare';

type Choice = 'replace' | 'keep' | 'cancel';

/** One question for the whole batch when some candidates already have the document: never silently duplicates. */
function askAboutExisting(services: Services, jobs: readonly DocJob[], what: string): Choice {
  const existing = jobs.filter((j) => j.existing !== null);
  if (existing.length === 0) return 'keep';
  const { ui } = services;
  const who =
    jobs.length === 1
      ? `${existing[0].label} already has ${what}.`
      : `${existing.length} of the ${jobs.length} selected candidates already have ${what}: ${names(existing)}.`;
  const answer = ui.alert(
    'Replace existing documents?',
    `${who}\n\nYes: replace ${existing.length === 1 ? 'it' : 'them'} (rewritten in place, same link; the earlier text stays in the document's version history).\n` +
      `No: keep ${existing.length === 1 ? 'it' : 'them'} and create only the missing ones.\n` +
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

/**
 * Asks about existing documents (see askAboutExisting) and splits the jobs into those to run and those kept.
 * Undefined, after a toast saying so, when the user cancelled or there is nothing left to create (`nothingLeft`).
 */
export function jobsToRun(
  services: Services,
  jobs: readonly DocJob[],
  what: string,
  nothingLeft: string,
): { kept: readonly DocJob[]; todo: readonly DocJob[] } | undefined {
  const choice = askAboutExisting(services, jobs, what);
  if (choice === 'cancel') {
    toastCancelled(services);
    return undefined;
  }
  const kept = choice === 'keep' ? jobs.filter((j) => j.existing !== null) : [];
  const todo = choice === 'keep' ? jobs.filter((j) => j.existing === null) : jobs;
  if (todo.length === 0) {
    services.spreadsheet.toast(nothingLeft, 'Scorecard');
    return undefined;
  }
  return { kept, todo };
}

/** The workbook's Drive folder for this action's new documents (looked up or made on the first one). */
export function workbookFolder(services: Services): DocumentFolder {
  return documentFolder({
    drive: services.drive,
    properties: services.documentProperties,
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
): BatchOutcome {
  const outcome = runBatch({
    writer: documentWriter({ app: services.documents, docs: services.docs, page: p.page }),
    jobs,
    now: services.now,
    startedAt: p.startedAt,
    progress: (index, total) =>
      services.spreadsheet.toast(`Creating ${what} ${index + 1} of ${total}…`, 'Scorecard', 10),
    place: (id) => folder.place(id),
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
      `${plural(fresh, 'earlier document')} could not be opened (deleted, or not shared with you), so new ones were made and the old links replaced.`,
    );
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
