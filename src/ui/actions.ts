/**
 * Runs a menu action the way users expect from a Sheets add-on: one change at a time per spreadsheet (document
 * lock with a bounded wait), and whatever goes wrong shown in an alert (src/ui/errors.ts decides the words).
 *
 * No lock is ever held across a dialog: Apps Script suspends the script while an alert or prompt is open and
 * LockService locks do not survive the suspension (Ui.alert reference). So an action asks its questions first,
 * then takes the lock, reads the workbook again (someone may have changed it while the dialog was open), acts
 * and lets go — and only then shows its closing message.
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

/**
 * For menu items: shows what went wrong in an alert instead of the generic "script error" bar. The action takes
 * the document lock itself, around its changes only (withDocumentLock), never around a dialog.
 */
export function runMenuAction(services: Services, title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    showError(services, title, error);
  }
}
