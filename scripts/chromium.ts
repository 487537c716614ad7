/**
 * The system Chromium, launched the one way this project allows (never a downloaded browser): shared by the
 * browser tests and `npm run bench`. CHROME_PATH overrides /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Whether a Chromium binary is where the tests look for one. */
export function hasChromium(): boolean {
  return fs.existsSync(CHROME);
}

export function chromiumMissingMessage(): string {
  return (
    `The browser tests need Chromium, and none was found at ${CHROME}. Install it (Debian/Ubuntu: ` +
    '`apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome binary. These tests never skip.'
  );
}

export function requireChromium(): void {
  if (!hasChromium()) throw new Error(chromiumMissingMessage());
}

export async function launch(): Promise<{ context: BrowserContext; dir: string }> {
  requireChromium();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    headless: true,
    args: CHROME_ARGS,
    viewport: { width: 1400, height: 860 },
  });
  return { context, dir };
}
