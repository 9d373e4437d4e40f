// Reading journals at start: which dead runs left which pods deleted; closing what is settled.
// Finding open journals is one directory read per root (most starts find none and stop there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LINK, OPEN, journalDir, parseJournal, podsLeftDeleted, processAlive, runIsLive, type JournalEntry, type LeftDeleted, type RunKind } from './journal-entries.js';
import { appendTo, closeJournalFile } from './journal-files.js';

export interface OpenJournal {
  file: string;
  /** The link in the default place that pointed here, if any. */
  link: string | null;
  entries: JournalEntry[];
}

/** Open journals of this context under the given roots (links followed); one readdir per root. */
export function openJournals(roots: readonly string[], context: string): OpenJournal[] {
  const found = new Map<string, OpenJournal>();
  for (const root of new Set(roots.map((r) => path.resolve(r)))) {
    const dir = journalDir(root, context);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const entry = path.join(dir, name);
      let file = entry;
      let link: string | null = null;
      if (name.endsWith(LINK)) {
        link = entry;
        try {
          file = fs.readFileSync(entry, 'utf8').trim();
        } catch {
          continue;
        }
        if (!file.endsWith(OPEN) || !fs.existsSync(file)) {
          // Its journal was closed by a run that could not remove the link (or moved): stale.
          fs.rmSync(entry, { force: true });
          continue;
        }
      } else if (!name.endsWith(OPEN)) continue;
      const known = found.get(file);
      if (known) {
        known.link ??= link;
        continue;
      }
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      found.set(file, { file, link, entries: parseJournal(text) });
    }
  }
  return [...found.values()];
}

export interface PendingRestore extends LeftDeleted {
  journal: string;
  /** When the run started (ISO). */
  startedAt: string | null;
  /** What the run was (absent in older journals: a reschedule) and the profile it deleted or replaced. */
  kind: RunKind;
  profile: string | null;
}

export interface PendingCheck {
  pending: PendingRestore[];
  /** Pods found to exist again: their journals were closed with a note. */
  closed: string[];
}

/**
 * Pods that dead runs left deleted. `podExists` asks the cluster (true, false, or null when it
 * cannot tell: then the pod is reported, to be safe). Pods that exist again are recorded in their
 * journal, and a journal with nothing left is closed.
 */
export async function pendingRestores(
  roots: readonly string[],
  context: string,
  podExists: (namespace: string, name: string) => Promise<boolean | null>,
  options: { host?: string; alive?: (pid: number) => boolean } = {},
): Promise<PendingCheck> {
  const host = options.host ?? os.hostname();
  const alive = options.alive ?? processAlive;
  const result: PendingCheck = { pending: [], closed: [] };
  for (const journal of openJournals(roots, context)) {
    if (runIsLive(journal.entries, host, alive)) continue;
    const left = podsLeftDeleted(journal.entries);
    const started = journal.entries.find((e) => e.event === 'started');
    const startedAt = started?.at ?? null;
    const kind: RunKind = started?.kind ?? 'reschedule';
    const profile = started?.profile ?? null;
    const still: LeftDeleted[] = [];
    const answers = await Promise.all(left.map((p) => podExists(p.namespace, p.name).catch(() => null)));
    for (const [i, p] of left.entries()) {
      if (answers[i] === true) {
        appendTo(journal.file, { event: 'restored', pod: p.pod, note: 'the pod exists again (found at a later start)' });
        result.closed.push(p.pod);
      } else still.push(p);
    }
    if (still.length === 0) {
      appendTo(journal.file, { event: 'closed', note: left.length === 0 ? 'the run left no pod deleted' : 'every pod exists again' });
      closeJournalFile(journal.file, journal.link);
    }
    for (const p of still) result.pending.push({ ...p, journal: journal.file, startedAt, kind, profile });
  }
  return result;
}

/** Record, in a journal a later start found, that its pods were restored; close it when none is left. */
export function markRestored(journalFile: string, pod: string, note: string): void {
  appendTo(journalFile, { event: 'restored', pod, note });
  let entries: JournalEntry[];
  try {
    entries = parseJournal(fs.readFileSync(journalFile, 'utf8'));
  } catch {
    return;
  }
  if (podsLeftDeleted(entries).length === 0) {
    appendTo(journalFile, { event: 'closed', note: 'every pod was restored' });
    // A link to it in the default place is dropped by the next openJournals() (its target is closed).
    closeJournalFile(journalFile, null);
  }
}
