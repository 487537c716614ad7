/**
 * Check templates: every row of the Templates sheet is valid, and every stage's interview script and the debrief
 * have rows and render with a sample candidate.
 */
import type { Process } from '../../core/process';
import {
  DEBRIEF_STAGE,
  UPDATE_STAGE,
  selectTemplateRows,
  type TemplateRow,
} from '../../core/templates/template';
import {
  type CandidateInfo,
  renderDebriefDocument,
  renderUpdateDocument,
  renderInterviewDocument,
} from '../../core/templates/render';
import { isUserError, problemLine } from '../../core/errors';
import { appliedProcess, requireProcess } from '../../sheets/setup';
import { checkTemplatesSheet } from '../../sheets/templates-sheet';
import { runMenuAction } from '../actions';
import { type Services, workbookFor } from '../services';
import { bullets, plural } from './format';

const CHECK_TITLE = 'Check templates';

const SAMPLE_CANDIDATE: CandidateInfo = {
  id: 'C-0000',
  name: 'Sample Candidate',
  email: 'sample@example.com',
  role: 'Sample role',
  panel: [],
};

/** Beyond each row's own problems: every stage and the debrief must have rows, and must render. */
function documentProblems(process: Process, templates: readonly TemplateRow[]): string[] {
  const problems: string[] = [];
  const base = { process, templates, candidate: SAMPLE_CANDIDATE, today: '', workbookUrl: '' };
  for (const stage of process.stages) {
    if (selectTemplateRows(templates, process.id, stage.id).length === 0) {
      problems.push(
        `No rows make the ${stage.name} script: add rows with Process "${process.id}" and Stage "${stage.id}" (or "*").`,
      );
      continue;
    }
    try {
      renderInterviewDocument({ ...base, stage });
    } catch (error) {
      if (!isUserError(error, 'templates')) throw error;
      problems.push(...error.problems.map((e) => `${stage.name} script: ${problemLine(e)}`));
    }
  }
  if (selectTemplateRows(templates, process.id, DEBRIEF_STAGE).length === 0) {
    problems.push(
      `No rows make the debrief: add rows with Process "${process.id}" and Stage "${DEBRIEF_STAGE}".`,
    );
  } else {
    try {
      renderDebriefDocument({
        ...base,
        stage: process.stages[0],
        scorecards: [],
        divergent: [],
        reconciled: null,
        decision: null,
        veto: null,
        passSummary: { passes: null, reasons: [] },
      });
    } catch (error) {
      if (!isUserError(error, 'templates')) throw error;
      problems.push(...error.problems.map((e) => `Debrief: ${problemLine(e)}`));
    }
  }
  if (selectTemplateRows(templates, process.id, UPDATE_STAGE).length === 0) {
    problems.push(
      `No rows make the candidate update: add rows with Process "${process.id}" and Stage "${UPDATE_STAGE}".`,
    );
  } else {
    try {
      for (const outcome of ['advance', 'reject'] as const)
        renderUpdateDocument({ ...base, stage: process.stages[0], outcome, sharedNotes: [] });
    } catch (error) {
      if (!isUserError(error, 'templates')) throw error;
      problems.push(...error.problems.map((e) => `Candidate update: ${problemLine(e)}`));
    }
  }
  return problems;
}

export function checkTemplatesAction(services: Services): void {
  runMenuAction(services, CHECK_TITLE, () => {
    const workbook = workbookFor(services);
    const process = appliedProcess(workbook, requireProcess(workbook));
    const check = checkTemplatesSheet(workbook, services.presets().presets);
    const problems = check.ok ? documentProblems(process, check.templates) : check.problems.map(problemLine);
    const { ui } = services;
    if (problems.length === 0 && check.ok) {
      ui.alert(
        'Templates look good',
        `${plural(check.rowCount, 'template row')} checked. Every stage of the "${process.name}" process, the debrief and the candidate update have a document, ` +
          'and every placeholder is known. The next documents you generate use this wording.',
        ui.ButtonSet.OK,
      );
      return;
    }
    ui.alert(
      'Templates need fixing',
      `${plural(problems.length, 'problem')} found. Documents cannot be generated until they are fixed:\n\n${bullets(problems)}`,
      ui.ButtonSet.OK,
    );
  });
}
