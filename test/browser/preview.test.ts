/**
 * The local preview in a real browser: Playwright (playwright-core) drives the system's Chromium against the
 * preview server started in-process on a free port. Every wait is for a condition, never a fixed time.
 * Without Chromium these tests fail (they never skip) with a message that says how to install it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../preview/server';
import { FIXTURE_CODE, ROOT } from '../preview/http';
import {
  ARTIFACTS,
  background,
  cellSel,
  cellText,
  launch,
  menu,
  openSheet,
  quiet,
  typeInto,
} from './support';

describe('local preview in Chromium: the sample workbook', () => {
  let preview: PreviewServer;
  let context: BrowserContext;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    ({ context, dir } = await launch());
    preview = await startPreview({ root: ROOT, port: 0, log: quiet });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(preview.url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await preview?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the workbook: tabs, candidates with IDs, a hidden sheet behind a toggle', async () => {
    await page.locator('.tab[data-sheet="Candidates"][aria-selected="true"]').waitFor();
    await cellText(page, 'A2', 'C-0001');
    await cellText(page, 'B2', 'Amara Okafor');
    expect(await page.locator('.tab[data-sheet="Score log"]').count()).toBe(0);
    await page.click('#menu-preview');
    await page.check('#show-hidden');
    await page.locator('.tab.hidden-sheet[data-sheet="Score log"]').waitFor();
    await page.keyboard.press('Escape');
  });

  it('typing scores into a scorecard row changes the PASSES cell and its colour', async () => {
    await openSheet(page, 'S1 Screening');
    await cellText(page, 'G2', 'Passes');
    await cellText(page, 'G5', ''); // Priya: one score missing, pending
    await typeInto(page, 'E5', '5');
    await cellText(page, 'G5', 'TRUE');
    expect(await background(page, 'G5')).toBe('rgb(206, 234, 214)');
    await typeInto(page, 'C5', '2');
    await cellText(page, 'G5', 'FALSE');
    expect(await background(page, 'G5')).toBe('rgb(250, 210, 207)');
  });

  it('evaluates a formula typed in the formula bar', async () => {
    await page.click(cellSel('J3'));
    await page.fill('#formula-input', '=PASSES(C3:E3, C$1:E$1)');
    await page.press('#formula-input', 'Enter');
    await cellText(page, 'J3', 'TRUE');
  });

  it('rejects an invalid score with the validation help text, as Sheets does', async () => {
    await typeInto(page, 'C3', '7');
    const dialog = page.locator('#modal:not([hidden])');
    await dialog.waitFor();
    expect(await page.textContent('#modal-title')).toBe('There was a problem');
    expect(await page.textContent('#modal-message')).toMatch(/numbers from 1/);
    await page.click('#modal-buttons button[data-button="OK"]');
    await dialog.waitFor({ state: 'hidden' });
    await cellText(page, 'C3', '5');
  });

  it('key risk comes from the applied rubric: ticking its checkbox by hand flips nothing', async () => {
    await typeInto(page, 'C9', '5');
    await typeInto(page, 'D9', '3');
    await typeInto(page, 'E9', '5');
    await cellText(page, 'G9', 'TRUE');
    const box = page.locator(`${cellSel('D1')} input[type="checkbox"]`);
    expect(await box.isChecked()).toBe(false);
    await box.click();
    // The tick and the recalculated row arrive in the same state update.
    await page.locator(`${cellSel('D1')} input[type="checkbox"]:checked`).waitFor();
    expect(await page.$eval(cellSel('G9'), (td) => td.textContent)).toBe('TRUE');
    await page.locator(`${cellSel('D1')} input[type="checkbox"]`).click();
    await page.locator(`${cellSel('D1')} input[type="checkbox"]:not(:checked)`).waitFor();
    await cellText(page, 'G9', 'TRUE');
  });

  it('runs a menu item and shows its toast', async () => {
    await menu(page, 'Set up workbook');
    await page.locator('.toast', { hasText: 'Everything was already in place' }).waitFor();
  });

  it('switches the signed-in user; the sidebar sees the new user', async () => {
    await page.fill('#user-input', 'ben.osei@example.com');
    await page.press('#user-input', 'Enter');
    await page.locator('body[data-user="ben.osei@example.com"]').waitFor();
    expect(await page.textContent('#user-avatar')).toBe('b');
    expect(preview.session.rt.activeUser).toBe('ben.osei@example.com');

    const items = preview.session.rt.ui.menuItems();
    const scoring = items.find((i) => /score candidate/i.test(i.caption));
    if (scoring) {
      await openSheet(page, 'Candidates');
      await page.click(cellSel('B3'));
      await page.locator(`${cellSel('B3')}.current`).waitFor();
      await menu(page, scoring.caption);
      const host = page.locator('#sidebar-host:not([hidden])');
      await host.waitFor();
      expect((await host.boundingBox())?.width).toBe(300);
      const frame = page.frameLocator('#sidebar-frame');
      // The sidebar loaded its context through google.script.run: the selected candidate and the new user.
      await frame.getByText('Jonas Weber').first().waitFor();
      await frame.getByText('ben.osei@example.com').first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'preview-sidebar.png') });
      await page.click('#sidebar-close');
      await page.locator('#sidebar-host').waitFor({ state: 'hidden' });
    }
  });

  it('lists generated documents and opens one rendered as HTML', async () => {
    await page.click('#documents-button');
    const panel = page.locator('#documents-panel');
    await panel.waitFor();
    const docs = page.locator('#documents-list button');
    if ((await docs.count()) === 0) {
      await page.locator('#documents-empty').waitFor();
      return;
    }
    await docs.first().click();
    await page.locator('#doc-viewer:not([hidden])').waitFor();
    await page.frameLocator('#doc-frame').locator('h1').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-document.png') });
    await page.click('#doc-close');
    await page.locator('#doc-viewer').waitFor({ state: 'hidden' });
  });

  it('saves a screenshot of a scorecard sheet for review', async () => {
    await openSheet(page, 'S1 Screening');
    await cellText(page, 'G3', 'TRUE');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview.png') });
    expect(fs.statSync(path.join(ARTIFACTS, 'preview.png')).size).toBeGreaterThan(10_000);
  });

  it('in a blank spreadsheet, Set up workbook asks for the process in the page and builds the workbook', async () => {
    await page.click('#menu-preview');
    await page.click('#preview-reset-blank');
    await page.locator('#modal:not([hidden])').waitFor();
    await page.click('#modal-buttons button[data-button="OK"]');
    await page.locator('.tab[data-sheet="Sheet1"][aria-selected="true"]').waitFor();
    expect(await page.locator('.tab').count()).toBe(1);

    await menu(page, 'Set up workbook');
    await page.locator('#modal:not([hidden]) #modal-input').waitFor();
    expect(await page.textContent('#modal-message')).toMatch(/Which hiring process/);
    await page.fill('#modal-input', '1');
    await page.click('#modal-buttons button[data-button="OK"]');
    await page.locator('#modal-title', { hasText: 'Scorecard is ready' }).waitFor();
    await page.click('#modal-buttons button[data-button="OK"]');
    await page.locator('.tab[data-sheet="Candidates"]').waitFor();
    await page.locator('.tab[data-sheet="S1 Screening"]').waitFor();
  });
});

describe('local preview in Chromium: the sidebar bridge (fixture add-on)', () => {
  let preview: PreviewServer;
  let context: BrowserContext;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    ({ context, dir } = await launch());
    preview = await startPreview({
      root: ROOT,
      port: 0,
      codeFiles: [FIXTURE_CODE],
      start: 'blank',
      log: quiet,
      skipPageBuild: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(preview.url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await preview?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('google.script.run: JSON round trip, handlers, user objects, private functions, host.close()', async () => {
    await menu(page, 'Open sidebar');
    await page.locator('#sidebar-host:not([hidden])').waitFor();
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#who', { hasText: 'manager@example.com' }).waitFor();

    await frame.locator('#echo').click();
    await frame.locator('#out', { hasText: '"user":"u1"' }).waitFor();
    const echoed = JSON.parse((await frame.locator('#out').textContent()) ?? '');
    expect(echoed).toEqual({
      value: { got: { a: 1, list: [1, 'two', null] }, n: 5, when: '1970-01-01T00:00:00.000Z' },
      user: 'u1',
    });

    await frame.locator('#fail').click();
    await frame.locator('#out', { hasText: 'failed: Fixture failure / u2' }).waitFor();
    await frame.locator('#private').click();
    await frame.locator('#out', { hasText: 'failed: Script function not found: secret_' }).waitFor();

    await frame.locator('#write').click();
    await cellText(page, 'B2', 'from the sidebar');
    await page.locator('.toast', { hasText: 'Wrote B2' }).waitFor();

    await frame.locator('#close').click();
    await page.locator('#sidebar-host').waitFor({ state: 'hidden' });
  });

  it('answers several prompts in a row, confirmations, and shows script errors', async () => {
    await menu(page, 'Name two things');
    await page.locator('#modal-title', { hasText: 'First thing' }).waitFor();
    await page.fill('#modal-input', 'tea');
    await page.click('#modal-buttons button[data-button="OK"]');
    await page.locator('#modal-title', { hasText: 'Second thing' }).waitFor();
    await page.fill('#modal-input', 'cake');
    await page.press('#modal-input', 'Enter');
    await page.locator('.toast', { hasText: 'tea and cake' }).waitFor();

    await menu(page, 'Confirm and write');
    await page.locator('#modal-title', { hasText: 'Write?' }).waitFor();
    await page.click('#modal-buttons button[data-button="YES"]');
    await page.locator('#modal-title', { hasText: 'Done' }).waitFor();
    await page.click('#modal-buttons button[data-button="OK"]');
    await cellText(page, 'A1', 'written');

    await page.click('#menu-extensions');
    await page.locator('#menu-extensions-list > .menu-sub > button', { hasText: 'Scorecard' }).click();
    await page.locator('.menu-sub button', { hasText: 'More' }).click();
    await page.locator('button[data-function="breakIt"]').click();
    await page.locator('#error-bar:not([hidden])', { hasText: 'Broken on purpose' }).waitFor();
  });
});
