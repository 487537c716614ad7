/**
 * Journeys 3 and 4 (score; reconcile and decide) in a real browser: Chromium drives the local preview on the
 * sample workbook the way a user would — "Signed in as" to switch between interviewers and the hiring manager,
 * the grid to select a candidate's row, Extensions ▸ Scorecard ▸ Score candidate, the sidebar's own controls.
 * Every wait is for a condition (locators, waitForFunction, a held request), never a fixed time.
 *
 * The scenario: Mateo Álvarez (sample candidate, stage Screening, no scorecards yet) has hiring manager
 * cto@example.com and the panel ben.osei (interviewer A) and chen.wu (interviewer B). B submitted before
 * the page opened; A scores 3 on Communication clarity where B gave 5 (a 2-point gap: "Discuss before
 * deciding"); the hiring manager reconciles and advances him.
 */
import type { Page, Route } from 'playwright-core';
import type { PreviewServer } from '../../preview/server';
import {
  cellText,
  closeSidebar,
  findCell,
  openPreview,
  openScoring,
  openSheet,
  screenshot,
  sidebarStatus,
  selectCell,
  sidebar,
  sidebarFrame,
  signInAs,
  typeInto,
  type PreviewBrowser,
  categoryFieldset,
  rate,
  submitScreeningAs,
} from './support';

const MANAGER = 'cto@example.com';
const A = 'ben.osei@example.com';
const B = 'chen.wu@example.com';
const CANDIDATE = 'Mateo Álvarez';
const CATEGORIES = ['Communication clarity', 'Motivation fit', 'Basic role fit'] as const;
const B_SCORES = { 'communication-clarity': 5, 'motivation-fit': 4, 'basic-role-fit': 4 };
const A_SCORES: Record<(typeof CATEGORIES)[number], number> = {
  'Communication clarity': 3,
  'Motivation fit': 4,
  'Basic role fit': 4,
};

/** B's scorecard, submitted through the same google.script.run bridge the sidebar uses, as B. */
function bSubmitsFirst(preview: PreviewServer): void {
  submitScreeningAs(preview, B, CANDIDATE, 'journey-b-1', B_SCORES, 'Very clear on the phone.');
}

const category = categoryFieldset;

/** The sidebar's visible text (what a user sees, not hidden nodes). */
async function visibleText(page: Page): Promise<string> {
  return (await sidebarFrame(page)).evaluate(() => document.body.innerText);
}

/** The panel table as the user sees it: column headers and, per category, the text of each cell. */
async function panelTable(page: Page): Promise<{ head: string[]; rows: Record<string, string[]> }> {
  const frame = await sidebarFrame(page);
  return frame.evaluate(() => {
    const table = document.querySelector('#view-panel table.panel-table');
    if (!table) return { head: [], rows: {} };
    const head = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent ?? '');
    const rows: Record<string, string[]> = {};
    for (const tr of Array.from(table.querySelectorAll('tbody tr'))) {
      const cells = Array.from(tr.children, (c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
      rows[tr.querySelector('th')?.firstChild?.textContent ?? ''] = cells;
    }
    return { head, rows };
  });
}

/** Holds the next google.script.run call at the page's POST /api/run until `release` is called. */
async function holdNextRun(page: Page): Promise<{ arrived: Promise<void>; release: () => void }> {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/api/run',
    async (route: Route) => {
      arrive();
      await released;
      await route.continue();
    },
    { times: 1 },
  );
  return { arrived, release };
}

const status = sidebarStatus;

describe('scoring journey in Chromium: score, panel, reconcile and decide', () => {
  let browser: PreviewBrowser;
  let page: Page;
  let row = '';

  beforeAll(async () => {
    browser = await openPreview({}, bSubmitsFirst);
    page = browser.page;
    row = (await findCell(page, 'B', CANDIDATE)).slice(1);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('1. interviewer A opens Score candidate: name, stage, key-risk categories, and B’s scores stay hidden', async () => {
    await signInAs(page, A);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, A);
    await frame.locator('#candidate', { hasText: 'Current stage: Screening' }).waitFor();
    const stage = frame.getByLabel('Stage');
    expect(await stage.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(
      'Screening (current)',
    );
    for (const name of CATEGORIES) await category(frame, name).waitFor();
    await category(frame, 'Communication clarity')
      .locator('legend .badge', { hasText: 'Key risk' })
      .waitFor();
    expect(await category(frame, 'Motivation fit').locator('.badge').count()).toBe(0);
    await frame.getByText("others' scores stay hidden until you submit yours").waitFor();

    // No panel: no Panel tab, no panel view, and nothing of B's anywhere the user can see.
    expect(await frame.locator('#tab-panel').isVisible()).toBe(false);
    expect(await frame.locator('#view-panel').isVisible()).toBe(false);
    const seen = await visibleText(page);
    expect(seen).not.toMatch(/chen\.wu|Very clear on the phone|Discuss before deciding/);
    // Not even hidden in the page: the server never sent B's scorecard.
    const all = await (await sidebarFrame(page)).evaluate(() => document.body.textContent ?? '');
    expect(all).not.toMatch(/chen\.wu|Very clear on the phone/);
  });

  it('2. A scores every category and submits: Submit is disabled during the call, then both show side by side', async () => {
    const frame = sidebar(page);
    for (const name of CATEGORIES) await rate(frame, name, A_SCORES[name]);
    await category(frame, 'Communication clarity')
      .locator('.anchor', { hasText: /^3 – Clear on straightforward questions/ })
      .waitFor();
    await frame.getByLabel('Overall recommendation').selectOption('no');

    const held = await holdNextRun(page);
    const submit = frame.locator('#view-score button[type="submit"]');
    await submit.click();
    await held.arrived;
    await frame.locator('#view-score button[type="submit"][aria-busy="true"]:disabled').waitFor();
    expect(await submit.textContent()).toBe('Submitting…');
    await frame.locator('#status', { hasText: 'Submitting your scorecard…' }).waitFor();
    held.release();
    await frame.locator('#view-score button[type="submit"]:enabled:not([aria-busy])').waitFor();
    expect(await submit.textContent()).toBe('Submit scorecard');
    await status(frame, 'success', /^Scorecard submitted: version 1, .*The panel's scores are now visible/);
    await frame.getByText('You submitted version 1').waitFor();

    await frame.locator('#tab-panel:visible').click();
    await frame.locator('#view-panel table.panel-table').waitFor();
    const table = await panelTable(page);
    expect(table.head).toEqual(expect.arrayContaining(['Category', 'ben.osei', 'chen.wu', 'Panel']));
    const col = (who: string) => table.head.indexOf(who);
    const scores = (name: string) => [table.rows[name][col('ben.osei')], table.rows[name][col('chen.wu')]];
    expect(scores('Communication clarity')).toEqual(['3', '5']);
    expect(scores('Motivation fit')).toEqual(['4', '4']);
    expect(scores('Basic role fit')).toEqual(['4', '4']);
    expect(table.rows['Communication clarity'][col('Panel')]).toBe('4');
    await screenshot(page, 'journey-panel.png');
  });

  it('3. the 2-point gap on Communication clarity is flagged "Discuss before deciding"; the others are not', async () => {
    const frame = sidebar(page);
    const flagged = frame.locator('#view-panel tbody tr.divergent');
    expect(await flagged.count()).toBe(1);
    await flagged.locator('th', { hasText: 'Communication clarity' }).waitFor();
    await flagged.locator('.flag', { hasText: 'Discuss before deciding' }).waitFor();
    await frame
      .locator('#view-panel .flag-line', { hasText: 'Discuss before deciding: Communication clarity.' })
      .waitFor();
  });

  it('4. the hiring manager reconciles and advances: PASSES on the scorecard sheet and the Candidates stage change', async () => {
    await openSheet(page, 'S1 Screening');
    const stageRow = (await findCell(page, 'B', CANDIDATE)).slice(1);
    await cellText(page, `G${stageRow}`, ''); // pending: no scores on the scorecard row yet
    await openSheet(page, 'Candidates');

    await signInAs(page, MANAGER);
    const frame = await openScoring(page, `B${row}`, CANDIDATE, MANAGER);
    await frame.locator('#tab-panel:visible').click();
    const form = frame.locator('form.decision-form');
    await form.waitFor();
    const clarity = form.getByLabel('Communication clarity');
    expect(await clarity.inputValue()).toBe('4'); // pre-filled with the mean
    await form.locator('label', { hasText: 'Communication clarity' }).locator('.flag').waitFor();
    await clarity.fill('4.5');
    await form.getByLabel('Advance').check();
    await form.getByLabel('Why (required)').fill('Clear enough once we walked through the gap; advance.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await status(frame, 'success', 'Decision recorded: Advance.');
    await frame.locator('#view-panel .decision', { hasText: `Advance — decided by ${MANAGER}` }).waitFor();
    const reconciled = (await panelTable(page)).rows['Communication clarity'];
    expect(reconciled[reconciled.length - 1]).toBe('4.5 (reconciled) ✓');
    await closeSidebar(page);

    await openSheet(page, 'S1 Screening');
    await cellText(page, `C${stageRow}`, '4.5');
    await cellText(page, `G${stageRow}`, 'TRUE');
    await openSheet(page, 'Candidates');
    await cellText(page, `E${row}`, 'Main interview');
    await cellText(page, `P${row}`, 'TRUE'); // Screening result
  });

  it('5. keyboard only: Tab, arrow keys, Space and Enter pick every score and submit', async () => {
    const priya = 'Priya Raman';
    const priyaRow = (await findCell(page, 'B', priya)).slice(1);
    await signInAs(page, B);
    let frame = await openScoring(page, `B${priyaRow}`, priya, B);

    // The user tabs into the sidebar: its first control is the stage picker.
    await frame.getByLabel('Stage').focus();
    const active = async () =>
      (await sidebarFrame(page)).evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        const legend = el?.closest('fieldset')?.querySelector('legend')?.firstChild?.textContent ?? '';
        return {
          tag: el?.tagName ?? '',
          type: el?.type ?? '',
          legend,
          label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
          text: el?.textContent ?? '',
        };
      });
    const tabTo = async (want: (a: Awaited<ReturnType<typeof active>>) => boolean, what: string) => {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if (want(await active())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const wanted: Record<string, number> = {
      'Communication clarity': 4,
      'Motivation fit': 5,
      'Basic role fit': 2,
    };
    for (const [name, score] of Object.entries(wanted)) {
      await tabTo((a) => a.type === 'radio' && a.legend === name, `the ${name} scores`);
      await page.keyboard.press('Space'); // checks 1
      for (let i = 1; i < score; i++) await page.keyboard.press('ArrowRight');
      await category(frame, name)
        .locator('.anchor', { hasText: new RegExp(`^${score} – `) })
        .waitFor();
    }
    await tabTo((a) => a.tag === 'SELECT' && a.label === 'Overall recommendation', 'the recommendation');
    await page.keyboard.press('ArrowDown'); // Strong yes
    await page.keyboard.press('ArrowDown'); // Yes
    expect(await frame.getByLabel('Overall recommendation').inputValue()).toBe('yes');
    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Submit scorecard', 'Submit');
    await page.keyboard.press('Enter');
    await status(frame, 'success', /^Scorecard submitted: version 1/);

    // Reopened, the sidebar shows the stored scorecard.
    frame = await openScoring(page, `B${priyaRow}`, priya, B);
    await frame.getByText('You submitted version 1').waitFor();
    for (const [name, score] of Object.entries(wanted)) {
      await category(frame, name)
        .getByRole('radio', { name: String(score), exact: true })
        .and(frame.locator(':checked'))
        .waitFor();
    }
    expect(await frame.getByLabel('Overall recommendation').inputValue()).toBe('yes');
    await closeSidebar(page);
  });

  it('6. a candidate name and a note holding HTML stay inert text in the grid and the sidebar', async () => {
    const name = '<img src=x onerror="window.__xss=1">';
    const note = '<script>window.__xss=2</script>';
    await signInAs(page, A);
    const free = await findCell(page, 'B', ''); // the first empty Name cell below the sample
    const newRow = free.slice(1);
    await typeInto(page, `B${newRow}`, name);
    await cellText(page, `B${newRow}`, name);
    await page.waitForFunction(
      (a1) => /^C-\d+$/.test(document.querySelector(`td[data-a1="${a1}"]`)?.textContent ?? ''),
      `A${newRow}`,
    );
    expect(await page.locator(`td[data-a1="B${newRow}"] img`).count()).toBe(0);

    const frame = await openScoring(page, `B${newRow}`, name, A);
    for (const c of CATEGORIES) await rate(frame, c, 4);
    await frame.getByLabel('Overall recommendation').selectOption('yes');
    await frame.getByLabel('Overall note (optional)').fill(note);
    await frame.locator('#view-score button[type="submit"]').click();
    await status(frame, 'success', /^Scorecard submitted/);
    await frame.locator('#tab-panel:visible').click();
    const card = frame.locator('#view-panel details.interviewer', { hasText: A });
    await card.locator('summary').click();
    await card.locator('p.note', { hasText: note }).waitFor();

    expect(await frame.locator('#candidate h1.name').textContent()).toBe(name);
    expect(await frame.locator('img').count()).toBe(0);
    expect(await frame.locator('#view-panel script').count()).toBe(0);
    const inFrame = await (await sidebarFrame(page)).evaluate(() => (window as { __xss?: unknown }).__xss);
    const inPage = await page.evaluate(() => (window as { __xss?: unknown }).__xss);
    expect(inFrame).toBeUndefined();
    expect(inPage).toBeUndefined();
    await screenshot(page, 'journey-xss.png');
    await closeSidebar(page);
  });

  it('7. a server error shows in the sidebar’s status region, and the page stays usable', async () => {
    const lena = 'Lena Fischer';
    const lenaRow = (await findCell(page, 'B', lena)).slice(1);
    const id = (await page.locator(`td[data-a1="A${lenaRow}"]`).textContent()) ?? '';
    expect(id).toMatch(/^C-\d+$/);
    const frame = await openScoring(page, `B${lenaRow}`, lena, A);
    for (const c of CATEGORIES) await rate(frame, c, 3);
    await frame.getByLabel('Overall recommendation').selectOption('no');

    // Someone clears the candidate's ID on the sheet while the sidebar is open.
    await selectCell(page, `A${lenaRow}`);
    await page.keyboard.press('Delete');
    await page.waitForFunction(
      ([a1, old]) => document.querySelector(`td[data-a1="${a1}"]`)?.textContent !== old,
      [`A${lenaRow}`, id] as const,
    );

    const submit = frame.locator('#view-score button[type="submit"]');
    await submit.click();
    await status(frame, 'error', `There is no candidate with the ID "${id}" on the Candidates sheet.`);
    await frame.locator('#status[role="status"]').waitFor();
    await frame
      .locator('#view-score button[type="submit"]:enabled', { hasText: 'Submit scorecard' })
      .waitFor();

    // Still usable: put the ID back and submit the same form again.
    await typeInto(page, `A${lenaRow}`, id);
    await cellText(page, `A${lenaRow}`, id);
    await submit.click();
    await status(frame, 'success', /^Scorecard submitted: version 1/);
    await closeSidebar(page);
  });
});
