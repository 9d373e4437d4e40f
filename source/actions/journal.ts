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
import { makePrivateDirs, safeSegment, syncDir } from './backup.js';

export type JournalEvent =
  | 'started'
  | 'backup-written'
  | 'deleting'
  | 'deleted'
  | 'creating'
  | 'created'
  | 'verified'
  | 'evicting'
  | 'ended'
  | 'restored'
  | 'done'
  | 'closed';

export interface JournalEntry {
  event: JournalEvent;
  /** ISO time. */
  at: string;
  /** "namespace/name" for pod steps. */
  pod?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  /** The backup file (backup-written). */
  file?: string;
  /** started: who runs it, so a later start can tell a live run from a dead one. */
  pid?: number;
  host?: string;
  context?: string;
  /** started: the planned pods. */
  pods?: string[];
  /** ended: the pod's outcome; restored/closed: why. */
  outcome?: string;
  /** ended: the run ends this pod's turn with it possibly deleted (it said how to restore it). */
  leftDeleted?: boolean;
  note?: string;
}

const OPEN = '.open.jsonl';
const DONE = '.done.jsonl';
const LINK = '.open.link';

export const journalDir = (root: string, context: string): string => path.join(root, safeSegment(context), 'runs');

// ---- pure helpers -------------------------------------------------------------------------

/** The entries of a journal's text; a torn last line (power loss mid-write) is skipped. */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (entry && typeof entry.event === 'string') entries.push(entry);
    } catch {
      // torn write
    }
  }
  return entries;
}

/** A pod the run may have left deleted: its delete was sent, and no create succeeded after it. */
export interface LeftDeleted {
  pod: string;
  namespace: string;
  name: string;
  /** The uid of the pod that was deleted. */
  uid: string;
  /** Its backup, to restore from. */
  file: string;
}

export function podsLeftDeleted(entries: readonly JournalEntry[]): LeftDeleted[] {
  const state = new Map<string, { backup?: JournalEntry; deleting: boolean }>();
  for (const e of entries) {
    if (e.pod === undefined) continue;
    const s = state.get(e.pod) ?? { deleting: false };
    if (e.event === 'backup-written') s.backup = e;
    if (e.event === 'deleting') s.deleting = true;
    if (e.event === 'created' || e.event === 'restored') s.deleting = false;
    // The run's own verdict on the pod (it checked the cluster) settles it either way.
    if (e.event === 'ended') s.deleting = s.deleting && e.leftDeleted === true;
    state.set(e.pod, s);
  }
  const out: LeftDeleted[] = [];
  for (const [pod, s] of state) {
    if (!s.deleting || s.backup?.file === undefined) continue;
    const [namespace = '', name = ''] = pod.split('/');
    out.push({ pod, namespace: s.backup.namespace ?? namespace, name: s.backup.name ?? name, uid: s.backup.uid ?? '', file: s.backup.file });
  }
  return out;
}

/** The run that wrote the journal is still going: not ended, and its process lives on this host. */
export function runIsLive(entries: readonly JournalEntry[], host: string, alive: (pid: number) => boolean): boolean {
  if (entries.some((e) => e.event === 'done' || e.event === 'closed')) return false;
  const started = entries.find((e) => e.event === 'started');
  if (!started || typeof started.pid !== 'number') return false;
  return started.host === host && alive(started.pid);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---- writing ------------------------------------------------------------------------------

export interface JournalOpenOptions {
  /** The run's backup root (--backup-dir or the default). */
  root: string;
  context: string;
  /** The default backup root, where the next start looks; a link goes there when root differs. */
  indexRoot?: string;
  pods: readonly string[];
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
    journal.append({ event: 'started', pid: process.pid, host: os.hostname(), context: options.context, pods: [...options.pods] });
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

function writeLink(indexRoot: string, root: string, context: string, journal: string): string | null {
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
function closeJournalFile(file: string, link: string | null): void {
  try {
    if (file.endsWith(OPEN)) fs.renameSync(file, file.slice(0, -OPEN.length) + DONE);
    syncDir(path.dirname(file));
  } catch {
    // Left open: the next start finds every pod exists and closes it then.
  }
  if (link !== null) fs.rmSync(link, { force: true });
}

// ---- reading at start ---------------------------------------------------------------------

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
    const startedAt = journal.entries.find((e) => e.event === 'started')?.at ?? null;
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
    for (const p of still) result.pending.push({ ...p, journal: journal.file, startedAt });
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

function appendTo(file: string, entry: Omit<JournalEntry, 'at'>): void {
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
