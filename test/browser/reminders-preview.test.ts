/**
 * Issue 12 in the preview: Reminders ▸ Send reminders now lists the digests under "Sent mail", a message opens
 * as text, and Preview ▸ Run the daily reminder trigger now runs the installed trigger. Screenshots under
 * test-artifacts/issue12/.
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type PreviewBrowser, openPreview } from './support';

const SHOTS = path.join(ARTIFACTS, 'issue12');

async function remindersMenu(page: Page, item: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.locator('#menu-extensions-list > .menu-sub > button', { hasText: 'Scorecard' }).click();
  await page.locator('#menu-extensions-list .menu-sub > button', { hasText: 'Reminders' }).click();
  await page.locator('#menu-extensions-list button[role="menuitem"]', { hasText: item }).first().click();
}

async function answerModal(page: Page, text?: string): Promise<string> {
  await page.locator('#modal:not([hidden])').waitFor();
  const message = (await page.locator('#modal-message').textContent()) ?? '';
  if (text !== undefined) await page.fill('#modal-input', text);
  await page.locator('#modal-buttons button', { hasText: /^OK$/ }).click();
  // The next dialog may follow at once (a prompt's answer, then the closing alert): wait until this one is gone.
  await page.waitForFunction(
    (shown) =>
      document.getElementById('modal')?.hidden === true ||
      document.getElementById('modal-message')?.textContent !== shown,
    message,
  );
  return message;
}

describe('reminders in the preview', () => {
  let b: PreviewBrowser;
  beforeAll(async () => {
    b = await openPreview();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  });

  it('Send reminders now lists one digest per person under Sent mail, and a message opens as text', async () => {
    const { page } = b;
    await remindersMenu(page, 'Send reminders now');
    const message = await answerModal(page);
    // The interviewers owe scorecards; the hiring manager has a past candidate's decision waiting.
    expect(message).toContain(
      'Sent 3 digests: ben.osei@example.com, chen.wu@example.com, manager@example.com.',
    );
    await page.locator('#mail-count', { hasText: '3' }).waitFor();
    await page.click('#mail-button');
    const items = page.locator('#mail-list button');
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('ben.osei@example.com · Scorecard'),
      expect.stringContaining('chen.wu@example.com · Scorecard'),
      expect.stringContaining('manager@example.com · Scorecard'),
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'sent-mail-list.png') });
    await items.first().click();
    const body = page.frameLocator('#doc-frame').locator('pre');
    await body.waitFor();
    expect(await body.textContent()).toContain('Scorecards to write (2)');
    expect(await body.textContent()).toContain('Priya Raman, Screening: interviewed');
    await page.screenshot({ path: path.join(SHOTS, 'sent-mail-message.png') });
    await page.click('#doc-close');
  }, 60_000);

  it('Turn on, then Preview ▸ Run the daily reminder trigger now: the trigger runs as its owner', async () => {
    const { page } = b;
    await remindersMenu(page, 'Turn on…');
    await answerModal(page, '9');
    expect(await answerModal(page)).toContain('Reminders are on: every day at about 09:00');
    await page.click('#menu-preview');
    await page.click('#preview-triggers');
    await page.locator('.toast', { hasText: 'The daily trigger ran as manager@example.com' }).waitFor();
    // Everyone was reminded today already: the trigger sends nothing twice.
    await page.locator('#mail-count', { hasText: '3' }).waitFor();
    await page.locator('.tab[data-sheet="Reminders"]').click();
    await page.locator('td', { hasText: 'daily trigger, as manager@example.com' }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'reminders-sheet.png') });
  }, 60_000);
});
