/**
 * The panel view's "Create debrief document" button in the built sidebar page (build/Sidebar.html) in Chromium,
 * with google.script.run stubbed: the button is disabled while the call runs, the link opens the document in a
 * new tab, errors go to the status region. Needs `npm run build` and Chromium (as test/browser does).
 */
import * as fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../../scripts/chromium';
import { builtFile } from '../support/build-output';

const URL = 'https://docs.google.com/document/d/1FakeDoc0001_xxxxxxxx/edit';

const context = {
  candidate: {
    id: 'C-0001',
    name: 'Ada <b>Lovelace</b>',
    role: 'Backend Developer',
    email: 'ada@example.com',
    stageId: 'main-interview',
    stageName: 'Main interview',
    hiringManager: 'manager@example.com',
  },
  stages: [{ id: 'main-interview', name: 'Main interview', optional: false, reached: true, current: true }],
  stage: {
    id: 'main-interview',
    name: 'Main interview',
    minutes: '45–75 min',
    categories: [
      { id: 'depth', name: 'Depth', keyRisk: true, description: 'd', anchors: ['1', '2', '3', '4', '5'] },
    ],
    passRule: 'Passes when…',
  },
  me: { email: 'manager@example.com' },
  mine: null,
  canSeePanel: true,
  isHiringManager: true,
  opensOnPanel: true,
  rights: { hiringManager: 'manager@example.com', panel: [], change: null, canConfirm: false },
};

const panel = {
  interviewers: [],
  categories: [
    {
      id: 'depth',
      name: 'Depth',
      keyRisk: true,
      scores: [],
      gap: null,
      divergent: false,
      panelScore: null,
      reconciled: null,
    },
  ],
  divergent: [],
  decision: null,
  veto: null,
  withdrawnVetoes: [],
  pass: { status: 'pending', summary: 'No scores yet.' },
  canDecide: false,
  canVeto: false,
  canWithdrawVeto: false,
  shareable: [],
  rights: { hiringManager: 'manager@example.com', panel: [], change: null, canConfirm: false },
  untrusted: [],
};

/**
 * google.script.run whose calls wait until the test settles them: window.__calls lists [name, request], and
 * window.__settle(name, ok, value) answers the oldest pending call of that name.
 */
const STUB = `(() => {
  const pending = [];
  window.__calls = [];
  window.__settle = (name, ok, value) => {
    const i = pending.findIndex((p) => p.name === name);
    const [call] = pending.splice(i, 1);
    ok ? call.success(value) : call.failure(new Error(value));
  };
  const runner = (success, failure) => new Proxy({}, {
    get(_, prop) {
      if (prop === 'withSuccessHandler') return (h) => runner(h, failure);
      if (prop === 'withFailureHandler') return (h) => runner(success, h);
      return (request) => {
        window.__calls.push([prop, request]);
        const auto = window.__auto && window.__auto[prop];
        if (auto !== undefined) setTimeout(() => success(auto), 0);
        else pending.push({ name: prop, success, failure });
      };
    },
  });
  window.google = { script: { run: runner(() => {}, () => {}) } };
})();`;

let browser: BrowserContext;
let dir: string;

beforeAll(async () => {
  ({ context: browser, dir } = await launch());
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openPanel(): Promise<Page> {
  const page = await browser.newPage();
  // The stub goes first in <head>, as Apps Script's own google.script is there before the page's script.
  const stub = `${STUB}\nwindow.__auto = ${JSON.stringify({ getScoringContext: context, getPanel: panel })};`;
  const html = fs.readFileSync(builtFile('Sidebar.html'), 'utf8');
  expect(html).toMatch(/<head>/i);
  await page.setContent(html.replace(/<head>/i, () => `<head><script>${stub}</script>`));
  await page.locator('#tab-panel:not([hidden])').click();
  await page.getByRole('button', { name: 'Create debrief document' }).waitFor();
  return page;
}

test('creates the debrief: busy while the call runs, then a link that opens the document in a new tab', async () => {
  const page = await openPanel();
  const button = page.locator('.debrief button');
  await button.click();
  await page.waitForFunction(() =>
    (window as any).__calls.some((c: [string]) => c[0] === 'generateDebriefDocument'),
  );
  expect(await page.evaluate(() => (window as any).__calls.at(-1))).toEqual([
    'generateDebriefDocument',
    { candidateId: 'C-0001', stageId: 'main-interview' },
  ]);
  expect(await button.isDisabled()).toBe(true);
  expect(await button.textContent()).toBe('Creating…');
  await button.click({ force: true }); // a second click while busy sends nothing
  expect(
    await page.evaluate(
      () => (window as any).__calls.filter((c: [string]) => c[0] === 'generateDebriefDocument').length,
    ),
  ).toBe(1);

  const name = 'Debrief · Stage 2 · Main interview — Ada <b>Lovelace</b>';
  await page.evaluate(
    ([url, n]) =>
      (window as any).__settle('generateDebriefDocument', true, {
        url,
        name: n,
        replaced: false,
        note: 'New documents are in the Drive folder "Scorecard documents — Hiring".',
      }),
    [URL, name],
  );
  const link = page.locator('.debrief a');
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(URL);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.textContent()).toBe(name); // text, not markup
  expect(await page.locator('.debrief b').count()).toBe(0);
  expect(await button.isDisabled()).toBe(false);
  expect(await page.locator('#status').textContent()).toBe(
    'Debrief document created. New documents are in the Drive folder "Scorecard documents — Hiring".',
  );
  await page.close();
});

const REFUSAL =
  "Nothing was created: a debrief shows every interviewer's scores, and you cannot see them yet for:\n\n" +
  '• Ada (Main interview)\n• Submit your own scorecard for that stage first, or ask the candidate’s hiring manager to generate the debrief.';

test('a refusal shows in the status region and leaves no link', async () => {
  const page = await openPanel();
  await page.locator('.debrief button').click();
  await page.waitForFunction(() =>
    (window as any).__calls.some((c: [string]) => c[0] === 'generateDebriefDocument'),
  );
  await page.evaluate(
    (message) => (window as any).__settle('generateDebriefDocument', false, message),
    `Exception: ${REFUSAL}`,
  );
  await page.locator('#status.status-error').waitFor();
  expect(await page.locator('#status').textContent()).toBe(REFUSAL);
  expect(await page.locator('.debrief a').count()).toBe(0);
  expect(await page.locator('.debrief button').isDisabled()).toBe(false);
  await page.close();
});
