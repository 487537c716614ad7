/**
 * Runs a menu action the way users expect from a Sheets add-on: one action at a time per spreadsheet (document
 * lock with a bounded wait), and whatever goes wrong shown in an alert (src/ui/errors.ts decides the words).
 */
import { UserError } from '../core/errors';
import { showError } from './errors';
import type { Services } from './services';

export const LOCK_WAIT_MS = 10_000;
export const BUSY_MESSAGE = 'Another Scorecard action is running in this spreadsheet. Try again in a moment.';

export function withDocumentLock<T>(services: Services, action: () => T): T {
  if (!services.lock.tryLock(LOCK_WAIT_MS)) throw new UserError('busy', BUSY_MESSAGE);
  try {
    return action();
  } finally {
    services.lock.releaseLock();
  }
}

/** For menu items: shows what went wrong in an alert instead of the generic "script error" bar. */
export function runMenuAction(services: Services, title: string, action: () => void): void {
  try {
    withDocumentLock(services, action);
  } catch (error) {
    showError(services, title, error);
  }
}
