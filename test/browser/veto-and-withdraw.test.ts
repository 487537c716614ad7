/**
 * Signals a hurried hiring team cannot misread, in Chromium on the preview's sample workbook: the same
 * scorecard sent twice is one submission; a culture-fit veto is the first thing the panel says (red, above the
 * scores); the hiring manager's sidebar opens on the Panel; the veto holder withdraws the veto from the
 * sidebar, and the panel keeps both on record. Every wait is for a condition.
 *
 * The scenario: Priya Raman (sample, Screening) has hiring manager manager@example.com and the panel ben.osei
 * and chen.wu. Chen submitted before the page opened; Ben submits (clicking Submit a second time once the first
 * call is back), vetoes, and later withdraws it.
 */
import type { Page } from 'playwright-core';
import type { PreviewServer } from '../../preview/server';
import type { PanelView } from '../../src/core/contract';
import {
  candidateIdOf,
  closeSidebar,
  findCell,
  openPreview,
  openScoring,
  screenshot,
  serverCallAs,
  sidebarStatus,
  sidebarFrame,
  signInAs,
  type PreviewBrowser,
  rate,
  submitScreeningAs,
} from './support';

const MANAGER = 'manager@example.com';
const BEN = 'ben.osei@example.com';
const CHEN = 'chen.wu@example.com';
const CANDIDATE = 'Priya Raman';
const CATEGORIES = ['Communication clarity', 'Motivation fit', 'Basic role fit'];
const CONCERN = 'Brushed off every question about working with others.';

function chenSubmitsFirst(preview: PreviewServer): void {
  submitScreeningAs(preview, CHEN, CANDIDATE, 'veto-journey-chen-1', {
    'communication-clarity': 5,
    'motivation-fit': 5,
    'basic-role-fit': 4,
  });
}

/** The panel view the server gives `user` for Priya's screening, through the same bridge as the sidebar. */
function panelAs(preview: PreviewServer, user: string): PanelView {
  const request = { candidateId: candidateIdOf(preview, CANDIDATE), stageId: 'screening' };
  return serverCallAs(preview, user, 'getPanel', request) as PanelView;
}

/** The status box's classes and its lines of text, top to bottom, as the user reads them. */
async function statusBox(page: Page): Promise<{ tone: string; lines: string[] }> {
  return (await sidebarFrame(page)).evaluate(() => {
    const box = document.querySelector('#view-panel .card.pass');
    return {
      tone: box?.className ?? '',
      lines: Array.from(box?.querySelectorAll('p') ?? [], (p) => (p as HTMLElement).innerText.trim()),
    };
  });
}

const status = sidebarStatus;

describe('the veto in Chromium: shown first, withdrawn by its holder, and one submission per form', () => {
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

  it('1. Submit clicked again after the first call returned records no second version', async () => {
    await signInAs(page, BEN);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, BEN);
    for (const name of CATEGORIES) await rate(frame, name, 4);
    await frame.getByLabel('Overall recommendation').selectOption('yes');
    const submit = frame.locator('#view-score button[type="submit"]');
    await submit.click();
    await status(frame, 'success', /^Scorecard submitted: version 1/);
    await frame.locator('#view-score button[type="submit"]:enabled').click();
    await status(frame, 'success', /^This scorecard was already recorded \(version 1, .*not recorded twice/);

    // What the hiring manager's panel shows: Ben's scorecard once, as version 1.
    const seen = panelAs(browser.preview, MANAGER).interviewers.filter((i) => i.email === BEN);
    expect(seen.map((i) => i.version)).toEqual([1]);
  });

  it('2. Ben vetoes: the status box says "Vetoed" first, in red, and the scores come after it', async () => {
    const frame = await openScoring(page, `B${row}`, CANDIDATE, BEN);
    await frame.locator('#tab-panel:visible').click();
    const form = frame.locator('form.veto-form');
    await form.getByLabel('Concern (required)').fill(CONCERN);
    await form.getByRole('button', { name: 'Record veto' }).click();
    await status(frame, 'success', 'Veto recorded. The candidate cannot advance.');
    const box = await statusBox(page);
    expect(box.tone).toContain('pass-vetoed');
    expect(box.lines[0]).toBe('Vetoed on culture fit: cannot advance');
    expect(box.lines[1]).toMatch(
      /^Culture-fit veto by ben\.osei@example\.com, .*The candidate cannot advance\.$/,
    );
    expect(box.lines[2]).toBe(CONCERN);
    // Until the decision the scorecards wait, sealed: the scores alone are pending, the mean's verdict in brackets.
    expect(box.lines[3]).toMatch(
      /^The scores alone: pending \(2 scorecards waiting for a decision\. On the mean of the scorecards: Passes: .*\)\. The veto overrides them\.$/,
    );
    expect(await frame.locator('#view-panel').innerText()).not.toContain('Passes the rule ·');
    // The holder sees how to withdraw it, and no second veto form.
    await frame.locator('form.withdraw-form').waitFor();
    expect(await frame.locator('form.veto-form').count()).toBe(0);
    await screenshot(page, 'issue14/panel-veto-holder.png');
    await closeSidebar(page);
  });

  it('3. the hiring manager’s sidebar opens on the Panel, headed by the veto; Advance is blocked', async () => {
    await signInAs(page, MANAGER);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, MANAGER);
    await frame.locator('#view-panel .card.pass').waitFor();
    expect(await frame.locator('#tab-panel').getAttribute('aria-selected')).toBe('true');
    expect(await frame.locator('#view-score').isVisible()).toBe(false);
    expect((await statusBox(page)).lines[0]).toBe('Vetoed on culture fit: cannot advance');
    expect(await frame.locator('form.decision-form').getByLabel('Advance').isDisabled()).toBe(true);
    expect(await frame.locator('form.withdraw-form').count()).toBe(0);
    await screenshot(page, 'issue14/panel-veto-manager.png');
    // Choosing the Score tab is remembered while the sidebar stays open.
    await frame.locator('#tab-score').click();
    expect(await frame.locator('#view-score').isVisible()).toBe(true);
    await closeSidebar(page);
  });

  it('4. Ben withdraws the veto: the panel lists it as withdrawn, and the manager can advance', async () => {
    await signInAs(page, BEN);
    let frame = await openScoring(page, `B${row}`, CANDIDATE, BEN);
    await frame.locator('#tab-panel:visible').click();
    const form = frame.locator('form.withdraw-form');
    await form.getByRole('button', { name: 'Withdraw veto' }).click();
    await status(frame, 'error', 'Write why you withdraw the veto.');
    await form.getByLabel('Why you withdraw it (required)').fill('The debrief showed it was nerves.');
    await form.getByRole('button', { name: 'Withdraw veto' }).click();
    await status(frame, 'success', 'Veto withdrawn.');
    const withdrawn = frame.locator('#view-panel .withdrawn-vetoes');
    await withdrawn.getByText(/^Veto by ben\.osei@example\.com \(.*\) withdrawn /).waitFor();
    await withdrawn.getByText(`Concern: ${CONCERN}`).waitFor();
    await withdrawn.getByText('Why withdrawn: The debrief showed it was nerves.').waitFor();
    expect((await statusBox(page)).lines[0]).toBe('Pending'); // no veto: the scores wait for the decision
    await closeSidebar(page);

    await signInAs(page, MANAGER);
    frame = await openScoring(page, `B${row}`, CANDIDATE, MANAGER);
    await frame.locator('#view-panel .withdrawn-vetoes').waitFor();
    expect(await frame.locator('form.decision-form').getByLabel('Advance').isDisabled()).toBe(false);
    await screenshot(page, 'issue14/panel-veto-withdrawn.png');
    const panel = panelAs(browser.preview, MANAGER);
    expect(panel.veto).toBeNull();
    expect(panel.withdrawnVetoes.map((w) => [w.by, w.reason, w.note])).toEqual([
      [BEN, CONCERN, 'The debrief showed it was nerves.'],
    ]);
  });
});
