// Errors meant for the user: one clear line saying what is wrong and what to do.
// Anything else that escapes is a bug, and is still printed as one line (no stack trace).

export interface UserErrorOptions {
  /** 2 = usage error (bad flags or arguments), 1 = runtime failure. */
  exitCode?: number;
  /** What to do about it, appended to the message on the same line. */
  hint?: string;
}

export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, { exitCode = 1, hint }: UserErrorOptions = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /**
   * The single line printed to stderr. Not named `line`: JavaScriptCore (the bun-compiled
   * executables) sets own `line`/`column` properties on every Error, shadowing a getter.
   */
  get oneLine(): string {
    return this.hint ? `${this.message}; ${this.hint}` : this.message;
  }
}

/** A bad flag, argument or flag combination (exit code 2, like most CLIs). */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
    this.name = 'UsageError';
  }
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

/** The text of any thrown value, for wrapping into a UserError. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);

/** One line for the terminal: the message and the hint. No stack traces. */
export function describeError(error: unknown): string {
  const text = isUserError(error) ? error.oneLine : errorText(error);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') || 'unknown error';
}
