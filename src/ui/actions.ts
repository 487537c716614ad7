/**
 * Runs a menu action the way users expect from a Sheets add-on: one action at a time per spreadsheet (document
 * lock with a bounded wait), errors they can act on shown in plain words, anything unexpected reported too.
 */
import { isWorkbookError } from '../sheets/errors';
import type { Services } from './services';

export const LOCK_WAIT_MS = 10_000;
export const BUSY_MESSAGE = 'Another Scorecard action is running in this spreadsheet. Try again in a moment.';

export function withDocumentLock<T>(services: Services, action: () => T): T {
  if (!services.lock.tryLock(LOCK_WAIT_MS)) throw new Error(BUSY_MESSAGE);
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
    const message = error instanceof Error ? error.message : String(error);
    const expected = isWorkbookError(error) || message === BUSY_MESSAGE;
    // Unexpected errors also go to the execution log (Stackdriver), with their stack, for whoever debugs them.
    if (!expected) console.error(error);
    const prefix = expected ? '' : 'Something went wrong: ';
    services.ui.alert(title, `${prefix}${message}`, services.ui.ButtonSet.OK);
  }
}
