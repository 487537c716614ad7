/**
 * How an error reaches a person, for every menu action and every sidebar call. A UserError (src/core/errors.ts)
 * is shown as written. Anything else is a bug or an outage: the person sees "Something went wrong" with a short
 * reference, and the detail (the error with its stack) goes to the execution log under that reference, so whoever
 * looks after the add-on can find it. No internal message or stack trace is ever shown.
 */
import { isUserError } from '../core/errors';
import type { Services } from './services';

/** Six letters and digits from the clock: short enough to read out, unique enough to find the log line. */
function reference(now: Date): string {
  return (now.getTime() % 36 ** 6).toString(36).toUpperCase().padStart(6, '0');
}

/** What a person is shown for an error that is not theirs to fix. */
export function somethingWentWrong(reference: string): string {
  return (
    `Something went wrong (reference ${reference}). Please try again; if it keeps happening, ` +
    'give this reference to whoever looks after Scorecard in this spreadsheet.'
  );
}

/** The text a person sees for any error. An unexpected one is logged first, with its reference. */
export function errorMessage(error: unknown, now: Date = new Date()): string {
  if (isUserError(error)) return error.message;
  const ref = reference(now);
  console.error(`Scorecard error ${ref}:`, error);
  return somethingWentWrong(ref);
}

/** A menu action's error, in an alert titled like the action. */
export function showError(services: Pick<Services, 'ui'>, title: string, error: unknown): void {
  services.ui.alert(title, errorMessage(error), services.ui.ButtonSet.OK);
}

/**
 * Wraps every function the sidebar calls (src/main.ts): a UserError reaches the page as written; anything else
 * reaches it as "Something went wrong" with the reference, never as an internal message such as a TypeError's.
 */
export function sidebarCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (isUserError(error)) throw error;
    // The detail is logged under the reference, and deliberately not carried to the page.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(errorMessage(error));
  }
}
