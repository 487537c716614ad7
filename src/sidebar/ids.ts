/**
 * Client-generated submission IDs. The server records a submission ID once, so a call that failed (or timed
 * out after the server had already written it) can be retried safely with the same ID. A changed form is a new
 * submission and gets a new ID; a successful call clears the pending ID.
 */

export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array) => unknown;
}

/** A UUID from crypto.randomUUID when available, else 32 random hex digits in UUID layout. */
export function newSubmissionId(random: RandomSource | undefined = globalThis.crypto): string {
  if (random && typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = new Uint8Array(16);
  if (random && typeof random.getRandomValues === 'function') random.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One pending submission of one form: same content → same ID until it succeeds. */
export class PendingSubmission {
  private pending: { fingerprint: string; id: string } | null = null;

  constructor(private readonly generate: () => string = () => newSubmissionId()) {}

  /** The ID to send for this content (any JSON-able value describing what is being submitted). */
  idFor(content: unknown): string {
    const fingerprint = JSON.stringify(content);
    if (this.pending === null || this.pending.fingerprint !== fingerprint) {
      this.pending = { fingerprint, id: this.generate() };
    }
    return this.pending.id;
  }

  /** After a success: the next submission is a new one. */
  succeeded(): void {
    this.pending = null;
  }
}
