// The journal of a `profile replace`: one per profile being replaced, beside the reschedule
// journals, one JSON line per step, fsynced BEFORE the step is taken. Running the same replace
// again reads it and continues; the next start of the tool names an unfinished one.
//
//   <backups>/<context>/profiles/replace-<OLD>.open.jsonl    under way, or interrupted
//   <backups>/<context>/profiles/replace-<OLD>-<time>.done.jsonl   finished (kept as the record)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProfileSpec } from '../../domain/profile-spec.js';
import { errorText, UserError } from '../../errors.js';
import { makePrivateDirs, safeSegment, syncDir } from '../backup.js';
import { DONE, OPEN, parseJournal, processAlive } from '../journal-entries.js';

export type ReplaceStrategy = 'one-at-a-time' | 'at-delete';

export type ReplaceEvent =
  | 'started'
  | 'creating'
  | 'created'
  | 'active'
  | 'moving'
  | 'backup'
  | 'moved'
  | 'backed-up'
  | 'deleting-old'
  | 'old-deleting'
  | 'restored'
  | 'old-gone'
  | 'done';

export interface ReplaceEntry {
  event: ReplaceEvent;
  at: string;
  /** started: the profile replaced, the new one, and how pods move. */
  old?: string;
  spec?: ProfileSpec;
  strategy?: ReplaceStrategy;
  pid?: number;
  host?: string;
  /** backup: one pod's backup (written by the reschedule, or before OLD is deleted). */
  pod?: string;
  uid?: string;
  file?: string;
  note?: string;
}

export const replaceDir = (root: string, context: string): string => path.join(root, safeSegment(context), 'profiles');
const openFile = (root: string, context: string, old: string): string => path.join(replaceDir(root, context), `replace-${safeSegment(old)}${OPEN}`);

export class ReplaceJournal {
  private constructor(
    readonly file: string,
    readonly entries: ReplaceEntry[],
  ) {}

  /** The open journal of a replace of `old`, if one was started and did not finish. */
  static find(root: string, context: string, old: string): ReplaceJournal | null {
    return ReplaceJournal.read(openFile(root, context, old));
  }

  static read(file: string): ReplaceJournal | null {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    return new ReplaceJournal(file, parseJournal(text) as unknown as ReplaceEntry[]);
  }

  static start(root: string, context: string, started: { old: string; spec: ProfileSpec; strategy: ReplaceStrategy }): ReplaceJournal {
    const file = openFile(root, context, started.old);
    try {
      makePrivateDirs(path.dirname(file));
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.closeSync(fd);
      syncDir(path.dirname(file));
    } catch (error) {
      throw new UserError(`cannot write the replace journal ${file}: ${errorText(error)}`, { hint: 'pass --backup-dir DIR' });
    }
    const journal = new ReplaceJournal(file, []);
    journal.append({ event: 'started', ...started, pid: process.pid, host: os.hostname() });
    return journal;
  }

  get started(): ReplaceEntry & { old: string; spec: ProfileSpec; strategy: ReplaceStrategy } {
    return this.entries.find((e) => e.event === 'started') as ReplaceEntry & { old: string; spec: ProfileSpec; strategy: ReplaceStrategy };
  }

  has(event: ReplaceEvent): boolean {
    return this.entries.some((e) => e.event === event);
  }

  /** Backups written for this replace, newest last (a pod may have several: the newest counts). */
  backups(): Map<string, ReplaceEntry> {
    const out = new Map<string, ReplaceEntry>();
    for (const e of this.entries) if (e.event === 'backup' && e.pod && e.file) out.set(e.pod, e);
    return out;
  }

  /** Written and fsynced before the step it names is taken; throws when it cannot be. */
  append(entry: Omit<ReplaceEntry, 'at'>): void {
    const full = { ...entry, at: new Date().toISOString() } as ReplaceEntry;
    try {
      const fd = fs.openSync(this.file, 'a', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify(full)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      throw new UserError(`cannot write the replace journal ${this.file}: ${errorText(error)}`, { hint: 'nothing more was done; free disk space and run the same command again' });
    }
    this.entries.push(full);
  }

  /** The replace is over: kept as its record under a dated name. */
  finish(): void {
    this.append({ event: 'done' });
    const done = this.file.slice(0, -OPEN.length) + `-${new Date().toISOString().replace(/[-:.]/g, '')}${DONE}`;
    try {
      fs.renameSync(this.file, done);
      syncDir(path.dirname(done));
    } catch {
      // Left open: the next run of the same replace finds every step done and closes it.
    }
  }
}

export interface UnfinishedReplace {
  old: string;
  new: string;
  startedAt: string;
  file: string;
}

/** Replaces that stopped part-way (their process is gone): one directory read. */
export function unfinishedReplaces(root: string, context: string, host = os.hostname(), alive: (pid: number) => boolean = processAlive): UnfinishedReplace[] {
  let names: string[];
  try {
    names = fs.readdirSync(replaceDir(root, context));
  } catch {
    return [];
  }
  const out: UnfinishedReplace[] = [];
  for (const name of names.filter((n) => n.startsWith('replace-') && n.endsWith(OPEN))) {
    const file = path.join(replaceDir(root, context), name);
    const journal = ReplaceJournal.read(file);
    const started = journal?.entries.find((e) => e.event === 'started');
    if (!journal || !started?.old || !started.spec) continue;
    if (started.host === host && typeof started.pid === 'number' && alive(started.pid)) continue;
    out.push({ old: started.old, new: started.spec.name, startedAt: started.at, file });
  }
  return out;
}
