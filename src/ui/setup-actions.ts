/**
 * Menu handlers for the workbook: Set up workbook (first run asks which process), Apply rubric changes, and
 * the simple onEdit trigger that gives new candidate rows their IDs.
 */
import { DEFAULT_PRESET_ID } from '../core/presets/catalog';
import { applyRubricChanges } from '../sheets/apply-rubric';
import { type CandidatesLayout, assignCandidateIds, readCandidates } from '../sheets/candidates-sheet';
import { stageScheduledHeader } from '../core/candidates';
import { parseDateTimeCell } from '../core/cells';
import type { Process } from '../core/process';
import { scheduledInPastWarning } from '../core/reminders/schedule';
import { cellName } from '../core/table';
import { UserError } from '../core/errors';
import { listNewCandidates, setUpWorkbook, workbookProcess } from '../sheets/setup';
import { runMenuAction, withDocumentLock } from './actions';
import { addMenu, documentMenuEntries, menuLayout } from './menu';
import { type Services, workbookFor } from './services';

const TITLE = 'Scorecard';

/** Asks which preset to use; undefined when the user cancels. */
function askForPreset(services: Services): string | undefined {
  const { ui } = services;
  const PRESETS = services.presets().presets;
  const choices = PRESETS.map(
    (p, i) => `${i + 1}. ${p.name}${p.id === DEFAULT_PRESET_ID ? ' (default)' : ''}`,
  ).join('\n');
  const response = ui.prompt(
    'Set up Scorecard',
    `Which hiring process should this workbook follow? Type its number, or leave it blank for the default.\n\n${choices}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return undefined;
  const answer = response.getResponseText().trim();
  if (answer === '') return DEFAULT_PRESET_ID;
  const byNumber = /^\d+$/.test(answer) ? PRESETS[Number(answer) - 1] : undefined;
  const byId = PRESETS.find(
    (p) => p.id === answer.toLowerCase() || p.name.toLowerCase() === answer.toLowerCase(),
  );
  const chosen = byNumber ?? byId;
  if (!chosen) {
    throw new UserError(
      'invalid-request',
      `"${answer}" is not one of the processes listed (type a number from 1 to ${PRESETS.length}). Nothing was changed.`,
    );
  }
  return chosen.id;
}

export function setUpWorkbookAction(services: Services): void {
  runMenuAction(services, TITLE, () => {
    // Ask first (the lock would not survive the prompt), then lock and read the workbook again.
    const askedFirst = !workbookProcess(workbookFor(services));
    const presetId = askedFirst ? askForPreset(services) : undefined;
    if (askedFirst && presetId === undefined) {
      services.spreadsheet.toast('Set up cancelled. Nothing was changed.', TITLE);
      return;
    }
    const { result, setUpMeanwhile } = withDocumentLock(services, () => {
      const workbook = workbookFor(services);
      const meanwhile = askedFirst && workbookProcess(workbook) !== undefined;
      return { result: setUpWorkbook(workbook, presetId, services.now()), setUpMeanwhile: meanwhile };
    });
    // The document items name the process's stages: show them now rather than at the next reopen.
    addMenu(services.ui, menuLayout(false, documentMenuEntries(result.process.stages.map((s) => s.name))));
    const ids =
      result.candidatesWithNewIds > 0 ? ` ${result.candidatesWithNewIds} candidate(s) got an ID.` : '';
    const notes = result.notes.length > 0 ? `\n\nPlease check:\n• ${result.notes.join('\n• ')}` : '';
    if (setUpMeanwhile) {
      services.ui.alert(
        'Scorecard is ready',
        `This workbook was set up by someone else while you were choosing: it follows "${result.process.name}"; nothing was built twice.${result.repairs.length > 0 ? `\n\n• ${result.repairs.join('\n• ')}` : ''}${ids}${notes}`,
        services.ui.ButtonSet.OK,
      );
    } else if (result.firstRun) {
      services.ui.alert(
        'Scorecard is ready',
        `This workbook now follows the "${result.process.name}" process: a Candidates sheet, one scorecard sheet per stage, ` +
          `the Rubric, Templates, Pipeline and a hidden Score log. Add candidates on the Candidates sheet to begin.${ids}${notes}`,
        services.ui.ButtonSet.OK,
      );
    } else if (result.repairs.length > 0) {
      services.ui.alert(
        'Scorecard repaired the workbook',
        `• ${result.repairs.join('\n• ')}${ids}${notes}`,
        services.ui.ButtonSet.OK,
      );
    } else if (notes) {
      services.ui.alert('Scorecard', `Nothing needed repair.${ids}${notes}`, services.ui.ButtonSet.OK);
    } else {
      services.spreadsheet.toast(`Everything was already in place; nothing needed repair.${ids}`, TITLE);
    }
  });
}

export function applyRubricChangesAction(services: Services): void {
  runMenuAction(services, TITLE, () => {
    const changes = withDocumentLock(services, () =>
      applyRubricChanges(workbookFor(services), services.now()),
    );
    if (changes.length === 0)
      services.spreadsheet.toast('The scorecard sheets already match the Rubric.', TITLE);
    else services.ui.alert('Rubric changes applied', `• ${changes.join('\n• ')}`, services.ui.ButtonSet.OK);
  });
}

export const NEEDS_SET_UP_TOAST =
  'New candidates go past the rows set up: run Extensions ▸ Scorecard ▸ Set up workbook to extend the formulas to them.';

/**
 * Simple onEdit trigger, once main.ts knows the Candidates sheet was edited: named rows without an ID get one at
 * once, and every scorecard sheet gets a row for them. A simple trigger has 30 seconds and runs on every edit, so
 * it never runs a whole set-up: when the new rows go past what set-up covers, a toast asks for Set up workbook.
 * If the trigger cannot run (e.g. the add-on is not yet used in this document, or another action holds the lock),
 * the next Set up workbook or the sidebar assigns the IDs instead.
 */
export function assignIdsOnEdit(services: Services, edited?: EditedCell): void {
  const workbook = workbookFor(services);
  const process = workbookProcess(workbook);
  if (!process) return;
  const warning = withDocumentLock(services, () => {
    const { layout, rows } = readCandidates(workbook, process);
    const scheduled = edited ? scheduledWarning(services, process, layout, rows, edited) : null;
    const { assigned, ids } = assignCandidateIds({ workbook, process, now: services.now() }, layout, rows);
    if (assigned === 0) return scheduled;
    const { needsSetUp } = listNewCandidates(workbook, process, ids, layout.lastGridRow);
    workbook.state.save();
    if (needsSetUp) services.spreadsheet.toast(NEEDS_SET_UP_TOAST, TITLE, 15);
    return scheduled;
  });
  if (warning) services.spreadsheet.toast(warning, 'Interview scheduled', 15);
}

/** The one cell a user typed into (Sheets passes e.value only for a single-cell edit). */
export interface EditedCell {
  readonly row: number;
  readonly column: number;
}

/**
 * A typed "<Stage> scheduled" cell that is not a date and time, or whose time has already passed (a typo in the
 * day, month or year, as a rule): what to tell the person who typed it. From the rows already read: no extra call.
 */
function scheduledWarning(
  services: Services,
  process: Process,
  layout: CandidatesLayout,
  rows: readonly (readonly unknown[])[],
  edited: EditedCell,
): string | null {
  const stage = process.stages.find((s) => layout.columns[`scheduled:${s.id}`] === edited.column - 1);
  const row = rows[edited.row - layout.firstRow];
  if (!stage || !row) return null;
  const timeZone = services.spreadsheet.getSpreadsheetTimeZone();
  const cell = `${layout.sheet.getName()}!${cellName(edited.column - 1, edited.row)}`;
  const parsed = parseDateTimeCell(row[edited.column - 1], timeZone);
  if (parsed.kind === 'invalid') return `${cell} (${stageScheduledHeader(stage)}) ${parsed.problem}.`;
  if (parsed.kind !== 'dateTime') return null;
  const past = scheduledInPastWarning(parsed.value, services.now(), timeZone);
  return past === null ? null : `${cell} (${stageScheduledHeader(stage)}): ${past}`;
}
