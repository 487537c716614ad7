/**
 * The add-on's public surface: every function exported here becomes a top-level function in build/Code.js
 * (scripts/build.mjs copies each one's JSDoc, which Sheets reads for autocomplete). Keep this file thin:
 * it wires Apps Script entry points to the modules that do the work.
 */
import * as customFunctions from './functions';
import { addMenu, documentMenuEntries, menuLayout, remindersMenu } from './ui/menu';
import { type PresetCatalog, type PresetData, presetCatalog } from './core/presets/catalog';
import type { Services } from './ui/services';
import { applyRubricChangesAction, assignIdsOnEdit, setUpWorkbookAction } from './ui/setup-actions';
import { showHelpDialog } from './ui/help';
import type { DocsDocuments } from './docs/docs-api';
import type { DriveFiles } from './docs/folder';
import { checkTemplatesAction } from './ui/documents/check-templates';
import {
  generateDebriefAction,
  generateDebriefDocument as generateDebriefDocumentCall,
} from './ui/documents/debrief';
import { menuStageNames } from './ui/documents/menu';
import { generateScriptsAction } from './ui/documents/scripts';
import { generateCandidateUpdateAction } from './ui/documents/update';
import * as sidebar from './ui/sidebar-api';
import { sidebarCall } from './ui/errors';
import { storedSheetId } from './sheets/state';
import { refreshInsightsAction } from './ui/insights-action';
import { readReminderTrigger } from './sheets/reminders-state';
import {
  reminderMenuCaption,
  reminderTriggerRun,
  sendRemindersNowAction,
  showReminderStatusAction,
  turnOffRemindersAction,
  turnOnRemindersAction,
} from './ui/reminders';

let catalog: PresetCatalog | undefined;

/** build/Presets.html holds the presets and their templates as JSON; it is read only when an action needs them. */
function presets(): PresetCatalog {
  catalog ??= presetCatalog(
    JSON.parse(HtmlService.createHtmlOutputFromFile('Presets').getContent()) as PresetData,
  );
  return catalog;
}

/** The real services, gathered here only: everything else receives them. */
function services(): Services {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    // Asked for on use: a trigger's run has no user at the keyboard, and getUi() fails there.
    get ui() {
      return SpreadsheetApp.getUi();
    },
    documentProperties: PropertiesService.getDocumentProperties(),
    userProperties: () => PropertiesService.getUserProperties(),
    lock: LockService.getDocumentLock(),
    builders: SpreadsheetApp,
    signing: {
      hmac: (value, key) => Utilities.computeHmacSha256Signature(value, key),
      // Two random (version 4) UUIDs: 244 random bits from Google's generator.
      newKey: () => Utilities.getUuid() + Utilities.getUuid(),
    },
    activeUserEmail: () => Session.getActiveUser().getEmail(),
    now: () => new Date(),
    presets,
    sidebarPage: () => HtmlService.createHtmlOutputFromFile('Sidebar'),
    documents: DocumentApp,
    drive: driveFiles(),
    docs: docsDocuments(),
    mail: MailApp,
    scriptApp: ScriptApp,
  };
}

/** The Advanced Docs service (Docs API v1, scope documents), or undefined when it is not enabled for the script. */
function docsDocuments(): DocsDocuments | undefined {
  return typeof Docs === 'undefined' || !Docs ? undefined : (Docs.Documents as unknown as DocsDocuments);
}

/**
 * The Advanced Drive service (Drive API v3, scope drive.file), or undefined when it is not enabled for the
 * script: the `Drive` global then does not exist, and documents stay in My Drive.
 */
function driveFiles(): DriveFiles | undefined {
  // mediaData is passed as null (no upload); the typings only list the Blob overload.
  return typeof Drive === 'undefined' || !Drive ? undefined : (Drive.Files as unknown as DriveFiles);
}

/**
 * Builds the Extensions ▸ Scorecard menu. Before the add-on is authorised in this document (AuthMode.NONE) it
 * must not touch the document or properties, so it only adds items that need no authorisation to show.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const limited = e !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  const extra = limited
    ? []
    : [
        ...documentMenuEntries(menuStageNames(services())),
        ...remindersMenu(reminderMenuCaption(readReminderTrigger(PropertiesService.getDocumentProperties()))),
      ];
  addMenu(SpreadsheetApp.getUi(), menuLayout(limited, extra));
}

/** Runs when the add-on is installed from the Marketplace: shows the menu at once, as onOpen would. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/**
 * Simple trigger: new candidate rows get their IDs as soon as they are typed or pasted. Runs with limited
 * authorisation, so it only touches this spreadsheet; if anything fails, the next menu action catches up. It
 * runs on every edit anywhere, so finding out whether Candidates was edited takes three service calls (the
 * edited sheet's id and one document property) and nothing else — no presets, no other services.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || e.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    const candidates = storedSheetId(PropertiesService.getDocumentProperties(), 'candidates');
    if (candidates === undefined || e.range.getGridId() !== candidates) return;
    // A single typed cell (Sheets gives e.value only then) may be a scheduled interview worth a word of warning.
    assignIdsOnEdit(
      services(),
      e.value === undefined ? undefined : { row: e.range.getRow(), column: e.range.getColumn() },
    );
  } catch (error) {
    console.warn(
      `Scorecard could not assign IDs on edit: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Menu: builds the workbook on the first run, repairs it on later runs and lists what it repaired. */
export function setUpWorkbook(): void {
  setUpWorkbookAction(services());
}

/** Menu: makes the scorecard sheets follow the Rubric sheet. */
export function applyRubricChanges(): void {
  applyRubricChangesAction(services());
}

/** Menu: builds or refreshes the Insights sheet (pipeline, interviewer calibration, rubric reliability). */
export function refreshInsights(): void {
  refreshInsightsAction(services());
}

/** Menu: what Scorecard does and where to start. */
export function showHelp(): void {
  showHelpDialog(services());
}

// Documents

/** Menu: Generate interview script ▸ stage 1, for the selected candidate rows. */
export function generateScriptStage1(): void {
  generateScriptsAction(services(), 1);
}

/** Menu: Generate interview script ▸ stage 2, for the selected candidate rows. */
export function generateScriptStage2(): void {
  generateScriptsAction(services(), 2);
}

/** Menu: Generate interview script ▸ stage 3, for the selected candidate rows. */
export function generateScriptStage3(): void {
  generateScriptsAction(services(), 3);
}

/** Menu: Generate interview script ▸ stage 4, for the selected candidate rows. */
export function generateScriptStage4(): void {
  generateScriptsAction(services(), 4);
}

/** Menu: Generate interview script ▸ stage 5, for the selected candidate rows. */
export function generateScriptStage5(): void {
  generateScriptsAction(services(), 5);
}

/** Menu: Generate interview script ▸ stage 6, for the selected candidate rows. */
export function generateScriptStage6(): void {
  generateScriptsAction(services(), 6);
}

/** Menu: a debrief document (all scorecards, divergences, decision) for the selected candidates. */
export function generateDebrief(): void {
  generateDebriefAction(services());
}

/** Menu: a letter per selected candidate (a Google Doc to review and send yourself) about their last decision. */
export function generateCandidateUpdate(): void {
  generateCandidateUpdateAction(services());
}

/** Menu: validates the Templates sheet and lists every problem with its cell. */
export function checkTemplates(): void {
  checkTemplatesAction(services());
}

// Reminders

/** Menu: Reminders ▸ Turn on… — one daily digest trigger, at the hour asked, owned by the clicking account. */
export function turnOnReminders(): void {
  turnOnRemindersAction(services());
}

/** Menu: Reminders ▸ Turn off — removes the clicking account's reminder trigger. */
export function turnOffReminders(): void {
  turnOffRemindersAction(services());
}

/** Menu: Reminders ▸ Status — whether reminders are on, when, and which account owns the trigger. */
export function showReminderStatus(): void {
  showReminderStatusAction(services());
}

/** Menu: Reminders ▸ Send reminders now — today's digests, from the clicking account (never twice a day). */
export function sendRemindersNow(): void {
  sendRemindersNowAction(services());
}

/** The daily trigger's function: sends the digests as the trigger's owner, with no user at the keyboard. */
export function sendReminderDigests(e?: GoogleAppsScript.Events.TimeDriven): void {
  reminderTriggerRun(services(), e?.triggerUid);
}

// Sidebar: the only functions google.script.run may call. Each parses its payload with the shared contract, and
// sidebarCall shows the page a user's error as written and anything else as "Something went wrong".

/** Menu: opens the Score candidate sidebar for the selected row. */
export function showScoringSidebar(): void {
  const s = services();
  s.ui.showSidebar(s.sidebarPage().setTitle('Score candidate').setWidth(300));
}

/** Sidebar: the candidate, stage, rubric and the viewer's own scorecard (never anyone else's). */
export function getScoringContext(request: unknown): unknown {
  return sidebarCall(() => sidebar.getScoringContext(services(), request));
}

/** Sidebar: records the viewer's scorecard as a new version in the Score log. */
export function submitScorecard(request: unknown): unknown {
  return sidebarCall(() => sidebar.submitScorecard(services(), request));
}

/** Sidebar: every interviewer's latest scores, divergences and the pass decision, once the viewer may see them. */
export function getPanel(request: unknown): unknown {
  return sidebarCall(() => sidebar.getPanel(services(), request));
}

/** Sidebar: the hiring manager's reconciled scores and decision. */
export function recordDecision(request: unknown): unknown {
  return sidebarCall(() => sidebar.recordDecision(services(), request));
}

/** Sidebar: the second interviewer's culture-fit veto. */
export function recordVeto(request: unknown): unknown {
  return sidebarCall(() => sidebar.recordVeto(services(), request));
}

/** Sidebar: the veto holder withdraws their culture-fit veto (recorded; the veto stays on record). */
export function withdrawVeto(request: unknown): unknown {
  return sidebarCall(() => sidebar.withdrawVeto(services(), request));
}

/** Sidebar: the hiring manager marks an interviewer's note as one a candidate update letter may quote. */
export function markNoteShareable(request: unknown): unknown {
  return sidebarCall(() => sidebar.markNoteShareable(services(), request));
}

/** Sidebar: the hiring manager in force (or the owner) confirms the hiring manager and panel the row now names. */
export function confirmHiringManager(request: unknown): unknown {
  return sidebarCall(() => sidebar.confirmHiringManager(services(), request));
}

/** Sidebar: the panel view's debrief document for a candidate and stage, rewritten in place if one exists. */
export function generateDebriefDocument(request: unknown): unknown {
  return sidebarCall(() => generateDebriefDocumentCall(services(), request));
}

// Custom functions

/**
 * Whether each candidate passes the rubric: average at least min_average, every score at least min_category,
 * every key-risk score at least min_key_risk. Blank while any score is missing.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @param {Array<Array<boolean|string>>} key_risk Optional. One row as wide as scores; TRUE, "key risk" or "yes" marks a key-risk category.
 * @param {number} min_average Optional. Lowest passing average (default 4).
 * @param {number} min_category Optional. Lowest passing score in any category (default 3).
 * @param {number} min_key_risk Optional. Lowest passing score in a key-risk category (default 4).
 * @return {boolean|Array<Array<boolean|string>>} TRUE or FALSE per row, blank if pending; a column for a block.
 * @customfunction
 */
export function PASSES(
  scores: unknown,
  key_risk?: unknown,
  min_average?: unknown,
  min_category?: unknown,
  min_key_risk?: unknown,
): unknown {
  return customFunctions.PASSES(scores, key_risk, min_average, min_category, min_key_risk);
}

/**
 * The mean of each row's scores, ignoring blanks; blank when a row has no score yet.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @return {number|Array<Array<number|string>>} The average per row; a column for a block.
 * @customfunction
 */
export function RUBRIC_AVERAGE(scores: unknown): unknown {
  return customFunctions.RUBRIC_AVERAGE(scores);
}

/**
 * Explains the pass decision in words: that the row passes, every reason it fails, or how many scores are missing.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @param {Array<Array<boolean|string>>} key_risk Optional. One row as wide as scores; TRUE, "key risk" or "yes" marks a key-risk category.
 * @param {number} min_average Optional. Lowest passing average (default 4).
 * @param {number} min_category Optional. Lowest passing score in any category (default 3).
 * @param {number} min_key_risk Optional. Lowest passing score in a key-risk category (default 4).
 * @param {string[][]} category_names Optional. One row of category names, used in the reasons.
 * @return {string|string[][]} The decision in words per row; a column for a block.
 * @customfunction
 */
export function PASS_REASON(
  scores: unknown,
  key_risk?: unknown,
  min_average?: unknown,
  min_category?: unknown,
  min_key_risk?: unknown,
  category_names?: unknown,
): unknown {
  return customFunctions.PASS_REASON(
    scores,
    key_risk,
    min_average,
    min_category,
    min_key_risk,
    category_names,
  );
}

/**
 * Lists the categories where interviewers disagree by more than max_gap points, to discuss before deciding.
 *
 * @param {number[][]} interviewer_scores One interviewer per row, one category per column; blanks are ignored.
 * @param {string[][]} category_names Optional. One row of category names (default "Category 1", "Category 2", ...).
 * @param {number} max_gap Optional. Largest gap that needs no discussion (default 1).
 * @return {string} The divergent categories joined with ", "; blank when the panel agrees.
 * @customfunction
 */
export function DIVERGENT(interviewer_scores: unknown, category_names?: unknown, max_gap?: unknown): unknown {
  return customFunctions.DIVERGENT(interviewer_scores, category_names, max_gap);
}

/**
 * How far interviewers agree on the same candidates beyond chance: Krippendorff's alpha, blanks allowed.
 *
 * @param {number[][]} ratings Scores from 1 to 5: one candidate per row, one interviewer per column; blank where an interviewer did not score.
 * @param {string} level Optional. "interval" (default), "ordinal" or "nominal".
 * @return {number|string} Alpha: 1 is perfect agreement, 0 agreement by chance; blank with fewer than two candidates scored twice or no spread.
 * @customfunction
 */
export function AGREEMENT(ratings: unknown, level?: unknown): unknown {
  return customFunctions.AGREEMENT(ratings, level);
}

/**
 * How far one interviewer scores above (lenient) or below (severe) the panel: the mean difference where both scored.
 *
 * @param {number[][]} interviewer_scores The interviewer's scores from 1 to 5, one candidate per row; blanks are skipped.
 * @param {number[][]} panel_scores The panel's scores on the same candidates (e.g. the other interviewers' mean), the same shape.
 * @return {number|string} The mean of interviewer minus panel over the cells both hold; blank when they share none.
 * @customfunction
 */
export function CALIBRATION(interviewer_scores: unknown, panel_scores: unknown): unknown {
  return customFunctions.CALIBRATION(interviewer_scores, panel_scores);
}

/**
 * The Insights sheet's pipeline table: per stage, candidates who reached it, are in it, passed, were rejected, withdrew, the pass-through rate and the median days from first scorecard to decision.
 *
 * @param {string[][]} stages One row per stage: stage id, stage name, optional (TRUE/FALSE).
 * @param {string[][]} candidates The Candidates sheet's columns with its header row, e.g. Candidates!A:Z.
 * @param {string[][]} score_log The Score log sheet's columns with its header row, e.g. 'Score log'!A:J.
 * @param {string} time_zone Optional: the spreadsheet's time zone, in which days are counted (default Etc/UTC).
 * @return {Array<Array<number|string>>} Seven figures per stage; blank where there is nothing to count yet.
 * @customfunction
 */
export function INSIGHTS_PIPELINE(
  stages: unknown,
  candidates: unknown,
  score_log: unknown,
  time_zone?: unknown,
): unknown {
  return customFunctions.INSIGHTS_PIPELINE(stages, candidates, score_log, time_zone);
}

/**
 * The Insights sheet's rubric reliability: per stage and category, Krippendorff's alpha across interviewers, the candidates it rests on and what it says.
 *
 * @param {string[][]} categories One row per category: stage id, stage name, category id, category name.
 * @param {string[][]} score_log The Score log sheet's columns with its header row, e.g. 'Score log'!A:J.
 * @return {Array<Array<number|string>>} Alpha (blank when it cannot be computed), candidates, and the verdict in words.
 * @customfunction
 */
export function INSIGHTS_RELIABILITY(categories: unknown, score_log: unknown): unknown {
  return customFunctions.INSIGHTS_RELIABILITY(categories, score_log);
}

/**
 * The Insights sheet's interviewer calibration: one row per interviewer and category, with their offset from the rest of the panel, how often they matched the decision and how fast they submit.
 *
 * @param {string[][]} categories One row per category: stage id, stage name, category id, category name.
 * @param {string[][]} candidates The Candidates sheet's columns with its header row (for the "<Stage> scheduled" dates).
 * @param {string[][]} score_log The Score log sheet's columns with its header row, e.g. 'Score log'!A:J.
 * @param {string} time_zone Optional: the spreadsheet's time zone, for scheduled dates typed as text (default Etc/UTC).
 * @return {Array<Array<number|string>>} Interviewer, stage, category, scorecards, mean score, offset, shared candidates, mark, decisions matched, median hours.
 * @customfunction
 */
export function INSIGHTS_CALIBRATION(
  categories: unknown,
  candidates: unknown,
  score_log: unknown,
  time_zone?: unknown,
): unknown {
  return customFunctions.INSIGHTS_CALIBRATION(categories, candidates, score_log, time_zone);
}
