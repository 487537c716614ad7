/**
 * The one error model. A `UserError` is something the person can act on: its message is shown as written (in a
 * menu's alert, in the sidebar's status line), so it says what is wrong and what to do, and lists the problems
 * by cell. Anything else that escapes an action is a bug or an outage: src/ui/errors.ts shows it as "Something
 * went wrong" with a short reference and logs the detail, so no stack trace or internal message reaches a user.
 */

/** What kind of problem it is, for code that must tell them apart (the message is for people). */
export type UserErrorCode =
  /** The workbook is not set up yet, or runs a process this version of Scorecard does not know. */
  | 'not-set-up'
  /** A sheet, header or column Scorecard needs is missing or broken: Set up workbook restores it. */
  | 'needs-repair'
  /** Set up found what it cannot fix safely (a duplicated or merged header, headers gone from the top rows). */
  | 'cannot-repair'
  /** What the team wrote on the Rubric or Templates sheet has problems, listed by cell. */
  | 'invalid-sheet'
  /** A sidebar request, or an answer typed into a prompt, that cannot be used. */
  | 'invalid-request'
  /** The selected rows are not candidates a document can be made for. */
  | 'invalid-selection'
  /** A candidate or stage that is not in the workbook. */
  | 'not-found'
  /** Decision rights: who may decide and who may veto. */
  | 'not-allowed'
  /** Independence: others' scores stay hidden until the viewer has submitted their own. */
  | 'scores-hidden'
  /** The templates cannot be rendered into a document. */
  | 'templates'
  /** Another Scorecard action holds the spreadsheet. */
  | 'busy'
  /** A Google service refused, in a way the person can retry. */
  | 'unavailable';

/** One problem, with the cell it is in when there is one ("Rubric!B7", "S1 Screening!D3", "C1 and D1"). */
export interface CellProblem {
  readonly cell: string | null;
  readonly message: string;
}

/** A problem as one line of a list: "B7: the category name is empty", or just the message. */
export function problemLine(problem: CellProblem): string {
  return problem.cell === null ? problem.message : `${problem.cell}: ${problem.message}`;
}

/** Problems given as lines (already naming their place) or as cell problems. */
export type Problems = readonly (string | CellProblem)[];

export class UserError extends Error {
  readonly problems: readonly CellProblem[];
  /** The message without the list of problems. */
  readonly summary: string;

  /**
   * The message says what happened; each problem becomes a bullet under it; `advice` (what to do about the whole
   * list) follows the list as a sentence of its own rather than as one more bullet.
   */
  constructor(
    readonly code: UserErrorCode,
    summary: string,
    problems: Problems = [],
    advice = '',
  ) {
    const listed = problems.map((p) => (typeof p === 'string' ? { cell: null, message: p } : p));
    const list = listed.length > 0 ? `\n\n• ${listed.map(problemLine).join('\n• ')}` : '';
    super(`${summary}${list}${advice ? `\n\n${advice}` : ''}`);
    // The name stays "Error": Apps Script hands the sidebar "Error: <message>", which the page knows to trim.
    this.summary = summary;
    this.problems = listed;
  }
}

export function isUserError(error: unknown, code?: UserErrorCode): error is UserError {
  return error instanceof UserError && (code === undefined || error.code === code);
}
