/**
 * A problem the user can fix. The CLI prints `message` (one line: what is wrong and what to do)
 * and `hint` if any, never a stack trace, and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, { exitCode = 1, hint }: { exitCode?: number; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Wrong flags or arguments (exit code 2, like most CLIs). */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint === undefined ? { exitCode: 2 } : { exitCode: 2, hint });
    this.name = 'UsageError';
  }
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

/** The text of any thrown value, for wrapping into a UserError. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);

/** One or two lines for the terminal: the message, then the hint if any. No stack traces. */
export function describeError(error: unknown): string {
  if (isUserError(error)) return error.hint ? `${error.message}\n  ${error.hint}` : error.message;
  return errorText(error);
}
