/**
 * Who can be sent a reminder: a cell entry that is an email address. Comparisons go through `sameEmail` (its
 * future home is src/core/people.ts, see coordination.md); this file only decides what counts as an address.
 */

// Something@domain.tld with no spaces, no second "@" and none of the characters that separate or quote addresses.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

/** Whether an entry of a Panel or Hiring manager cell is an email address a digest can go to. */
export function isEmailAddress(entry: string): boolean {
  return EMAIL.test(entry.trim());
}
