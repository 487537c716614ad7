/**
 * People are their email addresses: the signed-in account, the Hiring manager and Panel cells, the Score log's
 * Interviewer column. Every comparison of two of them goes through `sameEmail`.
 */

/** An email as Scorecard stores it and groups by it: without surrounding spaces, in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether two emails name the same person: case and surrounding spaces do not matter; a blank matches nothing. */
export function sameEmail(a: string, b: string): boolean {
  const first = normaliseEmail(a);
  return first !== '' && first === normaliseEmail(b);
}

/** Whether a list of emails (a Panel cell, the scorecards' authors) names this person. */
export function includesEmail(emails: readonly string[], email: string): boolean {
  return emails.some((e) => sameEmail(e, email));
}
