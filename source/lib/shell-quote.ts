// Words for the commands we print for the user to paste (restore lines in backups, results and
// warnings): a path with spaces, quotes or `$(...)` must arrive as one word and run nothing.

/** One POSIX shell word: bare when every character is safe, else in single quotes ('\'' for a quote). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its words. */
export const shellCommand = (words: readonly string[]): string => words.map(shellQuote).join(' ');
