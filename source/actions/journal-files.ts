// The journal's files: a link from the default backup root, closing (renaming), late notes.
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDirs, syncDir } from './backup.js';
import { DONE, LINK, OPEN, journalDir, type JournalEntry } from './journal-entries.js';

export function writeLink(indexRoot: string, root: string, context: string, journal: string): string | null {
  if (path.resolve(indexRoot) === path.resolve(root)) return null;
  const dir = journalDir(indexRoot, context);
  const link = path.join(dir, path.basename(journal, OPEN) + LINK);
  try {
    makePrivateDirs(dir);
    fs.writeFileSync(link, `${journal}\n`, { mode: 0o600 });
    const fd = fs.openSync(link, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    syncDir(dir);
    return link;
  } catch {
    // The journal itself is written; only its pointer from the default place is missing.
    return null;
  }
}

/** Rename X.open.jsonl to X.done.jsonl (kept as the run's record) and drop its link. */
export function closeJournalFile(file: string, link: string | null): void {
  try {
    if (file.endsWith(OPEN)) fs.renameSync(file, file.slice(0, -OPEN.length) + DONE);
    syncDir(path.dirname(file));
  } catch {
    // Left open: the next start finds every pod exists and closes it then.
  }
  if (link !== null) fs.rmSync(link, { force: true });
}

/** One entry at the end of an existing journal, fsynced; best effort. */
export function appendTo(file: string, entry: Omit<JournalEntry, 'at'>): void {
  try {
    // r+, not a: a journal another start has just closed (renamed) must not be created anew.
    const fd = fs.openSync(file, 'r+');
    try {
      fs.writeSync(fd, `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`, fs.fstatSync(fd).size);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort: a journal we cannot update is found and checked again at the next start.
  }
}
