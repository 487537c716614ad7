/**
 * Longer prose the add-on shows only now and then: what Set up workbook writes into the sheets (the Pipeline
 * guide, notes on Candidates headers) and the Help dialog. Like the presets it lives in build/Presets.html
 * rather than in build/Code.js, which Apps Script evaluates on every execution, custom functions included; the
 * few actions that need it read it (see PresetData in presets/catalog.ts).
 */

export interface Texts {
  /** The guide under the Pipeline table, one line per row; the first is its title. */
  readonly pipelineGuide: readonly string[];
  /** Added to the guide when the process names no service level for some stages: {process}, {stages}. */
  readonly pipelineUnset: string;
  /** Notes on the Candidates headers whose cells stay blank until a stage has a service level. */
  readonly nextStepDueNote: string;
  readonly overdueNote: string;
  /** Extensions ▸ Scorecard ▸ Help, as plain text. */
  readonly help: string;
}

export const TEXTS: Texts = {
  pipelineGuide: [
    'How this sheet works',
    'Service level: how long a candidate may stay in a stage before the next step is overdue, in business days (B) or hours (C). Your figures are kept when the workbook is repaired.',
    'Promise: that service level in words.',
    'Overdue: Active candidates past their Next step due (on Candidates: the day they entered the stage plus its service level). Without a service level a stage has no due date, so nobody in it is overdue.',
    'Scored, Passed, Pass rate: rows of the stage’s scorecard sheet with every category scored.',
    'Scorecards (after the interview): how many hours after a scheduled interview each interviewer’s scorecard is due (column C; 24 when blank). The daily reminders count late scorecards from it.',
  ],
  pipelineUnset: '{process} sets no service level for {stages}: type figures your team can keep.',
  nextStepDueNote:
    "The day the candidate entered the stage plus the stage's service level (Pipeline sheet); blank while it has none.",
  overdueNote:
    'TRUE for an Active candidate past the Next step due. Set service levels on the Pipeline sheet.',
  help: [
    'Scorecard keeps structured hiring in this spreadsheet.',
    '',
    '1. Set up workbook creates Candidates, a scorecard sheet per interview stage, Rubric, Templates and Pipeline. Run it again at any time: it repairs the workbook and never deletes your data.',
    '2. Add candidates on the Candidates sheet; each gets an ID.',
    "3. Score candidate (select the candidate's row first) opens a sidebar: a score from 1 to 5 and a note per category, and your recommendation. Nobody's scores are shown to you until you have submitted yours.",
    '4. The panel, in the same sidebar, puts every scorecard side by side, flags categories where interviewers differ by more than 1 point, and lets the hiring manager record the agreed scores and the decision.',
    '5. Generate interview script ▸ a stage makes a Google Doc for each selected candidate, with the agenda, the questions, room for notes and the scoring table; Generate debrief sums a stage up once the panel has scored. Their wording is on the Templates sheet, and Check templates finds mistakes in it.',
    '6. Scores typed on a stage sheet work too: Average, Passes and Reason fill in. Edit the Rubric, then Apply rubric changes. Service levels (for Overdue) are on the Pipeline sheet.',
    '7. Insights builds an Insights sheet from the published scorecards: where candidates wait, which interviewers score above or below the rest of the panel, and which rubric categories interviewers agree on. Its figures are formulas, so they follow new scores.',
    '',
    'Formulas you can use in any cell: PASSES, RUBRIC_AVERAGE, PASS_REASON, DIVERGENT, AGREEMENT and CALIBRATION. Type =PASSES( to see its help.',
  ].join('\n'),
};
