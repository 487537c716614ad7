/**
 * Extensions ▸ Scorecard ▸ Insights: builds the Insights sheet on first use and lays it out again after, then
 * shows it. The figures themselves are formulas (src/sheets/insights-sheet.ts), so they stay current without it.
 */
import { readCandidates } from '../sheets/candidates-sheet';
import { writeInsightsSheet } from '../sheets/insights-sheet';
import { appliedRubric, requireProcess } from '../sheets/setup';
import { runMenuAction, withDocumentLock } from './actions';
import { type Services, workbookFor } from './services';

const TITLE = 'Scorecard';

export function refreshInsightsAction(services: Services): void {
  runMenuAction(services, TITLE, () => {
    const layout = withDocumentLock(services, () => {
      const workbook = workbookFor(services);
      const process = requireProcess(workbook);
      const { layout: candidates } = readCandidates(workbook, process);
      return writeInsightsSheet(
        workbook,
        process,
        appliedRubric(workbook, process),
        candidates,
        services.spreadsheet.getSpreadsheetTimeZone(),
      );
    });
    layout.sheet.activate();
    services.spreadsheet.toast(
      'Insights is up to date: its figures are formulas, so they follow new scores by themselves.',
      TITLE,
    );
  });
}
