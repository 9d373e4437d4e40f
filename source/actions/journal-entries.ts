// The run journal's entries (one JSON line per step, see journal.ts) and the pure rules read
// from them: which pods a run left deleted, whether the run still lives.
import path from 'node:path';
import { safeSegment } from './backup.js';

export type JournalEvent =
  | 'started'
  | 'backup-written'
  | 'deleting'
  | 'deleted'
  | 'creating'
  | 'created'
  | 'verified'
  | 'evicting'
  | 'restarting'
  | 'rolled-out'
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
  /** "namespace/Kind/name" for workload steps (restarting, rolled-out); `pods` lists its planned pods. */
  workload?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  /** The backup file (backup-written). */
  file?: string;
  /** started: who runs it, so a later start can tell a live run from a dead one. */
  pid?: number;
  host?: string;
  context?: string;
  /** started: the planned pods; restarting: the workload's planned pods. */
  pods?: string[];
  /** started: what the run is (absent: a reschedule). A profile delete's bare pods are stopped by EKS, not by us. */
  kind?: RunKind;
  /** started, for profile runs: the Fargate profile deleted or replaced. */
  profile?: string;
  /** ended: the pod's outcome; restored/closed: why. */
  outcome?: string;
  /** ended: the run ends this pod's turn with it possibly deleted (it said how to restore it). */
  leftDeleted?: boolean;
  note?: string;
}

export type RunKind = 'reschedule' | 'profile-delete' | 'profile-replace';

/** File name endings: an open journal, a closed one, a link to an open one elsewhere. */
export const OPEN = '.open.jsonl';
export const DONE = '.done.jsonl';
export const LINK = '.open.link';

export const journalDir = (root: string, context: string): string => path.join(root, safeSegment(context), 'runs');

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
