/**
 * The stage sheet as a person sees it in the preview: the "Scores held" column Scorecard writes, next to the
 * Reason. Saves test-artifacts/10/stage-sheet.png for review.
 */
import { cellSel, openPreview, openSheet, screenshot, type PreviewBrowser } from './support';

let browser: PreviewBrowser;

beforeAll(async () => {
  browser = await openPreview();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

test('the scorecard sheet shows its "Scores held" column beside Reason', async () => {
  const { page } = browser;
  await openSheet(page, 'S1 Screening');
  const header = await page.$$eval('td[data-a1$="2"]', (cells) => cells.map((c) => c.textContent ?? ''));
  expect(header).toContain('Scores held');
  await page.locator(cellSel('I2')).scrollIntoViewIfNeeded();
  await screenshot(page, '10/stage-sheet.png');
});
