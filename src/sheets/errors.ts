/**
 * An error the user can act on: its message is shown as it is (alert, toast or sidebar), so it names the
 * sheet, the cell and what to do. Anything else that escapes is a bug and is shown with a generic prefix.
 */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n\n• ${problems.join('\n• ')}` : message);
    this.name = 'WorkbookError';
  }
}

export function isWorkbookError(error: unknown): error is WorkbookError {
  return error instanceof Error && error.name === 'WorkbookError';
}
