/**
 * What a batch of interview scripts or debriefs needs, read, checked and rendered before anything is created, so
 * bad templates or a bad selection create nothing.
 */
import type { Candidate } from '../../core/candidates';
import type { Process, Stage } from '../../core/process';
import type { TemplateRow } from '../../core/templates/template';
import type { CandidateInfo, RenderInput } from '../../core/templates/render';
import type { InterviewDocument } from '../../core/templates/document';
import { type PageSetup, pageSetup, paperForLocale } from '../../core/templates/page';
import { type CandidatesRead, selectedCandidates } from '../../docs/selection';
import { readCandidates } from '../../sheets/candidates-sheet';
import { UserError, isUserError } from '../../core/errors';
import type { Workbook } from '../../sheets/workbook';
import { appliedProcess, requireProcess } from '../../sheets/setup';
import { readTemplates } from '../../sheets/templates-sheet';
import { type Services, workbookFor } from '../services';
import { formatInZone, plural } from './format';

export interface Prepared {
  readonly startedAt: number;
  readonly workbook: Workbook;
  /** The process as the workbook applies it (see appliedProcess). */
  readonly process: Process;
  readonly templates: TemplateRow[];
  readonly read: CandidatesRead;
  readonly chosen: Candidate[];
  readonly timeZone: string;
  readonly today: string;
  readonly workbookUrl: string;
  /** Portrait A4, or Letter where the spreadsheet's locale prints on Letter. */
  readonly page: PageSetup;
}

/**
 * Everything a batch needs, read and checked before anything is created. The candidates are the selected rows,
 * or the one with `candidateId` (the sidebar names its candidate).
 */
export function prepare(
  services: Services,
  options: { stagePosition?: number; candidateId?: string } = {},
): Prepared & { stage?: Stage } {
  const { stagePosition, candidateId } = options;
  const startedAt = services.now().getTime();
  const workbook = workbookFor(services);
  const base = requireProcess(workbook);
  let stage: Stage | undefined;
  if (stagePosition !== undefined) {
    stage = base.stages[stagePosition - 1];
    if (!stage) {
      throw new UserError(
        'invalid-request',
        `This workbook's process has ${plural(base.stages.length, 'stage')}, so there is no stage ${stagePosition}. ` +
          'Reload the spreadsheet to refresh the Scorecard menu. Nothing was created.',
      );
    }
  }
  const process = appliedProcess(workbook, base);
  const templates = readTemplates(workbook, services.presets().presets);
  const read = readCandidates(workbook, base);
  const chosen =
    candidateId === undefined
      ? selectedCandidates(services.spreadsheet, workbook, base, read)
      : [namedCandidate(read, candidateId)];
  const timeZone = services.spreadsheet.getSpreadsheetTimeZone();
  return {
    startedAt,
    workbook,
    process,
    stage: stage ? process.stages[stagePosition! - 1] : undefined,
    templates,
    read,
    chosen,
    timeZone,
    today: formatInZone(services.now(), timeZone, false),
    workbookUrl: services.spreadsheet.getUrl(),
    page: pageSetup(paperForLocale(services.spreadsheet.getSpreadsheetLocale())),
  };
}

function namedCandidate(read: CandidatesRead, candidateId: string): Candidate {
  const candidate = read.candidates.find((c) => c.id === candidateId.trim());
  if (!candidate)
    throw new UserError(
      'not-found',
      `There is no candidate with the ID "${candidateId}" on the Candidates sheet.`,
    );
  return candidate;
}

function candidateInfo(c: Candidate): CandidateInfo {
  return { id: c.id, name: c.name, email: c.email, role: c.role, panel: [...c.panel] };
}

export function renderInput(p: Prepared, stage: Stage, candidate: Candidate): RenderInput {
  return {
    process: p.process,
    stage,
    templates: p.templates,
    candidate: candidateInfo(candidate),
    today: p.today,
    workbookUrl: p.workbookUrl,
  };
}

/** Renders, turning template problems into a message that creates nothing. */
export function render(what: () => InterviewDocument): InterviewDocument {
  try {
    return what();
  } catch (error) {
    if (isUserError(error, 'templates')) {
      throw new UserError(
        'templates',
        'No document was created: the templates cannot be rendered. Fix the Templates sheet (Check templates helps), then try again.',
        error.problems,
      );
    }
    throw error;
  }
}
