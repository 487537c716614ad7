/**
 * Shared helpers of the browser tests: launching the system's Chromium (never skipping when it is missing:
 * failing with instructions), starting the preview on a free port with a page open on it, and driving the
 * preview page like a user (cells, tabs, the Extensions menu, the "Signed in as" switch, the sidebar).
 * Every wait is for a condition, never a fixed time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { launch } from '../../scripts/chromium';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../preview/server';
import { ROOT } from '../preview/http';

export { CHROME, hasChromium, launch, requireChromium } from '../../scripts/chromium';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const quiet = (): undefined => undefined;

/** Chromium with a page open on a preview started in-process on a free port. */
export interface PreviewBrowser {
  preview: PreviewServer;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts the preview (sample workbook unless `options.start` says otherwise), runs `before` on the session
 * (server-side set-up, before the page first loads), then opens the page and waits until it is ready.
 */
export async function openPreview(
  options: PreviewOptions = {},
  before?: (preview: PreviewServer) => void | Promise<void>,
): Promise<PreviewBrowser> {
  const { context, dir } = await launch();
  let preview: PreviewServer | undefined;
  const close = async () => {
    await context.close();
    await preview?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    preview = await startPreview({ root: ROOT, port: 0, log: quiet, ...options });
    await before?.(preview);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(preview.url);
    await page.locator('body[data-ready="true"]').waitFor();
    return { preview, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

// ---- The grid --------------------------------------------------------------------------------------------

export const cellSel = (a1: string): string => `td[data-a1="${a1}"]`;

/**
 * Waits until a cell shows exactly this text (the dropdown chevron, an aria-hidden decoration, is not part of
 * the text).
 */
export async function cellText(page: Page, a1: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => {
      const td = document.querySelector(sel);
      if (!td) return false;
      const shown = Array.from(td.childNodes)
        .filter((n) => !(n instanceof HTMLElement && n.classList.contains('chevron')))
        .map((n) => n.textContent)
        .join('');
      return shown === want;
    },
    [cellSel(a1), text] as const,
  );
}

/** Clicks a cell and waits until it is the current cell. */
export async function selectCell(page: Page, a1: string): Promise<void> {
  await page.click(cellSel(a1));
  await page.locator(`${cellSel(a1)}.current`).waitFor();
}

export async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await selectCell(page, a1);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The A1 reference of the first cell of a column (a letter) that shows exactly this text. */
export async function findCell(page: Page, column: string, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([col, want]) => {
      const cells = Array.from(document.querySelectorAll<HTMLElement>('td[data-a1]'));
      const hit = cells.find((td) => td.dataset.a1?.replace(/\d+$/, '') === col && td.textContent === want);
      return hit?.dataset.a1 ?? null;
    },
    [column, text] as const,
  );
  return (await handle.jsonValue()) as string;
}

export async function openSheet(page: Page, name: string): Promise<void> {
  await page.click(`.tab[data-sheet="${name}"]`);
  await page.locator(`.tab[data-sheet="${name}"][aria-selected="true"]`).waitFor();
}

export async function background(page: Page, a1: string): Promise<string> {
  return page.$eval(cellSel(a1), (el) => getComputedStyle(el).backgroundColor);
}

// ---- Menu, user, sidebar ---------------------------------------------------------------------------------

/** Extensions ▸ Scorecard ▸ (item). */
export async function menu(page: Page, caption: RegExp | string): Promise<void> {
  await page.click('#menu-extensions');
  await page.locator('#menu-extensions-list > .menu-sub > button', { hasText: 'Scorecard' }).click();
  await page.locator('#menu-extensions-list button[role="menuitem"]', { hasText: caption }).first().click();
}

/** Types an address into "Signed in as" and waits until the page says it is the active user. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.fill('#user-input', email);
  await page.press('#user-input', 'Enter');
  await page.locator(`body[data-user="${email}"]`).waitFor();
}

export const sidebar = (page: Page): FrameLocator => page.frameLocator('#sidebar-frame');

/**
 * Selects the candidate's row (by clicking the cell), runs Score candidate and waits until the sidebar shows
 * this candidate's name for this user (so a sidebar left open from before is never mistaken for the new one).
 */
export async function openScoring(page: Page, a1: string, name: string, user: string): Promise<FrameLocator> {
  await closeSidebar(page);
  await selectCell(page, a1);
  await menu(page, 'Score candidate');
  await page.locator('#sidebar-host:not([hidden])').waitFor();
  const frame = sidebar(page);
  await frame.locator('#candidate h1.name', { hasText: name }).waitFor();
  await frame.locator('#candidate', { hasText: `Signed in as ${user}` }).waitFor();
  return frame;
}

export async function closeSidebar(page: Page): Promise<void> {
  if (await page.locator('#sidebar-host:not([hidden])').count()) {
    await page.click('#sidebar-close');
    await page.locator('#sidebar-host').waitFor({ state: 'hidden' });
  }
}

/** The sidebar's Frame (for evaluating script in it), once its document is loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The sidebar has no frame.');
  return frame;
}

/** Waits until the sidebar's status line shows this kind of message with this text. */
export async function sidebarStatus(
  frame: FrameLocator,
  kind: 'success' | 'error',
  text: string | RegExp,
): Promise<void> {
  await frame.locator(`#status.status-${kind}`, { hasText: text }).waitFor();
}

// ---- The server, behind the page ---------------------------------------------------------------------------

/** The ID of a candidate of the preview's workbook, by name. */
export function candidateIdOf(preview: PreviewServer, name: string): string {
  const row = preview.session.rt.inspect.values('Candidates', 'A1:B200').find((r) => r[1] === name);
  if (!row) throw new Error(`${name} is not in the preview's workbook`);
  return String(row[0]);
}

/**
 * Calls a server function as `user` through the bridge the sidebar uses (for set-up the page does not show,
 * and for reading what another person would see), leaving the session's user as it was.
 */
export function serverCallAs(preview: PreviewServer, user: string, name: string, payload: unknown): unknown {
  const session = preview.session;
  const before = session.rt.activeUser;
  session.setUser(user);
  try {
    const response = session.runFunction(name, JSON.stringify([payload]));
    if (!response.ok) throw new Error(`${name} as ${user} failed: ${response.error.message}`);
    return response.value;
  } finally {
    session.setUser(before);
  }
}

/** A category's fieldset on the sidebar's score form, by the name in its legend. */
export const categoryFieldset = (frame: FrameLocator, name: string) =>
  frame.locator('fieldset.category', { has: frame.locator('legend', { hasText: name }) });

/** Chooses a score for a category on the sidebar's form, as a user clicks it. */
export async function rate(frame: FrameLocator, name: string, score: number): Promise<void> {
  await categoryFieldset(frame, name)
    .getByRole('radio', { name: String(score), exact: true })
    .check();
}

/** A screening scorecard submitted as `user` behind the page (someone who scored before the page opened). */
export function submitScreeningAs(
  preview: PreviewServer,
  user: string,
  candidate: string,
  submissionId: string,
  scores: Readonly<Record<string, number>>,
  overallNote = '',
): void {
  serverCallAs(preview, user, 'submitScorecard', {
    submissionId,
    candidateId: candidateIdOf(preview, candidate),
    stageId: 'screening',
    scores,
    notes: {},
    recommendation: 'yes',
    overallNote,
  });
}
