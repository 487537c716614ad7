/**
 * Who can open a generated document: DocumentApp puts it in its creator's My Drive, shared with nobody, so the
 * add-on shares it — as an editor (interviewers write their notes in the script) — with the candidate's hiring
 * manager and panel. Document.addEditors needs only the documents scope Scorecard already has. An address Google
 * refuses (not an email, or outside what the domain allows) is reported by name, never skipped in silence.
 */
import { includesEmail, normaliseEmail, sameEmail } from '../core/people';

export interface Sharing {
  /** Everyone the document is now shared with (lower case, in the order given). */
  readonly shared: readonly string[];
  /** Addresses Google refused, with what it said. */
  readonly refused: readonly { readonly email: string; readonly reason: string }[];
}

export const NOT_SHARED: Sharing = { shared: [], refused: [] };

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^\w*Exception:\s*/, '');
}

/** The people to share with: trimmed, without blanks, duplicates (any case) or the person making it. */
export function sharingList(emails: readonly string[], maker: string): string[] {
  const out: string[] = [];
  for (const raw of emails) {
    const email = normaliseEmail(raw);
    if (email === '' || sameEmail(email, maker) || includesEmail(out, email)) continue;
    out.push(email);
  }
  return out;
}

/**
 * Shares the document with `emails` as editors: one addEditors call, and only when Google refuses it one call per
 * address, to tell who was refused and why.
 */
export function shareDocument(
  document: GoogleAppsScript.Document.Document,
  emails: readonly string[],
): Sharing {
  if (emails.length === 0) return NOT_SHARED;
  try {
    document.addEditors([...emails]);
    return { shared: [...emails], refused: [] };
  } catch {
    const shared: string[] = [];
    const refused: { email: string; reason: string }[] = [];
    for (const email of emails) {
      try {
        document.addEditor(email);
        shared.push(email);
      } catch (error) {
        refused.push({ email, reason: reason(error) });
      }
    }
    return { shared, refused };
  }
}
