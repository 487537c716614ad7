/**
 * Revisions are visible, in Chromium on the preview's sample workbook: Ben submits a throwaway scorecard for
 * Priya Raman's screening, opens the Panel tab (Chen's scores are there), then submits again. His sidebar tells
 * him the new version is marked, and the hiring manager's panel shows "revised after seeing the panel" on Ben's
 * scorecard, not on Chen's. Every wait is for a condition.
 */
import type { Page } from 'playwright-core';
import type { PreviewServer } from '../../preview/server';
import {
  closeSidebar,
  findCell,
  openPreview,
  openScoring,
  screenshot,
  sidebarStatus,
  signInAs,
  type PreviewBrowser,
  rate,
  submitScreeningAs,
} from './support';

const MANAGER = 'manager@example.com';
const BEN = 'ben.osei@example.com';
const CHEN = 'chen.wu@example.com';
const CTO = 'cto@example.com';
const CANDIDATE = 'Priya Raman';
const CATEGORIES = ['Communication clarity', 'Motivation fit', 'Basic role fit'];

function chenSubmitsFirst(preview: PreviewServer): void {
  submitScreeningAs(preview, CHEN, CANDIDATE, 'revised-journey-chen-1', {
    'communication-clarity': 5,
    'motivation-fit': 5,
    'basic-role-fit': 4,
  });
}

describe('a scorecard revised after seeing the panel, in Chromium', () => {
  let browser: PreviewBrowser;
  let page: Page;
  let row = '';

  beforeAll(async () => {
    browser = await openPreview({}, chenSubmitsFirst);
    page = browser.page;
    row = (await findCell(page, 'B', CANDIDATE)).slice(1);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('Ben submits, reads the panel, submits again: his sidebar says the new version is marked', async () => {
    await signInAs(page, BEN);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, BEN);
    const scoreAll = async (score: number) => {
      for (const name of CATEGORIES) await rate(frame, name, score);
    };
    await scoreAll(2);
    await frame.getByLabel('Overall recommendation').selectOption('no');
    await frame.locator('#view-score button[type="submit"]').click();
    await sidebarStatus(frame, 'success', /^Scorecard submitted: version 1, [^.]*\. The panel's scores/);

    await frame.locator('#tab-panel:visible').click();
    await frame.locator('#view-panel .interviewer .who', { hasText: CHEN }).waitFor();
    expect(await frame.locator('#view-panel .after-panel').count()).toBe(0);

    await frame.locator('#tab-score').click();
    await scoreAll(5);
    await frame.getByLabel('Overall recommendation').selectOption('strong-yes');
    await frame.locator('#view-score button[type="submit"]:enabled').click();
    await sidebarStatus(
      frame,
      'success',
      /^Scorecard submitted: version 2, .*You had seen the panel, so it is marked “revised after seeing the panel” wherever it is shown\.$/,
    );
    await frame
      .locator('#view-score p.hint', {
        hasText: /^You submitted version 2 on .*, revised after seeing the panel\./,
      })
      .waitFor();
    await screenshot(page, 'issue10/revised-own-sidebar.png');
    await closeSidebar(page);
  });

  it('the hiring manager’s panel shows the mark on Ben’s scorecard, with its closed card, and not on Chen’s', async () => {
    await signInAs(page, MANAGER);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, MANAGER);
    const ben = frame.locator('#view-panel details.interviewer', {
      has: frame.locator('.who', { hasText: BEN }),
    });
    const chen = frame.locator('#view-panel details.interviewer', {
      has: frame.locator('.who', { hasText: CHEN }),
    });
    await ben.waitFor();
    // Visible on the summary line, while the card is still closed.
    expect(await ben.locator('summary .after-panel').innerText()).toBe('revised after seeing the panel');
    expect(await ben.locator('summary .after-panel').isVisible()).toBe(true);
    expect(await chen.locator('.after-panel').count()).toBe(0);
    await ben.locator('summary').click();
    await ben.locator('p.hint', { hasText: /^Version 2, .* · revised after seeing the panel$/ }).waitFor();
    await screenshot(page, 'issue10/revised-manager-panel.png');
  });

  it('the debrief the manager creates from the panel says so in the Submitted row, next to Ben’s column', async () => {
    const frame = page.frameLocator('#sidebar-frame');
    await frame.getByRole('button', { name: 'Create debrief document' }).click();
    await frame.locator('.debrief a').waitFor();
    await page.click('#documents-button');
    await page.locator('#documents-list button', { hasText: 'Debrief' }).first().click();
    await page.locator('#doc-viewer:not([hidden])').waitFor();
    const doc = page.frameLocator('#doc-frame');
    const submitted = doc.locator('tr', { has: doc.locator('td', { hasText: /^Submitted$/ }) });
    await submitted.waitFor();
    const cells = await submitted.locator('td').allInnerTexts();
    const header = await doc
      .locator('table', { has: submitted })
      .locator('tr')
      .first()
      .locator('td, th')
      .allInnerTexts();
    const benColumn = header.findIndex((text) => text.trim() === BEN);
    const chenColumn = header.findIndex((text) => text.trim() === CHEN);
    expect(cells[benColumn]).toMatch(/, version 2, revised after seeing the panel$/);
    expect(cells[chenColumn]).not.toMatch(/after seeing the panel/);
    await submitted.scrollIntoViewIfNeeded();
    await screenshot(page, 'issue10/revised-debrief.png');
    await page.click('#doc-close');
  });

  it('a hiring manager who also interviews opens on the Score tab, told what opening the Panel first means', async () => {
    // Mateo Álvarez (sample, Screening): hiring manager cto@example.com, who is put on his panel here; Chen has
    // submitted, so the manager could read the panel now.
    const session = browser.preview.session;
    const values = session.rt.inspect.values('Candidates', 'A1:Z20');
    const panelColumn = values[0].indexOf('Panel');
    const mateo = values.findIndex((r) => r[1] === 'Mateo Álvarez');
    const cell = `${String.fromCharCode(65 + panelColumn)}${mateo + 1}`;
    session.rt.setCells('Candidates', cell, [[`${CHEN}, ${CTO}`]]);
    submitScreeningAs(browser.preview, CHEN, 'Mateo Álvarez', 'revised-journey-chen-mateo', {
      'communication-clarity': 4,
      'motivation-fit': 4,
      'basic-role-fit': 4,
    });
    await closeSidebar(page);
    await signInAs(page, CTO);
    const frame = await openScoring(page, `B${mateo + 1}`, 'Mateo Álvarez', CTO);
    await frame
      .locator('#view-score p.hint', {
        hasText:
          'Score independently: as hiring manager you may open the Panel before scoring, but a scorecard you ' +
          'submit after that is marked “submitted after seeing the panel”.',
      })
      .waitFor();
    expect(await frame.locator('#tab-score').getAttribute('aria-selected')).toBe('true');
    expect(await frame.locator('#view-panel').isVisible()).toBe(false);
    await screenshot(page, 'issue10/manager-who-interviews.png');
  });
});
