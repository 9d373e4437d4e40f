// The run journal: one file per reschedule run, beside its backups, one JSON line per step,
// fsynced BEFORE the step is taken. A run killed outright (SIGKILL, power loss) leaves it open;
// the next start of the tool reads it and names every pod it may have left deleted.
//
//   <backups>/<context>/runs/<time>-<pid>.open.jsonl   a run going, or one that left a pod deleted
//   <backups>/<context>/runs/<time>-<pid>.done.jsonl   closed: nothing left to restore
//   <default backups>/<context>/runs/<same>.open.link  the journal's path, when --backup-dir put it
//                                                     elsewhere: the next start looks only here
//
// Finding open journals is one directory read (most starts find none and stop there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorText } from '../errors.js';
import { makePrivateDirs, syncDir } from './backup.js';
import { OPEN, journalDir, podsLeftDeleted, type JournalEntry, type LeftDeleted, type RunKind } from './journal-entries.js';
import { closeJournalFile, writeLink } from './journal-files.js';

export * from './journal-entries.js';

export interface JournalOpenOptions {
  /** The run's backup root (--backup-dir or the default). */
  root: string;
  context: string;
  /** The default backup root, where the next start looks; a link goes there when root differs. */
  indexRoot?: string;
  pods: readonly string[];
  /** What the run is, for the warning a later start prints (default: a reschedule). */
  kind?: RunKind;
  profile?: string;
  now?: Date;
}

export class JournalError extends Error {}

/** An open journal. append() throws JournalError when the entry is not on disk. */
export class RunJournal {
  private fd: number | null;
  private readonly entries: JournalEntry[] = [];

  private constructor(
    readonly file: string,
    fd: number,
    private readonly link: string | null,
  ) {
    this.fd = fd;
  }

  static open(options: JournalOpenOptions): RunJournal {
    const dir = journalDir(options.root, options.context);
    const now = options.now ?? new Date();
    const base = `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${process.pid}`;
    let fd: number;
    let file: string;
    try {
      makePrivateDirs(dir);
      for (let attempt = 0; ; attempt++) {
        file = path.join(dir, `${base}${attempt === 0 ? '' : `-${attempt}`}${OPEN}`);
        try {
          fd = fs.openSync(file, 'wx', 0o600);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
        }
      }
      syncDir(dir);
    } catch (error) {
      throw new JournalError(`cannot write the run journal in ${dir}: ${errorText(error)}`);
    }
    const link = options.indexRoot !== undefined ? writeLink(options.indexRoot, options.root, options.context, file) : null;
    const journal = new RunJournal(file, fd, link);
    journal.append({
      event: 'started',
      pid: process.pid,
      host: os.hostname(),
      context: options.context,
      pods: [...options.pods],
      ...(options.kind && options.kind !== 'reschedule' ? { kind: options.kind } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    });
    return journal;
  }

  append(entry: Omit<JournalEntry, 'at'>): void {
    if (this.fd === null) throw new JournalError(`the run journal ${this.file} is closed`);
    const full: JournalEntry = { ...entry, at: new Date().toISOString() };
    try {
      fs.writeSync(this.fd, `${JSON.stringify(full)}\n`);
      fs.fsyncSync(this.fd);
    } catch (error) {
      throw new JournalError(`cannot write the run journal ${this.file}: ${errorText(error)}`);
    }
    this.entries.push(full);
  }

  /** append(), for steps after the delete: the pod is coming back either way, a full disk must not stop that. */
  note(entry: Omit<JournalEntry, 'at'>): void {
    try {
      this.append(entry);
    } catch {
      // The journal then says less than happened; the next start checks the cluster anyway.
    }
  }

  /** Pods this run left deleted so far. */
  leftDeleted(): LeftDeleted[] {
    return podsLeftDeleted(this.entries);
  }

  /** The run is over: closed when it left no pod deleted, else kept open for the next start. */
  finish(): void {
    this.note({ event: 'done' });
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    if (this.leftDeleted().length === 0) closeJournalFile(this.file, this.link);
  }
}
