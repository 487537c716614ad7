/** The Help dialog: a short orientation, as plain text in an alert (no HTML needed). */
import type { Services } from './services';

export const HELP_TEXT = [
  'Scorecard keeps structured hiring in this spreadsheet.',
  '',
  '1. Set up workbook: creates Candidates, one scorecard sheet per interview stage, Rubric, Templates and Pipeline. Run it again at any time to repair the workbook; it never deletes your data.',
  '2. Add candidates on the Candidates sheet; each gets an ID.',
  '3. Type scores (1–5) on a stage sheet; Average, Passes and Reason fill in.',
  '4. Edit the Rubric, then Apply rubric changes.',
  '',
  'Formulas you can use anywhere: PASSES, RUBRIC_AVERAGE, PASS_REASON and DIVERGENT (type =PASSES( to see their help).',
].join('\n');

export function showHelpDialog(services: Services): void {
  services.ui.alert('Scorecard help', HELP_TEXT, services.ui.ButtonSet.OK);
}
