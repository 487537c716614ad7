/**
 * Generate interview script ▸ Stage n: one interview script per selected candidate, its link written to the
 * candidate's script column on the Candidates sheet. Reads the sheet a constant number of times (Templates once,
 * Candidates once before and once right before writing the links) and writes the links in one call.
 */
import { stageScriptHeader } from '../../core/candidates';
import { renderInterviewDocument } from '../../core/templates/render';
import type { BatchOutcome, DocJob } from '../../docs/batch';
import { writeScriptLinks } from '../../docs/links';
import { documentIdFromUrl } from '../../docs/writer';
import { sharingList } from '../../docs/sharing';
import { runMenuAction } from '../actions';
import type { Services } from '../services';
import { bullets } from './format';
import { prepare, render, renderInput } from './prepare';
import { readAskAct, report, run, showReport, workbookFolder } from './run';

const SCRIPT_TITLE = 'Generate interview script';

/** The selected candidates' interview scripts for a stage, read and rendered (nothing created yet). */
function scriptJobs(services: Services, stagePosition: number) {
  const p = prepare(services, { stagePosition });
  const stage = p.stage!;
  const column = p.read.layout.columns[`script:${stage.id}`];
  const rowsById = new Map(p.read.candidates.map((c) => [c.id, p.read.rows[c.row - p.read.layout.firstRow]]));
  const maker = services.activeUserEmail();
  const jobs: DocJob[] = p.chosen.map((candidate) => ({
    key: candidate.id,
    label: candidate.name,
    doc: render(() => renderInterviewDocument(renderInput(p, stage, candidate))),
    existing: column === undefined ? null : documentIdFromUrl(rowsById.get(candidate.id)?.[column]),
    // The people who run the interview and decide: they open the link in the row.
    shareWith: sharingList([candidate.hiringManager, ...candidate.panel], maker),
  }));
  const what = `a ${stage.name} script`;
  return {
    p,
    stage,
    jobs,
    what,
    nothingLeft: `Nothing to create: the selected candidates already have ${what}.`,
  };
}

export function generateScriptsAction(services: Services, stagePosition: number): void {
  runMenuAction(services, SCRIPT_TITLE, () => {
    const folder = workbookFolder(services);
    const done = readAskAct(
      services,
      () => scriptJobs(services, stagePosition),
      ({ p, stage }, kept, todo, opened) => {
        let outcome: BatchOutcome | undefined;
        let lost: { label: string; url: string }[];
        try {
          outcome = run(services, p, todo, 'interview script', folder, opened);
        } finally {
          // Links to what was made are kept even if the batch stopped with an error.
          const made = outcome?.done ?? [];
          try {
            lost = writeScriptLinks(p.workbook, p.process, stage, made, {
              user: services.activeUserEmail(),
              day: p.today,
            }).map((d) => ({
              label: d.job.label,
              url: d.url,
            }));
          } catch {
            lost = made.map((d) => ({ label: d.job.label, url: d.url }));
          }
        }
        return { outcome, lost, kept, stage };
      },
    );
    if (!done) return;
    const { outcome, lost, kept, stage } = done;
    const lines = report(
      outcome,
      kept,
      `${stage.name} script`,
      `select the same rows and choose ${SCRIPT_TITLE} ▸ Stage ${stagePosition}`,
      folder,
    );
    if (outcome.done.length > 0 && lost.length < outcome.done.length)
      lines.push(`The links are in the "${stageScriptHeader(stage)}" column.`);
    if (lost.length > 0)
      lines.push(
        `These candidates' rows could not be found to hold the link, so here they are:\n${bullets(lost.map((l) => `${l.label}: ${l.url}`))}`,
      );
    showReport(services, outcome, 'Interview scripts', lines);
  });
}
