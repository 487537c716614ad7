/**
 * What a hiring team sees in the preview, in Chromium: headers and stage names that are not cut off, a Pipeline
 * sheet that explains itself, a half-scored row marked partial, an interview script drawn to scale on its page,
 * one toast at a time, the formula help Sheets shows while typing =PASSES(, and the workbook changes a user makes
 * in Sheets itself (delete a sheet, insert and delete rows) so that repair can be tried. Screenshots go to
 * test-artifacts/ for review.
 */
import type { Page } from 'playwright-core';
import {
  type PreviewBrowser,
  cellSel,
  cellText,
  menu,
  openPreview,
  openSheet,
  screenshot,
  selectCell,
} from './support';

let browser: PreviewBrowser;
let page: Page;

beforeAll(async () => {
  browser = await openPreview();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
});

/** Cells of a row (in the given columns) whose text does not fit: what the user would see cut off with "…". */
async function cutOff(row: number, column = '[A-Z]+'): Promise<string[]> {
  return page.$$eval(
    'td[data-a1]',
    (cells, [r, c]) =>
      cells
        .filter((td) => new RegExp(`^${c}${r}$`).test((td as HTMLElement).dataset.a1 ?? ''))
        .filter((td) => {
          // Text running on over empty neighbours (as in Sheets) is measured in its own box.
          const box = td.querySelector('.spill-text') ?? td;
          return td.textContent !== '' && box.scrollWidth > box.clientWidth + 1;
        })
        .map((td) => `${(td as HTMLElement).dataset.a1} "${td.textContent}"`),
    [row, column] as const,
  );
}

describe('sheets a team can read', () => {
  test('no header is cut off on Candidates, the stage sheets and Pipeline; nor are stage names', async () => {
    for (const [sheet, headerRow] of [
      ['Candidates', 1],
      ['S1 Screening', 2],
      ['S2 Main interview', 2],
      ['S3 Practical test interview', 2],
      ['Pipeline', 1],
      ['Rubric', 1],
      ['Templates', 1],
    ] as const) {
      await openSheet(page, sheet);
      expect([sheet, await cutOff(headerRow)]).toEqual([sheet, []]);
    }
    await openSheet(page, 'Pipeline');
    expect(await cutOff(4, 'A')).toEqual([]); // "Practical test interview"
    await screenshot(page, 'issue14-pipeline.png');
    await openSheet(page, 'Candidates');
    expect(await cutOff(2, 'E')).toEqual([]); // Amara's stage: "Practical test interview"
    await screenshot(page, 'issue14-candidates.png');
  });

  test('Pipeline says what its columns mean and that the default process names no service level', async () => {
    await openSheet(page, 'Pipeline');
    await cellText(page, 'D2', 'None yet: type business days in column B or hours in column C');
    // Right under the stages, the feedback service level (issue 12), then the guide.
    await cellText(page, 'A5', 'Scorecards (after the interview)');
    await cellText(page, 'C5', '24');
    await cellText(page, 'A7', 'How this sheet works');
    const guide = await page.$eval(cellSel('A13'), (td) => td.textContent ?? '');
    expect(guide).toContain('sets no service level for Screening, Main interview, Practical test interview');
    // The guide runs over the empty cells to its right, as in Sheets, instead of being cut at column A.
    const shown = await page.$eval(`${cellSel('A8')} .spill-text`, (el) => el.getBoundingClientRect().width);
    const column = await page.$eval(cellSel('A8'), (el) => el.getBoundingClientRect().width);
    expect(shown).toBeGreaterThan(column * 3);
  });

  test('a half-scored candidate shows a partial average beside a blank result', async () => {
    await openSheet(page, 'Candidates');
    const header = await page.$$eval('td[data-a1$="1"]', (cells) =>
      cells.map((td) => [(td as HTMLElement).dataset.a1 ?? '', td.textContent ?? '']),
    );
    const column = header.find(([, text]) => text === 'Screening average')![0].replace(/\d+$/, '');
    await cellText(page, `${column}4`, '4.50 (partial)'); // Priya: two of three categories scored
  });
});

describe('the interview script in the preview', () => {
  test('is drawn to scale on its portrait page, every table within the text width', async () => {
    await page.click('#documents-button');
    await page.locator('#documents-list button').first().click();
    await page.locator('#doc-viewer:not([hidden])').waitFor();
    const frame = page.frameLocator('#doc-frame');
    await frame.locator('h1').first().waitFor();
    const sizes = await frame.locator('main').evaluate((main) => {
      const style = getComputedStyle(main);
      return {
        width: main.getBoundingClientRect().width,
        padding: style.paddingLeft,
        tables: Array.from(main.querySelectorAll('table')).map((t) => t.getBoundingClientRect().width),
        text: main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      };
    });
    // US Letter, 8.5 inches at 96 px per inch, with 0.75-inch margins.
    expect(sizes.width).toBeCloseTo(816, 0);
    expect(sizes.padding).toBe('72px');
    for (const width of sizes.tables) expect(width).toBeLessThanOrEqual(sizes.text + 1);
    await screenshot(page, 'issue14-script.png');
    await page.click('#doc-close');
  });
});

describe('Sheets-like editing in the preview', () => {
  test('typing =PASSES( shows its help from the JSDoc, with the argument being typed in bold', async () => {
    await openSheet(page, 'S1 Screening');
    await selectCell(page, 'C20');
    await page.keyboard.type('=PASSES(');
    const pop = page.locator('#help-pop.formula-help');
    await pop.waitFor();
    await expect(pop.locator('.fh-signature').textContent()).resolves.toBe(
      'PASSES(scores, [key_risk], [min_average], [min_category], [min_key_risk])',
    );
    await expect(pop.locator('.fh-signature strong').textContent()).resolves.toBe('scores');
    await expect(pop.locator('.fh-summary').textContent()).resolves.toMatch(
      /^Whether each candidate passes the rubric/,
    );
    await page.keyboard.type('C3:E3, ');
    await pop.locator('.fh-signature strong', { hasText: '[key_risk]' }).waitFor();
    await expect(pop.locator('.fh-param').textContent()).resolves.toContain('key_risk —');
    await screenshot(page, 'issue14-formula-help.png');
    await page.keyboard.press('Escape');
    await page.locator('#help-pop').waitFor({ state: 'hidden' });
  });

  test('rows can be inserted and deleted from the row numbers, and a sheet deleted from its tab', async () => {
    await openSheet(page, 'Candidates');
    await cellText(page, 'B3', 'Jonas Weber');
    await page.click('tbody th[data-row="3"]', { button: 'right' });
    await page.locator('#context-menu button', { hasText: 'Insert row above' }).click();
    await cellText(page, 'B3', '');
    await cellText(page, 'B4', 'Jonas Weber');
    await page.click('tbody th[data-row="3"]', { button: 'right' });
    await page.locator('#context-menu button', { hasText: 'Delete row 3' }).click();
    await cellText(page, 'B3', 'Jonas Weber');

    await page.click('.tab[data-sheet="Pipeline"]', { button: 'right' });
    await page.locator('#context-menu button', { hasText: 'Delete' }).click();
    await page.locator('#modal-title', { hasText: 'Delete "Pipeline"?' }).waitFor();
    await page.locator('#modal-buttons button', { hasText: 'OK' }).click();
    await page.locator('.tab[data-sheet="Pipeline"]').waitFor({ state: 'detached' });
  });

  test('so repair can be tried: Set up workbook brings the deleted sheet back and says so', async () => {
    await menu(page, 'Set up workbook');
    await page.locator('#modal-title', { hasText: 'Scorecard repaired the workbook' }).waitFor();
    const report = page.locator('#modal-message', { hasText: 'Recreated the missing "Pipeline" sheet.' });
    await report.waitFor();
    await page.locator('#modal-buttons button', { hasText: 'OK' }).click();
    await page.locator('.tab[data-sheet="Pipeline"]').waitFor();
  });

  test('one toast at a time: the closing one replaces "Creating interview script 1 of 2…"', async () => {
    await openSheet(page, 'Candidates');
    await page.click(cellSel('A2'));
    await page.click(cellSel('A3'), { modifiers: ['Shift'] });
    await page.click('#menu-extensions');
    await page.locator('#menu-extensions-list > .menu-sub > button', { hasText: 'Scorecard' }).click();
    await page.locator('.menu-sub > button', { hasText: 'Generate interview script' }).click();
    await page.locator('button[role="menuitem"]', { hasText: 'Stage 3 · Practical test interview' }).click();
    await page.locator('#modal-title', { hasText: 'Interview scripts ready' }).waitFor();
    await expect(page.locator('#toasts .toast').allTextContents()).resolves.toEqual([
      expect.stringContaining('Done: 2 of 2 interview scripts.'),
    ]);
    await page.locator('#modal-buttons button', { hasText: 'OK' }).click();
  });
});
