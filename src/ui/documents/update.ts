/**
 * Generate candidate update: one Google Doc letter per selected candidate, from the Templates sheet's "update"
 * rows, for the outcome of the candidate's last decision: an invitation to the next stage, or a decline that
 * names what was assessed and quotes only the notes the hiring manager marked shareable. Nothing is emailed: the
 * document is shared with the hiring manager, and the team reviews and sends it themselves.
 */
import { letterSubject } from '../../core/scoring/update';
import { renderUpdateDocument } from '../../core/templates/render';
import { UserError } from '../../core/errors';
import type { DocJob } from '../../docs/batch';
import { sharingList } from '../../docs/sharing';
import { readScoreLog } from '../../sheets/score-log';
import { runMenuAction } from '../actions';
import type { Services } from '../services';
import { bullets } from './format';
import { prepare, render, renderInput } from './prepare';
import { readAskAct, report, run, showReport, workbookFolder } from './run';

const UPDATE_TITLE = 'Generate candidate update';

function updateJobs(services: Services) {
  const p = prepare(services);
  const { entries } = readScoreLog(p.workbook);
  const maker = services.activeUserEmail();
  const none: string[] = [];
  const jobs: DocJob[] = [];
  for (const candidate of p.chosen) {
    const subject = letterSubject(p.process, entries, candidate.id);
    if (subject.kind === 'none') {
      none.push(`${candidate.name}: ${subject.reason}`);
      continue;
    }
    const input = {
      ...renderInput(p, subject.stage, candidate),
      outcome: subject.outcome,
      sharedNotes: subject.sharedNotes,
    };
    jobs.push({
      key: candidate.id,
      label: candidate.name,
      doc: render(() => renderUpdateDocument(input)),
      existing: null,
      shareWith: sharingList([candidate.hiringManager], maker),
    });
  }
  if (none.length > 0) {
    throw new UserError(
      'invalid-selection',
      'Nothing was created: a candidate update reports the last decision, and some selected candidates have none to report:',
      none,
      'Record the decision in the panel view (Score candidate) first, or leave those rows out of the selection.',
    );
  }
  return { p, jobs, what: 'a candidate update', nothingLeft: 'Nothing to create.' };
}

export function generateCandidateUpdateAction(services: Services): void {
  runMenuAction(services, UPDATE_TITLE, () => {
    const folder = workbookFolder(services);
    const done = readAskAct(
      services,
      () => updateJobs(services),
      ({ p }, kept, todo, opened) => ({
        outcome: run(services, p, todo, 'candidate update', folder, opened),
        kept,
      }),
    );
    if (!done) return;
    const { outcome, kept } = done;
    const lines = report(
      outcome,
      kept,
      'candidate update',
      `select the same rows and choose ${UPDATE_TITLE}`,
      folder,
    );
    if (outcome.done.length > 0) {
      lines.push(
        `Nothing was emailed: read each letter, then send it to the candidate yourself.\n${bullets(outcome.done.map((d) => `${d.job.label}: ${d.url}`))}`,
      );
    }
    showReport(services, outcome, 'Candidate updates', lines);
  });
}
