/**
 * Insights in the local preview: the sample workbook's Insights sheet with its charts drawn over the grid, and
 * the funnel's bars carrying the numbers the sheet's cells show.
 */
import * as path from 'node:path';
import { INSIGHTS_CHART_TITLES } from '../../src/sheets/insights-sheet';
import {
  ARTIFACTS,
  type PreviewBrowser,
  findCell,
  menu,
  openPreview,
  openSheet,
  screenshot,
} from './support';

describe('Insights in the preview', () => {
  let browser: PreviewBrowser;
  beforeAll(async () => {
    browser = await openPreview();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the funnel with the sample numbers, beside the tables', async () => {
    const { page } = browser;
    await openSheet(page, 'Insights');
    const funnel = page.locator(`svg[data-chart-title="${INSIGHTS_CHART_TITLES.funnel}"]`);
    await funnel.waitFor();
    // The sheet's own cells: the Screening row of the pipeline table and its Reached figure.
    const stageCell = await findCell(page, 'A', 'Screening');
    const row = Number(stageCell.slice(1));
    const reached = await page.$eval(`td[data-a1="B${row}"]`, (td) => td.textContent);
    const bar = funnel.locator('rect[data-label="Screening"][data-series="Reached"]');
    expect(await bar.getAttribute('data-value')).toBe(reached);
    expect(Number(reached)).toBeGreaterThan(0);
    // All four charts are drawn, and the offsets chart has one bar per interviewer and category scored.
    for (const title of Object.values(INSIGHTS_CHART_TITLES))
      await page.locator(`svg[data-chart-title="${title}"]`).waitFor();
    const offsets = page.locator(`svg[data-chart-title="${INSIGHTS_CHART_TITLES.offsets}"] rect[data-value]`);
    expect(await offsets.count()).toBe(18);
    const ben = await page
      .locator(
        `svg[data-chart-title="${INSIGHTS_CHART_TITLES.offsets}"] rect[data-label="ben.osei@example.com · Motivation fit"]`,
      )
      .getAttribute('data-value');
    expect(Number(ben)).toBeGreaterThan(1); // the lenient one
    // Wide enough to see the tables and the charts beside them.
    await page.setViewportSize({ width: 1960, height: 1060 });
    await funnel.waitFor();
    await screenshot(page, 'issue11/insights-preview.png');
    await page
      .locator(`svg[data-chart-title="${INSIGHTS_CHART_TITLES.offsets}"]`)
      .screenshot({ path: path.join(ARTIFACTS, 'issue11/offsets-chart.png') });
    await page
      .locator(`svg[data-chart-title="${INSIGHTS_CHART_TITLES.reliability}"]`)
      .screenshot({ path: path.join(ARTIFACTS, 'issue11/reliability-chart.png') });
  });

  it('a refresh from the menu keeps four charts', async () => {
    const { page } = browser;
    await menu(page, 'Insights');
    await page.locator('.toast', { hasText: 'Insights is up to date' }).first().waitFor();
    await page.locator(`svg[data-chart-title="${INSIGHTS_CHART_TITLES.funnel}"]`).waitFor();
    expect(await page.locator('svg.sheet-chart').count()).toBe(4);
  });
});
